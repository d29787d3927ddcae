import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveSelection } from './selection';
import { Store } from './store';

describe('a selection of ids', () => {
  it('names each user once, in the order first given, whether the ids come ascending, unordered or repeated', () => {
    const store = new Store();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 })), fc.boolean(), (ids, sorted) => {
        const given = sorted ? [...new Set(ids)].sort((a, b) => a - b) : ids;
        expect(Array.from(resolveSelection(store, { ids: given }))).toEqual([...new Set(given)]);
        expect(Array.from(resolveSelection(store, { ids: Int32Array.from(given) }))).toEqual([...new Set(given)]);
      })
    );
  });
});
