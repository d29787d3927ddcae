import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoContext } from '../../../tests/demo-context';
import { exportUsers } from '../domain/csv/export';
import { parseCsv } from '../domain/csv/parse';
import { csvDocument } from '../domain/csv/sanitize';
import { Store } from './store';
import { readFileBytes } from './upload';
import { streamFile } from './upload-stream';

const { ws, names } = demoContext();
const store = new Store();
store.settings = { plan: 'standard', today: '2026-11-22', invitationValidityDays: 14, actorId: 1, nextUserId: 1000, demoSize: 300 };
for (const r of ws.roles) store.roles.set(r.id, r);
for (const o of ws.organizations) store.organizations.set(o.id, o);
for (const c of ws.companies) store.companies.set(c.id, c);
store.load(ws.users);

/** A chosen file the browser hands over in these byte pieces (cut anywhere, inside characters too). */
function fileIn(bytes: Uint8Array, cuts: number[]): Blob {
  const at = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
  const pieces = [0, ...at].map((from, i) => bytes.slice(from, at[i] ?? bytes.length)).filter((p) => p.length > 0);
  const stream = () =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of pieces) c.enqueue(p);
        c.close();
      }
    });
  return { size: bytes.length, stream } as unknown as Blob;
}

const parsed = parseCsv(exportUsers(ws.users.slice(0, 40), names), ',');
if (!parsed.ok) throw new Error(parsed.error);
const [header, ...rows] = parsed.rows.map((x) => x.cells);
const texts = ['Zoë', 'Ünal', '', 'Europe/London', 'Mars/Base', 'Learner', 'x,y', 'a "quoted" title', 'two\nlines', ws.companies[0].name, 'not-an-email'];

/** Files as people upload them: an export edited here and there, in any line ending, with or without a BOM, sometimes not UTF-8. */
const files = fc
  .record({
    edits: fc.array(fc.tuple(fc.nat(rows.length - 1), fc.nat(header.length - 1), fc.constantFrom(...texts)), { maxLength: 20 }),
    newline: fc.constantFrom('\r\n', '\n'),
    bom: fc.boolean(),
    encoding: fc.constantFrom('utf-8', 'utf-8', 'utf-8', 'windows-1252', 'utf-16le'),
    headerQuote: fc.boolean(),
    dropHeaderTail: fc.boolean(),
    // Entra's templates start with a version line, with or without delimiters.
    preamble: fc.constantFrom('', '', 'version:v1.0\r\n', 'version:v1.0,,\r\n')
  })
  .map(({ edits, newline, bom, encoding, headerQuote, dropHeaderTail, preamble }) => {
    const cells = rows.map((r) => [...r]);
    for (const [row, column, text] of edits) cells[row][column] = text;
    const head = headerQuote ? header.map((h, i) => (i === 1 ? `"${h}"` : h)) : header;
    let text = preamble + csvDocument(dropHeaderTail ? head.slice(0, -2) : head, cells).replace(/\r\n/g, newline);
    if (headerQuote) text = text.replace(`""${header[1]}""`, `"${header[1]}"`);
    // A plain UTF-8 CSV is read as it streams; the rest may be left to be read whole.
    const streams = encoding === 'utf-8' && !headerQuote;
    if (encoding === 'utf-8') return { streams, bytes: new TextEncoder().encode((bom ? '\uFEFF' : '') + text) };
    if (encoding === 'utf-16le') return { streams, bytes: Uint8Array.from([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8])]) };
    // Windows-1252: every character below 256 as its own byte (what a spreadsheet saving "CSV" writes).
    return { streams, bytes: Uint8Array.from(Array.from(text, (c) => c.charCodeAt(0) & 255)) };
  });

describe('reading a chosen file as it streams', () => {
  it('reads exactly what reading the whole file reads, or leaves the file to be read whole', async () => {
    await fc.assert(
      // Pieces cut anywhere, each decoded in slices of any size (inside characters too).
      fc.asyncProperty(files, fc.array(fc.nat(6000), { maxLength: 12 }), fc.integer({ min: 1, max: 3000 }), async ({ streams, bytes }, cuts, slice) => {
        const streamed = await streamFile(store, fileIn(bytes, cuts), {}, undefined, slice);
        if (streams) expect(streamed).not.toBeNull();
        if (streamed) expect(streamed).toEqual(readFileBytes(store, bytes, {}));
      }),
      { numRuns: 60 }
    );
  });

  it('leaves workbooks, UTF-16 and binary files to be read whole', async () => {
    const starts = [
      [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      [0xfe, 0xff, 0x00, 0x65, 0x00, 0x6d],
      [0x65, 0x6d, 0x61, 0x69, 0x6c, 0x00, 0x01, 0x0a, 0x61, 0x0a]
    ];
    for (const start of starts) {
      const bytes = Uint8Array.from([...start, ...new TextEncoder().encode('\nemail\nada@example.com\n')]);
      // Even when the browser hands the first bytes over one by one.
      expect(await streamFile(store, fileIn(bytes, [1, 2, 3]), {})).toBeNull();
    }
  });

  it('streams a plain UTF-8 export, in any pieces', async () => {
    const bytes = new TextEncoder().encode(exportUsers(ws.users, names));
    const streamed = await streamFile(store, fileIn(bytes, [1, 2, 5000, 5001, 30000]), {});
    expect(streamed).not.toBeNull();
    expect(streamed).toEqual(readFileBytes(store, bytes, {}));
    expect(streamed!.read.ok && streamed!.read.rows).toBe(ws.users.length);
  });
});
