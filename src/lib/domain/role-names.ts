/**
 * Permissions in words and the built-in roles' ids. Zod-free on purpose: the page may import this
 * module, and the role schema (roles.ts) stays in the engine's worker.
 */

/** What a role may do. Each bulk action names one of these (SPEC §2). */
export const PERMISSIONS = {
  'users.status': 'Activate and deactivate users',
  'users.delete': 'Delete and undelete users',
  'users.remove': 'Remove users permanently',
  'users.transfer': 'Transfer content ownership',
  'users.invite': 'Send and cancel invitations',
  'users.password': 'Reset passwords and force password changes',
  'users.security': 'Reset 2FA and unlock accounts',
  'users.roles': 'Change roles and organization management',
  'users.profile': 'Update profile fields and flag fields',
  'users.access': 'Change access expiry',
  'users.upload': 'Upload users from CSV',
  'reports.revert': 'Revert change reports'
} as const;
export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_IDS = {
  learner: 'learner',
  instructor: 'instructor',
  accountExecutive: 'account_executive',
  operationsManager: 'operations_manager',
  administrator: 'administrator'
} as const;
