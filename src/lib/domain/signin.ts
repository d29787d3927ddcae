import { accessExpired } from './dates';
import type { User, UserPatch } from './user';

/** The fifth wrong password in a row locks the account (SPEC §1). */
export const MAX_FAILED_SIGN_INS = 5;

export type Refusal =
  | 'unknown'
  | 'directory'
  | 'deleted'
  | 'inactive'
  | 'invited'
  | 'invitation_expired'
  | 'no_password'
  | 'locked'
  | 'wrong_password'
  | 'locked_now'
  | 'access_expired';

/** What a user must do, in this order, before reaching their home page. */
export type Step = 'change_password' | 'enrol_2fa' | 'update_fields';

export type SignIn =
  | { ok: false; reason: Refusal; message: string; patch?: UserPatch }
  | { ok: true; steps: Step[]; patch: UserPatch };

export const SIGN_IN_MESSAGES: Record<Refusal, string> = {
  unknown: 'We don’t recognise that email address.',
  directory: 'This account signs in through your directory. Use your organization’s sign-in page.',
  deleted: 'This account has been deleted. Contact your administrator.',
  inactive: 'This account is inactive. Contact your administrator to reactivate it.',
  invited: 'Your invitation is pending. Open the link in your invitation email to set a password.',
  invitation_expired: 'Your invitation has expired. Ask your administrator to send a new one.',
  no_password: 'This account has no password yet. Ask your administrator for an invitation.',
  locked: 'This account is locked after too many failed sign-ins. Contact your administrator to unlock it.',
  wrong_password: 'Wrong password.',
  locked_now: 'Wrong password. That was the fifth failed sign-in in a row: the account is now locked.',
  access_expired: 'Your access to this site has expired. Contact your administrator.'
};

const refuse = (reason: Refusal, patch?: UserPatch): SignIn => ({ ok: false, reason, message: SIGN_IN_MESSAGES[reason], ...(patch ? { patch } : {}) });

export function pendingSteps(u: User): Step[] {
  const steps: Step[] = [];
  if (u.forcePasswordChange) steps.push('change_password');
  if (u.twoFactor === 'reset') steps.push('enrol_2fa');
  if (u.flaggedFields.length) steps.push('update_fields');
  return steps;
}

/**
 * SPEC §7 sign-in, as a pure decision: the account's state is checked before the password, so a
 * locked or deleted account says so whatever is typed; a wrong password counts towards the lock.
 */
export function signIn(user: User | undefined, passwordMatches: boolean, today: string, now: string): SignIn {
  if (!user) return refuse('unknown');
  if (user.userType === 'directory') return refuse('directory');
  if (user.status === 'deleted') return refuse('deleted');
  if (user.status === 'inactive') return refuse('inactive');
  if (user.status === 'invited') return refuse('invited');
  if (user.status === 'expired') return refuse('invitation_expired');
  if (user.status === 'profile_only' || user.passwordHash === null) return refuse('no_password');
  if (user.locked) return refuse('locked');
  if (!passwordMatches) {
    const failedSignIns = user.failedSignIns + 1;
    if (failedSignIns >= MAX_FAILED_SIGN_INS) return refuse('locked_now', { failedSignIns, locked: true });
    const left = MAX_FAILED_SIGN_INS - failedSignIns;
    return { ok: false, reason: 'wrong_password', message: `Wrong password. ${left} attempt${left === 1 ? '' : 's'} left before the account locks.`, patch: { failedSignIns } };
  }
  if (accessExpired(user.accessExpiresAt, today)) return refuse('access_expired');
  return { ok: true, steps: pendingSteps(user), patch: { failedSignIns: 0, lastSignInAt: now } };
}
