import { z } from 'zod';

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

export const roleSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(100),
  permissions: z.array(z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]])),
  /** Administrative roles need at least one managed organization to be useful. */
  administrative: z.boolean(),
  /** 'managed': on the Enterprise plan, acts only on users in the organizations the holder manages. */
  scope: z.enum(['all', 'managed', 'none'])
});
export type Role = z.infer<typeof roleSchema>;

export const ROLE_IDS = {
  learner: 'learner',
  instructor: 'instructor',
  accountExecutive: 'account_executive',
  operationsManager: 'operations_manager',
  administrator: 'administrator'
} as const;

export const BUILT_IN_ROLES: Role[] = [
  { id: 'learner', name: 'Learner', permissions: [], administrative: false, scope: 'none' },
  { id: 'instructor', name: 'Instructor', permissions: [], administrative: false, scope: 'none' },
  {
    id: 'account_executive',
    name: 'Account Executive',
    permissions: ['users.profile', 'users.invite'],
    administrative: false,
    scope: 'managed'
  },
  {
    id: 'operations_manager',
    name: 'Operations Manager',
    permissions: [
      'users.status',
      'users.invite',
      'users.password',
      'users.security',
      'users.profile',
      'users.access',
      'users.upload',
      'reports.revert'
    ],
    administrative: true,
    scope: 'managed'
  },
  {
    id: 'administrator',
    name: 'Administrator',
    permissions: [...ALL_PERMISSIONS],
    administrative: true,
    scope: 'all'
  }
];

export function rolesById(roles: readonly Role[]): Map<string, Role> {
  return new Map(roles.map((r) => [r.id, r]));
}

export function hasAdministrativeRole(roleIds: readonly string[], roles: ReadonlyMap<string, Role>): boolean {
  return roleIds.some((id) => roles.get(id)?.administrative === true);
}
