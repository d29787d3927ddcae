import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENTRA_CREATE_HEADERS, ENTRA_DELETE_HEADERS, ENTRA_DOWNLOAD_HEADERS, ENTRA_INVITE_HEADERS, ENTRA_VERSION_LINE } from './entra';
import { GOOGLE_READ_ONLY_HEADERS, GOOGLE_UPLOAD_HEADERS } from './google';
import { OKTA_HEADERS } from './okta';
import { recogniseHeader } from './recognise';
import type { FormatId } from './types';

const SETS: { name: string; headers: readonly string[]; format: FormatId; template: boolean }[] = [
  { name: 'Google bulk update template', headers: GOOGLE_UPLOAD_HEADERS, format: 'google', template: false },
  { name: 'Google user export', headers: [...GOOGLE_UPLOAD_HEADERS, ...GOOGLE_READ_ONLY_HEADERS], format: 'google', template: false },
  { name: 'Entra bulk create', headers: ENTRA_CREATE_HEADERS, format: 'entra-create', template: true },
  { name: 'Entra bulk invite', headers: ENTRA_INVITE_HEADERS, format: 'entra-invite', template: true },
  { name: 'Entra bulk delete', headers: ENTRA_DELETE_HEADERS, format: 'entra-delete', template: true },
  { name: 'Entra users download', headers: ENTRA_DOWNLOAD_HEADERS, format: 'entra-download', template: false },
  { name: 'Okta import', headers: OKTA_HEADERS, format: 'okta', template: false }
];

/** One header as someone might retype it: any letter's case, any spacing between words and around brackets. */
const retyped = (header: string) =>
  fc
    .record({
      upper: fc.array(fc.boolean(), { minLength: header.length, maxLength: header.length }),
      gaps: fc.array(fc.constantFrom('', ' ', '  ', '\t', ' \u00A0'), { minLength: header.length + 2, maxLength: header.length + 2 })
    })
    .map(({ upper, gaps }) => {
      let gap = 0;
      const body = header
        .split(/(\s+|\[|\]|\(|\))/)
        .filter((part) => part !== '')
        .map((part) => {
          if (/^\s+$/.test(part)) return gaps[gap++];
          if (/^[[\]()]$/.test(part)) return `${gaps[gap++]}${part}`;
          return [...part].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join('');
        })
        .join('');
      return `${gaps[gaps.length - 2]}${body}${gaps[gaps.length - 1]}`;
    });

describe('a vendor’s header, reordered and retyped, is recognised the same', () => {
  it.each(SETS)('$name', ({ headers, format, template }) => {
    const original = recogniseHeader(template ? [[ENTRA_VERSION_LINE], [...headers]] : [[...headers]]);
    expect(original.format).toBe(format);
    const variant = fc.tuple(
      fc.shuffledSubarray(headers.map((_, i) => i), { minLength: headers.length, maxLength: headers.length }),
      fc.tuple(...headers.map(retyped)),
      fc.boolean()
    );
    fc.assert(
      fc.property(variant, ([order, typed, withVersion]) => {
        const row = order.map((i) => typed[i]);
        const h = recogniseHeader(template && withVersion ? [[ENTRA_VERSION_LINE], row] : [row]);
        expect(h.format).toBe(format);
        expect(h.label).toBe(original.label);
        expect(h.purpose).toBe(original.purpose);
        expect(h.error).toBeNull();
        order.forEach((from, to) => expect(h.columns[to], row[to]).toEqual(original.columns[from]));
      }),
      { numRuns: 60 }
    );
  });
});
