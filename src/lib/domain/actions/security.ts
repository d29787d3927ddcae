import { z } from 'zod';
import { byShape, defineAction, normal } from './types';
import { REASONS } from './reasons';
import type { User } from '../user';

const none = z.object({}).strict();

function regularActiveSkip(u: User): string | null {
  if (u.status === 'deleted') return REASONS.deleted;
  if (u.userType === 'directory') return REASONS.directory;
  if (u.status !== 'active') return REASONS.notActive;
  return null;
}

export const forcePasswordChange = defineAction({
  id: 'force_password_change',
  label: 'Force password change',
  description: 'The users must choose a new password at their next sign-in.',
  family: 'security',
  permission: 'users.password',
  params: none,
  severity: normal,
  skipReason: (u) => regularActiveSkip(u) ?? (u.forcePasswordChange ? REASONS.alreadyForced : null),
  shapeFields: byShape,
  effect: () => ({ patch: { forcePasswordChange: true } })
});

export const cancelForcePasswordChange = defineAction({
  id: 'cancel_force_password_change',
  label: 'Cancel force password change',
  description: 'Clears the “change password at next sign-in” flag.',
  family: 'security',
  permission: 'users.password',
  params: none,
  severity: normal,
  skipReason: (u) => regularActiveSkip(u) ?? (u.forcePasswordChange ? null : REASONS.notForced),
  shapeFields: byShape,
  effect: () => ({ patch: { forcePasswordChange: false } })
});

export const resetPassword = defineAction({
  id: 'reset_password',
  label: 'Reset password',
  description: 'Emails password reset instructions to the users.',
  family: 'security',
  permission: 'users.password',
  params: none,
  severity: normal,
  skipReason(u) {
    if (u.status === 'deleted') return REASONS.deleted;
    if (u.userType === 'directory') return REASONS.directory;
    if (u.status === 'active' || u.status === 'inactive') return null;
    return REASONS.noPasswordYet;
  },
  effect: (u) => ({
    patch: {},
    emails: [
      {
        kind: 'password_reset',
        subject: 'Reset your password',
        body: `Hello ${u.firstName},\n\nAn administrator asked Muster to send you password reset instructions.\nOpen the link below to choose a new password.`
      }
    ]
  })
});

export const resetTwoFactor = defineAction({
  id: 'reset_2fa',
  label: 'Reset 2FA',
  description: 'Clears the users’ 2FA devices; they enrol again at their next sign-in.',
  family: 'security',
  permission: 'users.security',
  params: none,
  severity: normal,
  skipReason(u) {
    if (u.status === 'deleted') return REASONS.deleted;
    if (u.twoFactor === 'reset') return REASONS.twoFactorAlreadyReset;
    return u.twoFactor === 'enrolled' ? null : REASONS.notEnrolled;
  },
  shapeFields: byShape,
  effect: () => ({ patch: { twoFactor: 'reset' } })
});

export const unlock = defineAction({
  id: 'unlock',
  label: 'Unlock',
  description: 'Unlocks accounts locked by failed sign-ins and clears the failure count.',
  family: 'security',
  permission: 'users.security',
  params: none,
  severity: normal,
  skipReason(u) {
    if (u.status === 'deleted') return REASONS.deleted;
    return u.locked ? null : REASONS.notLocked;
  },
  shapeFields: () => ['failedSignIns'],
  effect: () => ({ patch: { locked: false, failedSignIns: 0 } })
});
