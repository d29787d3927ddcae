import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { userArbitrary } from '../../../tests/arbitraries';
import { makeUser } from '../../../tests/factories';
import { memoryStore } from '../../../tests/memory-store';
import { ACTIONS, neutralParams } from '../domain/actions';
import { countApplicable } from '../domain/evaluate';
import { reach } from '../domain/permissions';
import type { User } from '../domain/user';
import { actionContext } from './context';
import { actionMenu } from './menu';

const day = fc.constantFrom('2026-11-20', '2026-11-22', '2026-11-23', '2027-01-01');

/** Users that differ in every field a rule could read. */
const userArb = userArbitrary(day, fc.constant(0));

/** The fields a near-copy takes from another user, one at a time. */
const VARIED = ['status', 'userType', 'twoFactor', 'locked', 'forcePasswordChange', 'roles', 'managedOrganizations', 'flaggedFields', 'ownedContent', 'accessExpiresAt', 'organization', 'passwordHash', 'invitation'] as const;

/** Everything of an Operations Manager acting (memory-store.ts) but who they are: the actor must not take their verdict. */
const actorTwin = makeUser({ id: 0, roles: ['operations_manager'], managedOrganizations: ['org-1'], organization: 'org-1' });

describe('the menu counts users by shape, as judging each one would', () => {
  it('every action, for administrators and Operations Managers, on both plans, across a write and a new day', () => {
    fc.assert(
      fc.property(
        // Few bases and many near-copies: users that differ in one field must not share a verdict
        // unless the field does not matter, so a shape that forgets a field the rules read fails.
        fc.array(userArb, { minLength: 1, maxLength: 4 }).chain((some) => {
          const bases = [actorTwin, ...some];
          return fc.array(fc.tuple(fc.constantFrom(...bases), userArb, fc.constantFrom(...VARIED)), { minLength: 1, maxLength: 60 }).map((pairs) =>
            pairs.map(([base, other, field], i) => {
              const u = { ...base, [field]: other[field], id: 10 + i, email: `u${i}@example.com`, emailKey: `u${i}@example.com` } as User;
              const invited = u.status === 'invited' || u.status === 'expired';
              return { ...u, invitation: invited ? (u.invitation ?? base.invitation ?? other.invitation) : null };
            })
          );
        }),
        fc.constantFrom('administrator', 'operations_manager'),
        fc.constantFrom('standard' as const, 'enterprise' as const),
        fc.constantFrom('2026-11-22', '2026-11-23'),
        (users, actorRole, plan, later) => {
          fc.pre(users.every((u) => !(u.status === 'invited' || u.status === 'expired') || u.invitation !== null));
          const store = memoryStore(users, actorRole, plan);
          const ids = [1, 1000, 1001, ...users.map((u) => u.id), 4242];
          const check = () => {
            const menu = actionMenu(store, { ids }, 1);
            const ctx = actionContext(store, 1);
            const everyone = ids.flatMap((id) => {
              const user = store.users.get(id);
              return user ? [{ user, count: 1 }] : [];
            });
            for (const action of ACTIONS) {
              const r = reach(store.users.get(1)!, plan, action.permission, store.roles);
              const item = menu.find((m) => m.id === action.id)!;
              // Judging every user on their own: groups of one.
              expect(item.applies, action.id).toBe(r.kind === 'none' ? null : countApplicable(action, everyone, neutralParams(action), ctx, r));
            }
          };
          check();
          // After a write (the first user takes the second's roles) and on another day, the shapes follow.
          if (users.length > 1) store.put({ ...store.users.get(users[0].id)!, roles: users[1].roles, status: users[1].status });
          store.settings = { ...store.settings, today: later };
          store.touch();
          check();
        }
      ),
      { numRuns: 150 }
    );
  });
});
