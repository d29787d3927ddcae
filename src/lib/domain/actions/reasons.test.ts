import { describe, expect, it } from 'vitest';
import { makeContext, makeUser } from '../../../../tests/factories';
import { evaluate } from '../evaluate';
import type { User } from '../user';
import { getAction } from './index';

function run(actionId: string, user: User, params: unknown = {}, others: User[] = [], actorId = 1) {
  const action = getAction(actionId)!;
  const ctx = makeContext([user, ...others], { actorId });
  const p = action.params.parse(params);
  const problem = action.checkParams?.(p, ctx) ?? null;
  const ev = evaluate(action, [user.id], p, ctx, { kind: 'all' });
  return { problem, applies: ev.applies[0], reason: [...ev.skipped.keys()][0] ?? null };
}
const reason = (...args: Parameters<typeof run>) => run(...args).reason;

describe('each skip reason, in the words an administrator reads', () => {
  it.each([
    ['activate', { status: 'profile_only' }, 'Profile only — invite them or set a password'],
    ['activate', { status: 'invited' }, 'Invited — becomes active on accepting the invitation'],
    ['activate', { status: 'expired' }, 'Invitation expired — send a new invitation'],
    ['activate', { status: 'deleted' }, 'Deleted — undelete first'],
    ['activate', { status: 'active' }, 'Already active'],
    ['deactivate', { status: 'invited' }, 'Not active — delete instead'],
    ['deactivate', { status: 'inactive' }, 'Already inactive'],
    ['delete', { ownedContent: 3 }, 'Owns content — transfer ownership first'],
    ['delete', { status: 'deleted' }, 'Already deleted'],
    ['remove', { ownedContent: 1 }, 'Owns content — transfer ownership first'],
    ['undelete', { status: 'active' }, 'Not deleted'],
    ['invite', { status: 'invited' }, 'Already invited — cancel the existing invitation first'],
    ['invite', { status: 'profile_only', userType: 'directory' }, 'Directory user — signs in through your directory'],
    ['invite', { status: 'profile_only', accessExpiresAt: '2026-11-01' }, 'Access expired — extend access first'],
    ['invite', { status: 'active' }, 'Already has an account'],
    ['resend_invitation', { status: 'expired', accessExpiresAt: '2026-11-22' }, 'Access expired — extend access first'],
    ['cancel_invitation', { status: 'profile_only' }, 'No invitation to cancel or resend'],
    ['force_password_change', { forcePasswordChange: true }, 'Already flagged to change password'],
    ['force_password_change', { status: 'inactive' }, 'Not active'],
    ['cancel_force_password_change', {}, 'Not flagged to change password'],
    ['reset_password', { status: 'invited' }, 'No password yet — invite them instead'],
    ['reset_2fa', { twoFactor: 'none' }, 'Not enrolled in 2FA'],
    ['reset_2fa', { twoFactor: 'reset' }, '2FA already reset'],
    ['unlock', {}, 'Not locked'],
    ['expire_access', { accessExpiresAt: '2026-11-22' }, 'Access already expired'],
    ['clear_flags', {}, 'No flagged fields'],
    ['transfer', {}, 'Owns no content']
  ] as [string, Partial<User>, string][])('%s on %j → “%s”', (actionId, over, expected) => {
    const params = actionId === 'transfer' ? { targetId: 999 } : {};
    expect(reason(actionId, makeUser({ id: 5, ...over }), params, [makeUser({ id: 999 })])).toBe(expected);
  });

  it('a user keeps at least one role', () => {
    expect(reason('remove_roles', makeUser({ id: 5, roles: ['learner'] }), { roleIds: ['learner'] })).toBe('Would be left without a role');
  });

  it('an effect that changes nothing is a skip with its own reason', () => {
    expect(reason('set_role', makeUser({ id: 5, roles: ['instructor'] }), { roleId: 'instructor' })).toBe('Already has exactly this role');
    expect(reason('add_roles', makeUser({ id: 5, roles: ['learner'] }), { roleIds: ['learner'] })).toBe('Already has these roles');
    expect(reason('set_access_expiry', makeUser({ id: 5 }), { date: null })).toBe('Already has this expiry');
  });

  it('never lets administrators deactivate, delete or demote their own account', () => {
    expect(reason('deactivate', makeUser({ id: 1 }), {}, [], 1)).toBe('This is your own account — ask another administrator');
    expect(reason('set_role', makeUser({ id: 1, roles: ['administrator'] }), { roleId: 'learner' }, [], 1)).toBe(
      'This is your own account — ask another administrator'
    );
    expect(reason('deactivate', makeUser({ id: 1 }), {}, [], 2)).toBeNull();
  });
});

