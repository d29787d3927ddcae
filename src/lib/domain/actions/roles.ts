import { z } from 'zod';
import { hasAdministrativeRole } from '../roles';
import { byShape, defineAction, type ActionContext, type Severity } from './types';
import { REASONS } from './reasons';
import type { User } from '../user';

const notDeleted = (u: User) => (u.status === 'deleted' ? REASONS.deleted : null);

function unknownRoles(ids: readonly string[], ctx: ActionContext): string | null {
  const missing = ids.filter((id) => !ctx.roles.has(id));
  return missing.length ? `Unknown role: ${missing.join(', ')}` : null;
}

function unknownOrganizations(ids: readonly string[], ctx: ActionContext): string | null {
  const missing = ids.filter((id) => !ctx.organizations.has(id));
  return missing.length ? `Unknown organization: ${missing.join(', ')}` : null;
}

/** Granting an administrative role is destructive-grade: it asks for a typed confirmation. */
const grantsAdmin =
  (ids: (p: never) => readonly string[]) =>
  (p: never, ctx: ActionContext): Severity =>
    hasAdministrativeRole(ids(p), ctx.roles) ? 'destructive' : 'normal';

const roleIds = z.array(z.string().min(1), { error: 'Choose at least one role' }).min(1, 'Choose at least one role');

export const setRole = defineAction({
  id: 'set_role',
  label: 'Set role',
  description: 'Replaces each user’s roles with one role. Users immediately get its permissions.',
  family: 'roles',
  permission: 'users.roles',
  params: z.object({ roleId: z.string({ error: 'Choose a role' }).min(1, 'Choose a role') }).strict(),
  form: [{ kind: 'role', key: 'roleId', label: 'New role' }],
  severity: grantsAdmin((p: { roleId: string }) => [p.roleId]),
  protectsActor: true,
  checkParams: (p, ctx) => unknownRoles([p.roleId], ctx),
  unchangedReason: 'Already has exactly this role',
  skipReason: notDeleted,
  shapeFields: byShape,
  effect: (_u, p) => ({ patch: { roles: [p.roleId] } })
});

export const addRoles = defineAction({
  id: 'add_roles',
  label: 'Add roles',
  description: 'Adds roles to each user, keeping the roles they have.',
  family: 'roles',
  permission: 'users.roles',
  params: z.object({ roleIds }).strict(),
  form: [{ kind: 'role-list', key: 'roleIds', label: 'Roles to add' }],
  severity: grantsAdmin((p: { roleIds: string[] }) => p.roleIds),
  checkParams: (p, ctx) => unknownRoles(p.roleIds, ctx),
  unchangedReason: 'Already has these roles',
  skipReason: notDeleted,
  shapeFields: byShape,
  effect: (u, p) => ({ patch: { roles: [...u.roles, ...p.roleIds.filter((r) => !u.roles.includes(r))] } })
});

export const removeRoles = defineAction({
  id: 'remove_roles',
  label: 'Remove roles',
  description: 'Removes roles from each user. Every user keeps at least one role.',
  family: 'roles',
  permission: 'users.roles',
  params: z.object({ roleIds }).strict(),
  form: [{ kind: 'role-list', key: 'roleIds', label: 'Roles to remove' }],
  // Counted by the rule alone: removing no role leaves every user a role.
  neutralParams: { roleIds: [] },
  severity: () => 'normal',
  protectsActor: true,
  checkParams: (p, ctx) => unknownRoles(p.roleIds, ctx),
  unchangedReason: 'Has none of these roles',
  skipReason(u, p) {
    const deleted = notDeleted(u);
    if (deleted) return deleted;
    const left = u.roles.filter((r) => !p.roleIds.includes(r));
    if (left.length === 0) return REASONS.lastRole;
    return null;
  },
  shapeFields: byShape,
  effect: (u, p) => ({ patch: { roles: u.roles.filter((r) => !p.roleIds.includes(r)) } })
});

export const setOrganizationManagement = defineAction({
  id: 'set_org_management',
  label: 'Set organization management',
  description: 'Adds organizations each user administers, or replaces the list.',
  family: 'roles',
  permission: 'users.roles',
  params: z
    .object({
      organizationIds: z.array(z.string().min(1), { error: 'Choose organizations' }),
      mode: z.enum(['add', 'replace'], { error: 'Choose whether to add to or replace the list' })
    })
    .strict()
    .refine((p) => p.mode === 'replace' || p.organizationIds.length > 0, {
      message: 'Choose at least one organization to add',
      path: ['organizationIds']
    }),
  form: [
    {
      kind: 'choice',
      key: 'mode',
      label: 'How',
      options: [
        { value: 'add', label: 'Add to the organizations each user manages' },
        { value: 'replace', label: 'Replace the list' }
      ],
      default: 'add'
    },
    { kind: 'organization-list', key: 'organizationIds', label: 'Organizations' }
  ],
  severity: () => 'normal',
  checkParams: (p, ctx) => unknownOrganizations(p.organizationIds, ctx),
  unchangedReason: 'Already manages exactly these organizations',
  skipReason: notDeleted,
  shapeFields: byShape,
  effect: (u, p) => ({
    patch: {
      managedOrganizations:
        p.mode === 'replace'
          ? [...new Set(p.organizationIds)]
          : [...u.managedOrganizations, ...p.organizationIds.filter((o) => !u.managedOrganizations.includes(o))]
    }
  })
});
