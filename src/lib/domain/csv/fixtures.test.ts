import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { decodeCsvBytes } from './decode';
import { detectDelimiter, parseCsv } from './parse';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, '../../../../tests/fixtures', name)));

function read(name: string) {
  const d = decodeCsvBytes(fixture(name));
  if (!d.ok) throw new Error(d.error);
  const delimiter = detectDelimiter(d.text);
  return { ...d, delimiter, parsed: parseCsv(d.text, delimiter) };
}

describe('files as spreadsheet programs save them (tests/fixtures)', () => {
  const expected = [
    ['email', 'first_name', 'last_name', 'title'],
    ['zoe@example.com', 'Zoë', 'Ça', 'Head of R&D, "Labs"'],
    ['rene@example.com', 'René', 'Müller', 'Chef']
  ];

  it.each([
    ['utf8-bom.csv', 'UTF-8', ','],
    ['utf16le-excel.csv', 'UTF-16 LE', '\t'],
    ['windows-1252.csv', 'Windows-1252', ',']
  ])('%s reads as %s with %j', (name, encoding, delimiter) => {
    const r = read(name);
    expect(r.encoding).toBe(encoding);
    expect(r.delimiter).toBe(delimiter);
    expect(r.parsed.ok && r.parsed.rows.map((x) => x.cells)).toEqual(expected);
    if (encoding === 'Windows-1252') expect(r.warning).toMatch(/Windows-1252/);
  });

  it('semicolons with mixed CRLF and LF and a quoted line break', () => {
    const r = read('semicolon-mixed-endings.csv');
    expect(r.delimiter).toBe(';');
    expect(r.parsed.ok && r.parsed.rows.map((x) => x.cells)).toEqual([
      ['email', 'first_name', 'last_name'],
      ['zoe@example.com', 'Zoë', 'A'],
      ['rene@example.com', 'René', 'B'],
      ['sam@example.com', 'Sam', 'Multi\nLine']
    ]);
  });

  it('an unclosed quote rejects the file at its line, never merging rows', () => {
    expect(read('unclosed-quote.csv').parsed).toMatchObject({ ok: false, line: 2 });
  });
});
