import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDemoWorkspace } from './demo-data';
import { Store } from './store';
import { idsMatching, matchingIds } from './query';
import { compileFilter, type Filter } from '../domain/filters';
import type { User } from '../domain/user';

describe('filters answered from the columns', () => {
  const today = '2026-11-23';
  const ws = generateDemoWorkspace({ size: 300, today });
  const pick = <K extends keyof User>(k: K) => [...new Set(ws.users.map((u) => u[k]))];
  // Values the directory holds, plus ones nobody holds ('' is "no organization" / "no company").
  const values = {
    status: [...pick('status'), 'deleted'],
    type: [...pick('userType'), 'nobody'],
    organization: [...pick('organization').map((v) => v ?? ''), '', 'org-404'],
    company: [...pick('company').map((v) => v ?? ''), '', 'co-404'],
    timeZone: [...pick('timeZone'), 'Pacific/Nowhere'],
    twoFactor: [...pick('twoFactor'), 'unknown']
  };
  const list = (vs: unknown[]) => fc.option(fc.uniqueArray(fc.constantFrom(...vs), { maxLength: 3 }), { nil: undefined });
  const filter: fc.Arbitrary<Filter> = fc.record(
    {
      status: list(values.status),
      type: list(values.type),
      organization: list(values.organization),
      company: list(values.company),
      timeZone: list(values.timeZone),
      twoFactor: list(values.twoFactor),
      role: list(['administrator', 'learner', 'instructor']),
      q: fc.constantFrom('', 'a', 'son', 'zzz')
    },
    { requiredKeys: [] }
  ) as fc.Arbitrary<Filter>;
  // Writes between queries: users moved to another status, organization or company, some removed.
  const write = fc.record({ id: fc.integer({ min: 1, max: 300 }), status: fc.constantFrom(...values.status), organization: fc.constantFrom(...values.organization), remove: fc.boolean() });

  /** The demo store after these writes, each committed on its own (`before` runs first: an order sorted before them). */
  const storeAfter = (writes: { id: number; status: string; organization: string; remove: boolean }[], before?: (store: Store) => void) => {
    const store = new Store();
    store.load(ws.users);
    store.settings = { plan: 'standard', today, invitationValidityDays: 14, actorId: 1, nextUserId: 301, demoSize: 300 };
    before?.(store);
    for (const w of writes) {
      const u = store.users.get(w.id);
      if (!u) continue;
      if (w.remove) store.remove(w.id);
      else store.put({ ...u, status: w.status as User['status'], organization: w.organization || null });
      store.touch();
    }
    return store;
  };

  it('match exactly the users the filter’s test of each user matches, in order, across writes', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 8 }), filter, fc.constantFrom('asc' as const, 'desc' as const), (writes, f, dir) => {
        const store = storeAfter(writes, (s) => s.order('name'));
        const match = compileFilter(f, today);
        const { users } = store.order('name');
        const expected = (dir === 'asc' ? users : [...users].reverse()).filter((u) => match(u)).map((u) => u.id);
        expect(Array.from(matchingIds(store, f, { key: 'name', dir }))).toEqual(expected);
      }),
      { numRuns: 200 }
    );
  });

  it('select all matching takes the same users whether or not their order was sorted yet, across writes', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 8 }), filter, fc.constantFrom('name' as const, 'email' as const, 'status' as const), (writes, f, key) => {
        const store = storeAfter(writes);
        const sort = { key, dir: 'asc' as const };
        const unsorted = Array.from(idsMatching(store, f, sort));
        expect(store.hasOrder(key)).toBe(false);
        const sorted = Array.from(matchingIds(store, f, sort));
        expect(unsorted.sort((a, b) => a - b)).toEqual(sorted.sort((a, b) => a - b));
        expect(Array.from(idsMatching(store, f, sort)).sort((a, b) => a - b)).toEqual(sorted);
      }),
      { numRuns: 200 }
    );
  });
});
