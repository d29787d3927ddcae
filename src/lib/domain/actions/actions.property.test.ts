import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeContext, makeUser } from '../../../../tests/factories';
import { actionParamsArbitrary, userArbitrary } from '../../../../tests/arbitraries';
import { applyPatch } from '../changes';
import { evaluate } from '../evaluate';
import { BUILT_IN_ROLES } from '../roles';
import { userSchema } from '../user';
import { ACTIONS } from './index';

const day = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const userArb = userArbitrary(day);

const target = makeUser({ id: 1000, email: 'target@example.com' });
const accountExec = makeUser({ id: 1001, email: 'ae@example.com', roles: ['account_executive'] });

const paramsArb = actionParamsArbitrary(day);

describe('no action ever produces an invalid user', () => {
  for (const action of ACTIONS) {
    it(action.id, () => {
      fc.assert(
        fc.property(userArb, paramsArb[action.id] ?? fc.constant({}), (user, raw) => {
          expect(userSchema.safeParse(user).success).toBe(true);
          const ctx = makeContext([user, target, accountExec], { actorId: 1 });
          const params = action.params.parse(raw);
          expect(action.checkParams?.(params, ctx) ?? null).toBeNull();
          const ev = evaluate(action, [user.id], params, ctx, { kind: 'all' });
          for (const a of ev.applies) {
            if (a.effect.remove) continue;
            const after = applyPatch(a.user, a.effect.patch, ctx.now);
            const check = userSchema.safeParse(after);
            if (!check.success) throw new Error(`${action.id} made an invalid user: ${JSON.stringify(check.error.issues)}`);
            expect(after.version).toBe(user.version + 1);
          }
        }),
        { numRuns: 150 }
      );
    });
  }
});

describe('evaluate', () => {
  it('puts every selected id in exactly one place: applies or one skip group', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(userArb, { selector: (u) => u.id, minLength: 1, maxLength: 30 }),
        fc.constantFrom(...ACTIONS.filter((a) => !paramsArb[a.id])),
        (users, action) => {
          const ctx = makeContext(users);
          const ids = [...users.map((u) => u.id), 424242];
          const ev = evaluate(action, ids, {}, ctx, { kind: 'all' });
          const seen = [...ev.applies.map((a) => a.user.id), ...[...ev.skipped.values()].flat()];
          expect(seen.sort()).toEqual([...ids].sort());
        }
      )
    );
  });
});
