import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeState, encodeState, stateQuery } from './filter-url';
import { DEFAULT_SORT, type Filter } from './filters';

describe('a SCIM filter in the address', () => {
  it('round-trips, quotes, brackets and URNs included, beside the other filters', () => {
    const expressions = [
      'title pr',
      'userName sw "j" and active eq true',
      'emails.value ew "@example.com"',
      'emails[type eq "work" and value co "+test"] or (name.familyName eq "O\'Brien" and not (active eq false))',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization eq "R&D, 50% = more"',
      'meta.lastModified gt "2026-11-01T00:00:00Z"',
      'title eq "#hash ?query &amp"'
    ];
    for (const scim of expressions) {
      const filter: Filter = { q: 'ada', scim, status: ['active'] };
      const sort = { key: 'email' as const, dir: 'desc' as const };
      expect(decodeState(encodeState(filter, sort))).toEqual({ filter, sort });
      expect(decodeState(new URLSearchParams(stateQuery(filter, sort)))).toEqual({ filter, sort });
    }
  });

  it('round-trips any expression that is not blank', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
        (scim) => {
          expect(decodeState(new URLSearchParams(stateQuery({ scim }, DEFAULT_SORT))).filter).toEqual({ scim });
        }
      )
    );
  });

  it('is written as the scim parameter, and a blank one is left out', () => {
    expect(stateQuery({ scim: 'title pr and active eq true' }, DEFAULT_SORT)).toBe('scim=title+pr+and+active+eq+true');
    expect(stateQuery({ scim: '   ' }, DEFAULT_SORT)).toBe('');
    expect(decodeState(new URLSearchParams('scim=%20%20')).filter).toEqual({});
  });
});
