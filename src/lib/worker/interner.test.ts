import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Interner } from './interner';
import { Store } from './store';
import { userArbitrary } from '../../../tests/arbitraries';
import { makeUser } from '../../../tests/factories';

const day = fc.constantFrom('2026-01-05', '2026-12-31');

describe('one copy of each repeated value in the engine', () => {
  it('leaves every user’s values exactly as they were', () => {
    fc.assert(
      fc.property(fc.array(userArbitrary(day), { maxLength: 20 }), (users) => {
        const interner = new Interner();
        // Each user as IndexedDB hands it back: a fresh copy of every string and list.
        const stored = users.map((u) => interner.user(structuredClone(u)));
        expect(stored).toEqual(users);
      })
    );
  });

  it('shares one frozen list between users holding the same roles, organizations or flags, however they arrived', () => {
    const store = new Store();
    const a = makeUser({ id: 1, email: 'a@x.example', roles: ['administrator', 'member'], managedOrganizations: ['org-1'] });
    const b = makeUser({ id: 2, email: 'b@x.example', roles: ['administrator', 'member'], managedOrganizations: ['org-1'] });
    store.load([structuredClone(a)]);
    store.put(structuredClone(b));
    const [first, second] = [store.users.get(1)!, store.users.get(2)!];
    expect(second.roles).toBe(first.roles);
    expect(second.managedOrganizations).toBe(first.managedOrganizations);
    expect(second.flaggedFields).toBe(first.flaggedFields);
    expect(Object.isFrozen(first.roles)).toBe(true);
    // A list changed in place would change it for everyone who shares it: it cannot be.
    expect(() => (first.roles as string[]).push('helpdesk')).toThrow(TypeError);
  });

  it('shares the lists a write changes, and keeps those it leaves', () => {
    const store = new Store();
    const a = makeUser({ id: 1, email: 'a@x.example', roles: ['administrator', 'member'] });
    const b = makeUser({ id: 2, email: 'b@x.example', roles: ['learner'], managedOrganizations: ['org-2'] });
    store.load([structuredClone(a), structuredClone(b)]);
    const before = store.users.get(2)!;
    // A new version of b: its roles a fresh list equal to a's, its organizations the same list.
    store.put({ ...before, title: 'Lead', roles: ['administrator', 'member'], version: 2 });
    const after = store.users.get(2)!;
    expect(after.roles).toBe(store.users.get(1)!.roles);
    expect(after.managedOrganizations).toBe(before.managedOrganizations);
    expect(Object.isFrozen(after.roles)).toBe(true);
  });

  it('keeps lists in their order: the same roles in another order are another list', () => {
    const interner = new Interner();
    expect(interner.list(['a', 'b'])).not.toBe(interner.list(['b', 'a']));
    expect(interner.list(['a', 'b'])).toBe(interner.list(['a', 'b']));
    expect(interner.list(['a\u0001b'])).not.toBe(interner.list(['a', 'b']));
  });
});
