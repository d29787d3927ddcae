import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeUser } from '../../../tests/factories';
import { memoryStore } from '../../../tests/memory-store';
import { actionParamsArbitrary, userArbitrary } from '../../../tests/arbitraries';
import { ACTIONS } from '../domain/actions';
import { displayName, TRACKED_FIELDS, type User } from '../domain/user';
import { prepare } from './bulk';
import { previewByShape, previewEach, type PreviewBody } from './bulk-preview';
import { ChangeTable } from './change-table';
import { isFailure } from './failure';

const day = fc.constantFrom('2026-11-20', '2026-11-22', '2026-11-23', '2027-01-01');
const paramsArb = actionParamsArbitrary(fc.constantFrom('2026-11-21', '2026-11-22', '2027-01-01'));
const GROUPED = ACTIONS.filter((a) => a.shapeFields);
/** Parameters for every action that declares its shape. */
const paramsFor = fc.record(Object.fromEntries(GROUPED.map((a) => [a.id, paramsArb[a.id] ?? fc.constant({})])));

/** Users that differ in every field an action or the gate could read, the ones outside the rule shape included. */
const userArb = fc
  .tuple(
    userArbitrary(day, fc.constant(0)),
    fc.record({
      company: fc.constantFrom(null, 'co-1', 'co-2'),
      timeZone: fc.constantFrom('Europe/Paris', 'Asia/Tokyo', 'UTC'),
      accountExecutive: fc.constantFrom(null, 1001, 7),
      failedSignIns: fc.nat(6),
      accessExpiresAt: fc.option(day, { nil: null }),
      invitedOn: fc.constantFrom('2026-11-01T10:00:00.000Z', '2026-11-10T10:00:00.000Z')
    })
  )
  .map(([u, extra]) => {
    const { invitedOn, ...fields } = extra;
    const invitation = u.invitation && { ...u.invitation, sentAt: invitedOn };
    return { ...u, ...fields, failedSignIns: u.locked ? Math.max(1, fields.failedSignIns) : fields.failedSignIns, invitation } as User;
  });

/** The fields a near-copy takes from another user, one at a time (its email stays its own). */
const VARIED = TRACKED_FIELDS.filter((f) => f !== 'email');

/** Everything of an Operations Manager acting (memory-store.ts) but who they are: the actor must not take their verdict. */
const actorTwin = makeUser({ id: 0, roles: ['operations_manager'], managedOrganizations: ['org-1'], organization: 'org-1' });

/** Few bases and many near-copies, each taking one field from another user: groups of several users each. */
const usersArb = fc.array(userArb, { minLength: 1, maxLength: 3 }).chain((some) => {
  const bases = [actorTwin, ...some];
  return fc
    .array(fc.tuple(fc.constantFrom(...bases), userArb, fc.constantFrom(...VARIED)), {
      minLength: 4,
      maxLength: 40,
      size: 'max'
    })
    .map((pairs) =>
      pairs.map(([base, other, field], i) => {
        const u = { ...base, [field]: other[field], id: 10 + i, email: `u${i}@example.com`, emailKey: `u${i}@example.com` } as User;
        // Keep the record valid: an invitation only while invited or expired.
        return u.status === 'invited' || u.status === 'expired' ? (u.invitation ? u : { ...u, invitation: base.invitation ?? other.invitation }) : { ...u, invitation: null };
      })
    )
    .filter((users) => users.every((u) => !(u.status === 'invited' || u.status === 'expired') || u.invitation !== null));
});

const names = {
  role: (id: string) => `role ${id}`,
  organization: (id: string) => `org ${id}`,
  company: (id: string) => `company ${id}`,
  user: (id: number) => `user ${id}`
};

/** Everything the dialog shows: the preview and every row of its change table. */
function shown(b: PreviewBody) {
  const { log, ...body } = b;
  const table = new ChangeTable(log, names);
  const field = table.fields[0]?.field;
  return { body, rows: table.page({}, 0, 10_000), later: table.page({}, 3, 5), search: table.page({ q: 'u1' }, 0, 10_000), field: table.page({ field }, 1, 10_000) };
}

describe('a preview judged by shape shows what judging each user shows', () => {
  it('every action that declares its shape, any parameters, administrators and Operations Managers, both plans', () => {
    fc.assert(
      fc.property(
        usersArb,
        paramsFor,
        fc.constantFrom('administrator', 'operations_manager'),
        fc.constantFrom('standard' as const, 'enterprise' as const),
        fc.integer({ min: 0, max: 1000 }),
        (users, params, actorRole, plan, seed) => {
          const store = memoryStore(users, actorRole, plan);
          // The selection in some order, with the actor, the named users and an id nobody holds.
          const ids = [...users.map((u) => u.id), 1, 1000, 1001, 4242].sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
          for (const action of GROUPED) {
            const p = prepare(store, action.id, params[action.id], 1);
            if (isFailure(p)) continue;
            const each = shown(previewEach(store, p, ids, names));
            const grouped = shown(previewByShape(store, p, ids, action.shapeFields!(p.params), names));
            expect(grouped, action.id).toEqual(each);
          }
        }
      ),
      { numRuns: 250 }
    );
  });

  it('judges 2,000 users of a few shapes a few times, not 2,000', () => {
    const users = Array.from({ length: 2000 }, (_, i) => makeUser({ id: 10 + i, status: i % 2 ? 'active' : 'inactive', timeZone: i % 3 ? 'UTC' : 'Asia/Tokyo' }));
    const store = memoryStore(users, 'administrator', 'standard');
    const p = prepare(store, 'update_profile', { timeZone: 'Europe/Paris' }, 1);
    if (isFailure(p)) throw new Error(p.message);
    let judged = 0;
    const skipReason = p.action.skipReason;
    p.action = { ...p.action, skipReason: (...args) => (judged++, skipReason(...args)) };
    const preview = previewByShape(store, p, users.map((u) => u.id), ['timeZone'], names);
    expect(judged).toBe(4);
    expect(preview.applies).toBe(2000);
    expect(preview.summary).toEqual([
      { label: 'Time zone', before: 'UTC', after: 'Europe/Paris', count: 1333 },
      { label: 'Time zone', before: 'Asia/Tokyo', after: 'Europe/Paris', count: 667 }
    ]);
    const first = new ChangeTable(preview.log, names).page({}, 0, 1).rows[0];
    expect(first).toMatchObject({ userId: 10, email: users[0].email, name: displayName(users[0]), before: 'Asia/Tokyo', after: 'Europe/Paris' });
  });
});
