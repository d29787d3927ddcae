import type { UserStatus } from '../domain/user-fields';

/** What a status means for the person, and what an administrator can do next (the user's page). */
export interface StatusHelp {
  means: string;
  next: string;
}

export const STATUS_HELP: Record<UserStatus, StatusHelp> = {
  profile_only: {
    means: 'Their profile is in the directory, but they have not been invited and cannot sign in.',
    next: 'Invite them when they should start, or keep the profile for records.'
  },
  invited: {
    means: 'An invitation was sent; they become active when they accept it.',
    next: 'You can resend the invitation or cancel it.'
  },
  expired: {
    means: 'Their invitation expired before they accepted it, so they cannot sign in.',
    next: 'Resend the invitation to give them a new link, or cancel it.'
  },
  active: {
    means: 'They can sign in and use the site.',
    next: 'You can deactivate them to pause access, reset their password or 2FA, or change their roles.'
  },
  inactive: {
    means: 'Their account is kept but they cannot sign in.',
    next: 'Activate them to give access back, or delete them.'
  },
  deleted: {
    means: 'They are hidden from the site and cannot sign in; their record and content are kept.',
    next: 'Undelete them to bring them back, or remove them permanently.'
  }
};

interface Situation {
  status: UserStatus;
  userType: 'regular' | 'directory';
  locked: boolean;
  failedSignIns: number;
  accessExpiresAt: string | null;
  forcePasswordChange: boolean;
  twoFactor: 'none' | 'enrolled' | 'reset';
}

/**
 * The status explained for this person: what it means, what stands in their way besides it
 * (a lock, access that has ended), and what can be done next. `today` is Muster's own day.
 */
export function explainStatus(u: Situation, today: string): { means: string; caveats: string[]; next: string } {
  const help = STATUS_HELP[u.status];
  const caveats: string[] = [];
  const canSignIn = u.status === 'active';
  if (u.locked) caveats.push(`Their account is locked after ${u.failedSignIns} failed sign-ins: they cannot sign in until it is unlocked.`);
  if (u.accessExpiresAt !== null && u.accessExpiresAt <= today) caveats.push('Their access has ended: they cannot sign in until the expiry is moved or cleared.');
  if (canSignIn && !u.locked && u.forcePasswordChange) caveats.push('They must choose a new password at their next sign-in.');
  if (canSignIn && u.twoFactor === 'reset') caveats.push('Their 2FA was reset: they enrol again at their next sign-in.');
  if (canSignIn && u.userType === 'directory') caveats.push('They sign in through their organization’s directory.');
  const next = u.locked && canSignIn ? `Unlock them to let them sign in again. ${help.next}` : help.next;
  return { means: help.means, caveats, next };
}