describe('parameter checks against the workspace', () => {
  const u = makeUser({ id: 5 });
  it('rejects unknown roles, organizations and time zones', () => {
    expect(run('set_role', u, { roleId: 'wizard' }).problem).toBe('Unknown role: wizard');
    expect(run('set_org_management', u, { organizationIds: ['org-9'], mode: 'add' }).problem).toBe('Unknown organization: org-9');
    expect(run('update_profile', u, { timeZone: 'Mars/Olympus' }).problem).toBe('Unknown time zone: Mars/Olympus');
  });
  it('moves content only to an active user', () => {
    const inactive = makeUser({ id: 7, status: 'inactive', email: 'gone@example.com' });
    expect(run('transfer', makeUser({ id: 5, ownedContent: 2 }), { targetId: 7 }, [inactive]).problem).toMatch(/gone@example.com is not active/);
  });
  it('accepts only an Account Executive as account executive', () => {
    const learner = makeUser({ id: 8, email: 'l@example.com' });
    expect(run('update_profile', u, { accountExecutive: 8 }, [learner]).problem).toMatch(/does not hold the Account Executive role/);
  });
});

describe('effects', () => {
  it('transfer ownership empties the source and credits the target', () => {
    const { applies } = run('transfer', makeUser({ id: 5, ownedContent: 12 }), { targetId: 999 }, [makeUser({ id: 999 })]);
    expect(applies.effect.patch).toEqual({ ownedContent: 0 });
    expect(applies.effect.transfer).toEqual({ toUserId: 999, amount: 12 });
  });

  it('an invitation expires after the validity period and carries the welcome message', () => {
    const { applies } = run('invite', makeUser({ id: 5, status: 'profile_only', firstName: 'Noor' }), { welcomeMessage: 'See you Monday' });
    expect(applies.effect.patch).toMatchObject({
      status: 'invited',
      invitation: { expiresAt: '2026-12-06', welcomeMessage: 'See you Monday', timesSent: 1, sentAt: '2026-11-22T10:00:00.000Z' }
    });
    expect(applies.effect.emails?.[0]).toMatchObject({ kind: 'invitation' });
    expect(applies.effect.emails?.[0].body).toContain('See you Monday');
    expect(applies.effect.emails?.[0].body).toContain('Hello Noor');
  });

  it('resending counts the invitations sent', () => {
    const user = makeUser({ id: 5, status: 'expired' });
    const { applies } = run('resend_invitation', user, {});
    expect(applies.effect.patch.invitation?.timesSent).toBe(user.invitation!.timesSent + 1);
  });

  it('reset password sends instructions and changes no field', () => {
    const { applies } = run('reset_password', makeUser({ id: 5 }));
    expect(applies.changes).toEqual([]);
    expect(applies.effect.emails?.[0].kind).toBe('password_reset');
  });

  it('delete clears an open invitation so its link stops working', () => {
    const { applies } = run('delete', makeUser({ id: 5, status: 'invited' }));
    expect(applies.effect.patch).toEqual({ status: 'deleted', invitation: null });
  });

  it('granting an administrative role is destructive and asks for confirmation', () => {
    const ctx = makeContext([]);
    expect(getAction('set_role')!.severity({ roleId: 'administrator' } as never, ctx)).toBe('destructive');
    expect(getAction('set_role')!.severity({ roleId: 'learner' } as never, ctx)).toBe('normal');
    expect(getAction('delete')!.severity({} as never, ctx)).toBe('destructive');
    expect(getAction('remove')!.severity({} as never, ctx)).toBe('destructive');
  });
});

describe('parameter messages a person understands', () => {
  it('says what to choose when a required parameter is missing', () => {
    const first = (id: string) => getAction(id)!.params.safeParse({}).error?.issues[0].message;
    expect(first('set_role')).toBe('Choose a role');
    expect(first('add_roles')).toBe('Choose at least one role');
    expect(first('transfer')).toBe('Choose the user who receives the content');
    expect(first('flag_fields')).toBe('Choose at least one field');
    expect(first('set_access_expiry')).toBe('Enter a date as YYYY-MM-DD');
  });
});
