import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeUser } from '../../../tests/factories';
import { patchChanges } from './changes';
import { TRACKED_FIELDS, type User, type UserPatch } from './user';

describe('what a patch changes', () => {
  const user = makeUser({ id: 7, title: 'Chef', roles: ['learner'], timeZone: 'Europe/Paris', organization: 'org-1' });
  // Values equal to the user's or not, in any key order, with fields that are not tracked mixed in.
  const entry = fc.oneof(
    fc.constantFrom(...TRACKED_FIELDS).chain((f) => fc.tuple(fc.constant<string>(f), fc.constantFrom(user[f], null, 'x', ['learner'], ['a', 'b'], undefined))),
    fc.tuple(fc.constantFrom('updatedAt', 'version', 'emailKey'), fc.constantFrom('z', 3))
  );

  it('lists exactly the tracked fields whose value differs, in the tracked fields’ order, whatever the patch’s key order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: ([k]) => k, maxLength: 8 }), (entries) => {
        const patch = Object.fromEntries(entries) as UserPatch;
        const differs = (f: keyof User) => {
          const v = (patch as Record<string, unknown>)[f];
          return v !== undefined && JSON.stringify(v) !== JSON.stringify(user[f]);
        };
        const want = TRACKED_FIELDS.filter((f) => f in patch && differs(f)).map((f) => ({ field: f, before: user[f], after: (patch as Record<string, unknown>)[f] }));
        expect(patchChanges(user, patch)).toEqual(want);
      }),
      { numRuns: 300 }
    );
  });
});
