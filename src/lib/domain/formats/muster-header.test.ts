import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COLUMNS, mapColumns } from '../csv/columns';
import { recogniseHeader } from './recognise';
import { musterColumns, musterMapping } from './rows';

const musterHeader = fc.constantFrom(
  ...COLUMNS.map((c) => c.header),
  ...COLUMNS.map((c) => c.field),
  'First Name',
  'E-mail',
  'Email Address',
  'mail',
  'givenName',
  'surname',
  'Job Title',
  'Time Zone',
  'tz',
  'role',
  'type',
  'phone',
  'Notes',
  ''
);

describe('Muster’s own header', () => {
  it('is recognised as a Muster CSV', () => {
    const h = recogniseHeader([COLUMNS.map((c) => c.header)]);
    expect(h).toMatchObject({ format: 'muster', label: 'Muster CSV', purpose: 'update', headerIndex: 0, error: null });
    expect(musterMapping(h)).toEqual(COLUMNS.map((c) => c.header));
  });

  it('maps exactly as mapColumns does, whatever its columns', () => {
    fc.assert(
      fc.property(fc.array(musterHeader, { maxLength: 16 }), (headers) => {
        const h = recogniseHeader([headers]);
        const m = mapColumns(headers);
        expect(h.format).toBe('muster');
        expect(musterColumns(h)).toEqual(m.columns);
        expect(h.error).toBe(m.error);
        h.columns.forEach((c, i) => {
          if (!m.columns[i]) expect(c).toMatchObject({ kind: 'ignored', reason: expect.any(String) });
          else if (!m.columns[i]!.writable) expect(c).toMatchObject({ kind: 'field', note: m.columns[i]!.description });
        });
      })
    );
  });

  it('names duplicates and unknown columns', () => {
    const h = recogniseHeader([['email', 'First Name', 'first_name', 'phone']]);
    expect(h.columns.slice(2)).toEqual([
      { kind: 'ignored', reason: 'Fills the same Muster field as column 2 (First Name), which is read instead.', unrecognised: true },
      { kind: 'ignored', reason: 'Muster has no column by that name.', unrecognised: true }
    ]);
  });
});
