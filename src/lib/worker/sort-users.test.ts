import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { User } from '../domain/user';
import { sortByValue, sortedPositionSteps, type SortPart } from './sort-users';
import { finish } from './steps';

/** The order a comparison sort gives: `<` on the strings, ties by position. */
function reference(keys: readonly string[]): number[] {
  return Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
}

// Strings that share long prefixes, end at any point, and hold characters past 8 bits (é, 中, the
// '\uffff' that sorts empty values last), so every packing width and the runs that end are met.
const text = fc.array(fc.constantFrom('a', 'b', '.', '@', 'é', '中', '\uffff', '\u0000'), { maxLength: 12 }).map((cs) => cs.join(''));
const prefixed = fc.tuple(fc.constantFrom('', 'john.smith', 'jo', 'zz'), text).map(([p, t]) => p + t);

describe('sorting users', () => {
  it('sorts unique values as a comparison sort would, ties in the order given', () => {
    fc.assert(
      fc.property(fc.array(prefixed, { maxLength: 300 }), (keys) => {
        expect(Array.from(sortByValue(keys))).toEqual(reference(keys));
      }),
      { numRuns: 300 }
    );
  });

  it('sorts by several ranked parts, the first part first, then by position, in slices of any size', () => {
    const user = fc.record({ lastName: fc.constantFrom('Smith', 'smith', 'Ng', 'Åberg', ''), firstName: text });
    fc.assert(
      fc.property(fc.array(user, { maxLength: 200 }), fc.integer({ min: 1, max: 64 }), (people, slice) => {
        const users = people as unknown as User[];
        const lower = (v: unknown) => String(v).toLowerCase();
        const parts: SortPart[] = [
          { raw: (u) => u.lastName, key: lower },
          { raw: (u) => u.firstName, key: lower }
        ];
        const keys = people.map((p) => `${lower(p.lastName)}\u0000${lower(p.firstName)}`);
        const expected = Array.from(keys.keys()).sort((a, b) => {
          const [la, fa] = [lower(people[a].lastName), lower(people[a].firstName)];
          const [lb, fb] = [lower(people[b].lastName), lower(people[b].firstName)];
          return la < lb ? -1 : la > lb ? 1 : fa < fb ? -1 : fa > fb ? 1 : a - b;
        });
        expect(Array.from(finish(sortedPositionSteps(users, parts, false, slice)))).toEqual(expected);
      }),
      { numRuns: 200 }
    );
  });

  it('sorts a run longer than a level packs at once', () => {
    const tails = ['', 'é', '中', '\uffff', 'a中', 'zz'];
    const keys = Array.from({ length: 5000 }, (_, i) => `${tails[i % 6]}user${(i * 7919) % 500}${tails[(i * 5) % 6]}@x`);
    expect(Array.from(sortByValue(keys))).toEqual(reference(keys));
  });
});
