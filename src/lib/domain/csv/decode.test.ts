import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, MAX_FILE_BYTES } from './decode';
import { mapColumns } from './columns';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decoding an uploaded file', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeCsvBytes(enc('email\nzoë@x.io\n'))).toMatchObject({ ok: true, text: 'email\nzoë@x.io\n', encoding: 'UTF-8', warning: null });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('email\n')]))).toMatchObject({ ok: true, text: 'email\n' });
  });

  it('reads UTF-16 LE and BE with BOM, as spreadsheet programs save them', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Array.from('é,a').flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...Array.from('é,a').flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255])]);
    expect(decodeCsvBytes(le)).toMatchObject({ ok: true, text: 'é,a', encoding: 'UTF-16 LE' });
    expect(decodeCsvBytes(be)).toMatchObject({ ok: true, text: 'é,a', encoding: 'UTF-16 BE' });
  });

  it('falls back to Windows-1252 with a visible warning when the bytes are not UTF-8', () => {
    const r = decodeCsvBytes(new Uint8Array([...enc('name\nRen'), 0xe9, 0x0a]));
    expect(r).toMatchObject({ ok: true, text: 'name\nRené\n', encoding: 'Windows-1252' });
    if (r.ok) expect(r.warning).toMatch(/not valid UTF-8/);
  });

  it('refuses empty, binary, workbook and oversized files with a clear message', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ ok: false, error: 'The file is empty.' });
    expect(decodeCsvBytes(enc(' \n \n'))).toEqual({ ok: false, error: 'The file is empty.' });
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({ ok: false, error: expect.stringMatching(/\.xlsx/) });
    expect(decodeCsvBytes(new Uint8Array([1, 2, 0, 0, 5, 6, 7]))).toMatchObject({ ok: false, error: expect.stringMatching(/not text/) });
    expect(decodeCsvBytes(new Uint8Array(MAX_FILE_BYTES + 1))).toMatchObject({ ok: false, error: expect.stringMatching(/larger than the 64 MB limit/) });
  });
});

describe('matching columns by name', () => {
  it('ignores case, spaces, underscores and hyphens, and knows common aliases', () => {
    const m = mapColumns(['E-mail Address', 'First Name', 'LAST_NAME', 'time-zone', 'Favourite colour', 'first name', 'Status']);
    expect(m.columns.map((c) => c?.header ?? null)).toEqual(['email', 'first_name', 'last_name', 'time_zone', null, null, 'status']);
    expect(m.unknown).toEqual([{ index: 4, header: 'Favourite colour' }]);
    expect(m.duplicates).toEqual([{ index: 5, header: 'first name', sameAs: 1 }]);
    expect(m.readOnly).toEqual([{ index: 6, header: 'Status' }]);
    expect(m.error).toBeNull();
  });

  it('says clearly when there is no email column', () => {
    expect(mapColumns(['name', 'phone']).error).toMatch(/no email column/);
  });
});
