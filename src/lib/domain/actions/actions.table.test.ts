import { describe, expect, it } from 'vitest';
import { makeContext, makeUser } from '../../../../tests/factories';
import { evaluate } from '../evaluate';
import { USER_STATUSES, type User, type UserStatus, type UserType } from '../user';
import { ACTIONS, getAction } from './index';
import { REASONS as R } from './reasons';

/**
 * SPEC §3, status by status and type by type. Each row says, for a regular and a directory user
 * in each status, whether the action applies ('✓') or the reason it is skipped. Written from the
 * spec's table and the seeds, not from the implementation.
 */
type Row = Record<UserStatus, string>;
interface Expectation {
  params: unknown;
  /** The user otherwise: set so that the status/type is the only thing that varies. */
  user?: Partial<User>;
  regular: Row;
  /** Directory users are never invited or expired; those columns are absent. */
  directory: Omit<Row, 'invited' | 'expired'>;
}

const A = '✓';
const every = (v: string): Row => ({ profile_only: v, invited: v, expired: v, active: v, inactive: v, deleted: v });
const dir = (r: Row) => ({ profile_only: r.profile_only, active: r.active, inactive: r.inactive, deleted: r.deleted });
const notDeleted: Row = { ...every(A), deleted: R.deleted };

const activate: Row = {
  profile_only: R.profileOnlyActivate,
  invited: R.invitedActivate,
  expired: R.expiredActivate,
  active: R.alreadyActive,
  inactive: A,
  deleted: R.deleted
};
const deactivate: Row = { ...every(R.notActiveDeleteInstead), active: A, inactive: R.alreadyInactive, deleted: R.deleted };
const invite: Row = { profile_only: A, invited: R.alreadyInvited, expired: A, active: R.hasAccount, inactive: R.hasAccount, deleted: R.deleted };
const cancelInvite: Row = { ...every(R.notInvited), invited: A, expired: A, deleted: R.deleted };
const forcePw: Row = { ...every(R.notActive), active: A, deleted: R.deleted };
const resetPw: Row = { ...every(R.noPasswordYet), active: A, inactive: A, deleted: R.deleted };
const directoryOnly = (r: Row) => ({ ...dir(every(R.directory)), deleted: r.deleted });

export const TABLE: Record<string, Expectation> = {
  activate: { params: {}, regular: activate, directory: dir(activate) },
  deactivate: { params: {}, regular: deactivate, directory: dir(deactivate) },
  delete: { params: {}, regular: { ...every(A), deleted: R.alreadyDeleted }, directory: dir({ ...every(A), deleted: R.alreadyDeleted }) },
  undelete: { params: {}, regular: { ...every(R.notDeleted), deleted: A }, directory: dir({ ...every(R.notDeleted), deleted: A }) },
  remove: { params: {}, regular: every(A), directory: dir(every(A)) },
  transfer: { params: { targetId: 999 }, user: { ownedContent: 4 }, regular: every(A), directory: dir(every(A)) },
  invite: { params: { welcomeMessage: 'Hi' }, regular: invite, directory: directoryOnly(invite) },
  cancel_invitation: { params: {}, regular: cancelInvite, directory: directoryOnly(cancelInvite) },
  resend_invitation: { params: {}, regular: cancelInvite, directory: directoryOnly(cancelInvite) },
  force_password_change: { params: {}, regular: forcePw, directory: directoryOnly(forcePw) },
  cancel_force_password_change: { params: {}, user: { forcePasswordChange: true }, regular: forcePw, directory: directoryOnly(forcePw) },
  reset_password: { params: {}, regular: resetPw, directory: directoryOnly(resetPw) },
  reset_2fa: { params: {}, user: { twoFactor: 'enrolled' }, regular: notDeleted, directory: dir(notDeleted) },
  unlock: { params: {}, user: { locked: true, failedSignIns: 5 }, regular: notDeleted, directory: dir(notDeleted) },
  set_role: { params: { roleId: 'instructor' }, regular: notDeleted, directory: dir(notDeleted) },
  add_roles: { params: { roleIds: ['instructor'] }, regular: notDeleted, directory: dir(notDeleted) },
  remove_roles: { params: { roleIds: ['instructor'] }, user: { roles: ['learner', 'instructor'] }, regular: notDeleted, directory: dir(notDeleted) },
  set_org_management: { params: { organizationIds: ['org-2'], mode: 'add' }, regular: notDeleted, directory: dir(notDeleted) },
  update_profile: { params: { timeZone: 'Asia/Tokyo' }, regular: notDeleted, directory: dir(notDeleted) },
  expire_access: { params: {}, regular: notDeleted, directory: dir(notDeleted) },
  set_access_expiry: { params: { date: '2027-03-31' }, regular: notDeleted, directory: dir(notDeleted) },
  flag_fields: { params: { fields: ['title', 'timeZone'] }, regular: notDeleted, directory: dir(notDeleted) },
  clear_flags: { params: {}, user: { flaggedFields: ['department'] }, regular: every(A), directory: dir(every(A)) }
};

// The transfer target: an active user outside the matrix.
const target = makeUser({ id: 999, email: 'target@example.com' });

function outcome(actionId: string, user: User, params: unknown): string {
  const action = getAction(actionId)!;
  const ctx = makeContext([user, target], { actorId: 1 });
  const parsed = action.params.parse(params);
  const ev = evaluate(action, [user.id], parsed, ctx, { kind: 'all' });
  if (ev.applies.length) return A;
  return [...ev.skipped.keys()][0];
}

describe('every action against every status and user type (SPEC §3)', () => {
  it('covers every action of the menu', () => {
    expect(Object.keys(TABLE).sort()).toEqual(ACTIONS.map((a) => a.id).sort());
  });

  for (const [actionId, exp] of Object.entries(TABLE)) {
    for (const type of ['regular', 'directory'] as UserType[]) {
      const row = (type === 'regular' ? exp.regular : exp.directory) as Partial<Row>;
      for (const status of USER_STATUSES) {
        if (!(status in row)) continue;
        it(`${actionId} · ${type} · ${status} → ${row[status]}`, () => {
          const user = makeUser({
            id: 500,
            status,
            userType: type,
            passwordHash: type === 'directory' ? null : 'demo',
            roles: ['learner'],
            ...exp.user
          });
          expect(outcome(actionId, user, exp.params)).toBe(row[status]);
        });
      }
    }
  }
});
