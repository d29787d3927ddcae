import type { Plan } from './directory';
import { PERMISSIONS, type Permission, type Role } from './roles';
import type { User } from './user';
import { REASONS } from './actions/reasons';

export type Actor = Pick<User, 'id' | 'roles' | 'managedOrganizations' | 'status'>;

/** How far an actor's permission reaches: every user, only users of managed organizations, or nobody. */
export type Reach = { kind: 'all' } | { kind: 'managed'; organizations: ReadonlySet<string> } | { kind: 'none'; reason: string };

/**
 * SPEC §2. Standard plan: every administrator may run every action on every user.
 * Enterprise plan: one of the actor's roles must hold the permission; a role scoped to managed
 * organizations (Operations Manager) reaches only users whose organization the actor manages.
 */
export function reach(actor: Actor, plan: Plan, permission: Permission, roles: ReadonlyMap<string, Role>): Reach {
  if (actor.status !== 'active') return { kind: 'none', reason: 'The acting administrator’s account is not active.' };
  const held = actor.roles.map((id) => roles.get(id)).filter((r): r is Role => !!r);
  if (plan === 'standard') {
    if (held.some((r) => r.administrative)) return { kind: 'all' };
    return { kind: 'none', reason: 'Only administrators can run bulk actions.' };
  }
  const granting = held.filter((r) => r.permissions.includes(permission));
  if (granting.length === 0) return { kind: 'none', reason: `None of your roles may ${PERMISSIONS[permission].toLowerCase()}.` };
  if (granting.some((r) => r.scope === 'all')) return { kind: 'all' };
  return { kind: 'managed', organizations: new Set(actor.managedOrganizations) };
}

/** null when the user is within reach, else the skip reason. */
export function scopeSkip(r: Reach, user: Pick<User, 'organization'>): string | null {
  if (r.kind === 'all') return null;
  if (r.kind === 'none') return r.reason;
  return user.organization !== null && r.organizations.has(user.organization) ? null : REASONS.outsideScope;
}
