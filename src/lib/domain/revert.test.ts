import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories';
import { userChange } from './operations';
import { CONFLICTS, planRevert, type RevertWorld } from './revert';
import type { User } from './user';

function world(users: User[]): RevertWorld {
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    user: (id) => byId.get(id),
    emailOwner: (key) => users.find((u) => u.emailKey === key)?.id,
    now: '2026-11-23T10:00:00.000Z'
  };
}

describe('planRevert', () => {
  it('removes again a user the operation created, unless they changed since', () => {
    const created = makeUser({ id: 7, version: 1 });
    const log = [userChange(created, created, [], { kind: 'created', user: created })];
    const plan = planRevert(log, world([created]));
    expect(plan.users.get(7)).toBeNull();
    expect(plan.changes[0].snapshot).toEqual({ kind: 'removed', user: created });
    const later = planRevert(log, world([{ ...created, version: 2 }]));
    expect(later.users.size).toBe(0);
    expect([...later.conflicts]).toEqual([[CONFLICTS.changedSince, [7]]]);
  });

  it('leaves a removed user out when another user now holds their email', () => {
    const gone = makeUser({ id: 7, email: 'same@example.com' });
    const newcomer = makeUser({ id: 8, email: 'SAME@example.com' });
    const plan = planRevert([userChange(gone, null, [], { kind: 'removed', user: gone })], world([newcomer]));
    expect(plan.restored).toBe(0);
    expect([...plan.conflicts]).toEqual([[CONFLICTS.emailTaken, [7]]]);
  });

  it('without a recorded version, reverts only users whose fields still hold the "after" values', () => {
    const u = makeUser({ id: 5, title: 'After' });
    const entry = { userId: 5, email: u.email, name: 'x', changes: [{ field: 'title' as const, before: 'Before', after: 'After' }] };
    expect(planRevert([entry], world([u])).users.get(5)).toMatchObject({ title: 'Before', version: u.version + 1 });
    expect(planRevert([entry], world([{ ...u, title: 'Other' }])).conflicts.get(CONFLICTS.changedSince)).toEqual([5]);
  });

  it('nets a user recorded twice in one operation, going back to the first "before"', () => {
    const u0 = makeUser({ id: 5, ownedContent: 0 });
    const u1 = { ...u0, ownedContent: 2, version: u0.version + 1 };
    const u2 = { ...u1, ownedContent: 5, version: u1.version + 1 };
    const log = [
      userChange(u0, u1, [{ field: 'ownedContent', before: 0, after: 2 }]),
      userChange(u1, u2, [{ field: 'ownedContent', before: 2, after: 5 }])
    ];
    const plan = planRevert(log, world([u2]));
    expect(plan.users.get(5)).toMatchObject({ ownedContent: 0 });
    expect(plan.changes[0].changes).toEqual([{ field: 'ownedContent', before: 5, after: 0 }]);
  });
});
