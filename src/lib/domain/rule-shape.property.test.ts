import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeContext, makeUser } from '../../../tests/factories';
import { userArbitrary } from '../../../tests/arbitraries';
import { ACTIONS, neutralParams } from './actions';
import { countApplicable } from './evaluate';
import { reach } from './permissions';
import { BUILT_IN_ROLES } from './roles';
import { groupByShape, Shapes } from './rule-shape';
import type { User } from './user';

const day = fc.constantFrom('2026-11-20', '2026-11-22', '2026-11-23', '2027-01-01');

/** Users that differ in every field a rule could read, including the acting administrator. */
const userArb = userArbitrary(day, fc.integer({ min: 1, max: 400 }));

/** The fields a near-copy takes from another user, one at a time. */
const VARIED = ['status', 'userType', 'twoFactor', 'locked', 'forcePasswordChange', 'roles', 'managedOrganizations', 'flaggedFields', 'ownedContent', 'accessExpiresAt', 'organization', 'passwordHash'] as const;

describe('the menu counts users by shape, as judging each one would', () => {
  it('every action, for administrators and Operations Managers, on both plans', () => {
    fc.assert(
      fc.property(
        // Few bases and many near-copies: users that differ in one field must not share a verdict
        // unless the field does not matter, so a shape that forgets a field the rules read fails.
        fc.array(userArb, { minLength: 1, maxLength: 4 }).chain((bases) =>
          fc.array(fc.tuple(fc.constantFrom(...bases), userArb, fc.constantFrom(...VARIED)), { minLength: 1, maxLength: 60 }).map((pairs) =>
            pairs.map(([base, other, field], i) => ({ ...base, [field]: other[field], id: i + 2 }) as User)
          )
        ),
        fc.constantFrom('administrator', 'operations_manager'),
        fc.constantFrom('standard' as const, 'enterprise' as const),
        (users, actorRole, plan) => {
          const actor = makeUser({ id: 1, roles: [actorRole], managedOrganizations: ['org-1'], organization: 'org-1', status: 'active' });
          const everyone = [actor, ...users.filter((u) => u.id !== 1)];
          const ctx = makeContext(everyone, { actorId: 1, today: '2026-11-22' });
          const roles = new Map(BUILT_IN_ROLES.map((r) => [r.id, r]));
          for (const action of ACTIONS) {
            const r = reach(actor, plan, action.permission, roles);
            if (r.kind === 'none') continue;
            const groups = groupByShape(everyone, new Shapes(ctx.today, 1, r.kind === 'managed'));
            const params = neutralParams(action);
            // Judging every user on their own: groups of one.
            const oneByOne = countApplicable(action, everyone.map((user) => ({ user, count: 1 })), params, ctx, r);
            expect(countApplicable(action, groups, params, ctx, r), action.id).toBe(oneByOne);
          }
        }
      ),
      { numRuns: 150 }
    );
  });
});
