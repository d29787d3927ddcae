import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDelimiter, eachRecord, parseCsv, RecordStream, type Delimiter } from './parse';

const cells = (r: ReturnType<typeof parseCsv>) => (r.ok ? r.rows.map((x) => x.cells) : r.error);

describe('reading CSV text', () => {
  it('reads CRLF, LF, CR and a mix of them without merging rows', () => {
    expect(cells(parseCsv('a,b\r\n1,2\n3,4\r5,6\r\n', ','))).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields, and counts lines', () => {
    const r = parseCsv('name,note\r\n"Smith, Ann","She said ""hi""\r\nand left"\r\nBo,x\r\n', ',');
    expect(cells(r)).toEqual([['name', 'note'], ['Smith, Ann', 'She said "hi"\r\nand left'], ['Bo', 'x']]);
    if (r.ok) expect(r.rows.map((x) => x.line)).toEqual([1, 2, 4]);
  });

  it('drops blank lines but keeps empty cells', () => {
    expect(cells(parseCsv('a;b\n\n1;\n\n', ';'))).toEqual([['a', 'b'], ['1', '']]);
  });

  it('rejects malformed quoting with the line where it happened', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n', ',')).toMatchObject({ ok: false, line: 2, error: expect.stringMatching(/starts on line 2 is never closed/) });
    expect(parseCsv('a,b\n1,2\n3,"x"y\n', ',')).toMatchObject({ ok: false, line: 3 });
    expect(parseCsv('a,b\n1,ab"c\n', ',')).toMatchObject({ ok: false, line: 2, error: expect.stringMatching(/quote inside an unquoted field/) });
  });

  it('reads a file handed over in pieces exactly as the whole text: records, lines, offsets and errors', () => {
    // Text of CSV's own characters, well-formed or not, with or without a byte order mark.
    const text = fc
      .tuple(fc.boolean(), fc.array(fc.constantFrom('a', 'b', ',', ';', '"', '""', '\n', '\r', '\r\n', ' '), { maxLength: 120 }))
      .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(130), { maxLength: 8 }), fc.constantFrom<Delimiter>(',', ';'), (input, cuts, delimiter) => {
        const whole: unknown[] = [];
        const expected = eachRecord(input, delimiter, (c, line, offset) => whole.push([c, line, offset]));
        const pieces: unknown[] = [];
        const stream = new RecordStream(delimiter, (c, line, offset) => pieces.push([c, line, offset]));
        const at = [...new Set(cuts.map((c) => Math.min(c, input.length)))].sort((a, b) => a - b);
        [0, ...at].forEach((from, i) => stream.push(input.slice(from, at[i] ?? input.length)));
        const result = stream.end();
        // A malformed file too: the records before the error, then the same error.
        expect(pieces).toEqual(whole);
        expect(result).toEqual(expected);
      }),
      { numRuns: 400 }
    );
  });

  it('detects comma, semicolon and tab from the header line', () => {
    expect(detectDelimiter('email;first_name;last_name\n')).toBe(';');
    expect(detectDelimiter('email\tfirst_name\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(detectDelimiter('email\n')).toBe(',');
  });

  it('round-trips any table written with RFC 4180 quoting, for every delimiter and line ending', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '\t', '"', '\n', '\r', 'x', '=') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom<Delimiter>(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        (table, d, eol) => {
          const rows = table.filter((r) => !(r.length === 1 && r[0] === ''));
          const quote = (v: string) => (/[",;\t\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v);
          const text = rows.map((r) => r.map(quote).join(d)).join(eol) + eol;
          const r = parseCsv(text, d);
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.rows.map((x) => x.cells)).toEqual(rows);
        }
      )
    );
  });
});
