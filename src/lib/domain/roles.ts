import { z } from 'zod';
import { ALL_PERMISSIONS, type Permission } from './role-names';

// Permissions and role ids live in a zod-free module the page can import; re-exported for the engine's code.
export * from './role-names';

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
