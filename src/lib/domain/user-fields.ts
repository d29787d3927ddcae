/**
 * The user record's vocabulary the page needs: statuses, types, labels, limits. Zod-free on
 * purpose: the page imports this module, and the schemas (user.ts) stay in the engine's worker.
 */

export const USER_STATUSES = ['profile_only', 'invited', 'expired', 'active', 'inactive', 'deleted'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const STATUS_LABELS: Record<UserStatus, string> = {
  profile_only: 'Profile only',
  invited: 'Invited',
  expired: 'Expired',
  active: 'Active',
  inactive: 'Inactive',
  deleted: 'Deleted'
};

export const USER_TYPES = ['regular', 'directory'] as const;
export type UserType = (typeof USER_TYPES)[number];
export const TYPE_LABELS: Record<UserType, string> = { regular: 'Regular', directory: 'Directory' };

export const TWO_FACTOR_STATES = ['none', 'enrolled', 'reset'] as const;
export type TwoFactor = (typeof TWO_FACTOR_STATES)[number];

/** Profile fields an administrator can flag for the user to update at next sign-in. */
export const FLAGGABLE_FIELDS = [
  'firstName',
  'lastName',
  'title',
  'department',
  'company',
  'organization',
  'accountExecutive',
  'timeZone'
] as const;
export type FlaggableField = (typeof FLAGGABLE_FIELDS)[number];

export const FIELD_LABELS: Record<string, string> = {
  email: 'Email',
  firstName: 'First name',
  lastName: 'Last name',
  title: 'Title',
  department: 'Department',
  company: 'Company',
  organization: 'Organization',
  accountExecutive: 'Account executive',
  timeZone: 'Time zone',
  userType: 'User type',
  status: 'Status',
  invitation: 'Invitation',
  accessExpiresAt: 'Access expires',
  locked: 'Locked',
  failedSignIns: 'Failed sign-ins',
  twoFactor: '2FA',
  forcePasswordChange: 'Force password change',
  roles: 'Roles',
  managedOrganizations: 'Managed organizations',
  flaggedFields: 'Flagged fields',
  ownedContent: 'Owned content',
  lastSignInAt: 'Last sign-in',
  passwordHash: 'Password'
};

export const MAX_NAME = 100;
export const MAX_TEXT = 200;
export const MAX_WELCOME = 2000;

export function displayName(u: { firstName: string; lastName: string }): string {
  return `${u.firstName} ${u.lastName}`.trim();
}
