// The write policy (SPEC §2) restated plainly and slowly, without the implementation's tables:
// the oracle the property tests compare the gate and the engine's committed writes against.
import { REASONS } from '../src/lib/domain/actions/reasons';
import { permissionReason, POLICY_REASONS, selfReason, type Change, type PolicyContext } from '../src/lib/domain/policy';
import type { Permission, Role } from '../src/lib/domain/roles';
import { FIELD_LABELS, FLAGGABLE_FIELDS, TRACKED_FIELDS, type User } from '../src/lib/domain/user';

const equal = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

export function oraclePermission(field: string, from: string, to: string): Permission {
  const statusPerm: Permission =
    from === 'deleted' || to === 'deleted'
      ? 'users.delete'
      : ['invited', 'expired'].includes(from) || ['invited', 'expired'].includes(to)
        ? 'users.invite'
        : 'users.status';
  if (field === 'status') return statusPerm;
  if (field === 'invitation') return from === to ? 'users.invite' : statusPerm;
  if (field === 'roles' || field === 'managedOrganizations') return 'users.roles';
  if (field === 'accessExpiresAt') return 'users.access';
  if (['twoFactor', 'locked', 'failedSignIns', 'lastSignInAt'].includes(field)) return 'users.security';
  if (field === 'forcePasswordChange' || field === 'passwordHash') return 'users.password';
  if (field === 'ownedContent') return 'users.transfer';
  return 'users.profile';
}

const BLANK: Record<string, unknown> = {
  status: 'profile_only',
  invitation: null,
  accessExpiresAt: null,
  locked: false,
  failedSignIns: 0,
  twoFactor: 'none',
  forcePasswordChange: false,
  passwordHash: null,
  roles: ['learner'],
  managedOrganizations: [],
  flaggedFields: [],
  ownedContent: 0,
  lastSignInAt: null
};

export const isAdministrator = (u: Pick<User, 'roles'> | null) => !!u && u.roles.includes('administrator');
export const activeAdministrator = (u: User | null | undefined) => !!u && u.status === 'active' && u.roles.includes('administrator');

export function oracleAdmin(ctx: PolicyContext, c: Change): string | null {
  const actor = ctx.actor;
  if (!actor) return POLICY_REASONS.noActor;
  if (actor.status !== 'active') return POLICY_REASONS.actorInactive;
  const held = actor.roles.map((id) => ctx.roles.get(id)).filter((r): r is Role => !!r);
  if (ctx.plan === 'standard' && !held.some((r) => r.administrative)) return POLICY_REASONS.notAdministrator;
  const { before, after } = c;
  if (!before && !after) return REASONS.notFound;

  // What the change needs: [field label or null, permission].
  const needs: [string | null, Permission][] = [];
  const changed: string[] = [];
  if (!after) needs.push([null, 'users.remove']);
  else if (!before) {
    needs.push([null, 'users.upload']);
    for (const f of TRACKED_FIELDS)
      if (f in BLANK && !equal(BLANK[f], after[f])) needs.push([FIELD_LABELS[f], oraclePermission(f, 'profile_only', after.status)]);
  } else {
    for (const f of TRACKED_FIELDS)
      if (!equal(before[f], after[f])) {
        changed.push(f);
        needs.push([FIELD_LABELS[f], oraclePermission(f, before.status, after.status)]);
      }
    if (changed.length === 0) return null;
  }

  for (const [what, permission] of needs) {
    if (ctx.plan === 'standard') continue;
    const granting = held.filter((r) => r.permissions.includes(permission));
    if (granting.length === 0) return permissionReason(permission, what);
    if (granting.some((r) => r.scope === 'all')) continue;
    const manages = (org: string | null) => org !== null && actor.managedOrganizations.includes(org);
    if (before && !manages(before.organization)) return REASONS.outsideScope;
    if (after && !manages(after.organization)) return before ? POLICY_REASONS.movesOutOfScope : REASONS.outsideScope;
  }

  if (c.id === actor.id && (!after || changed.some((f) => ['status', 'roles', 'managedOrganizations', 'accessExpiresAt'].includes(f))))
    return REASONS.yourself;
  if (!actor.roles.includes('administrator') && (isAdministrator(before) || isAdministrator(after))) return POLICY_REASONS.rank;
  return null;
}

export function oracleSelf(ctx: PolicyContext, c: Change): string | null {
  if (!ctx.actor || ctx.actor.id !== c.id) return POLICY_REASONS.notOwnAccount;
  const { before: b, after: a } = c;
  if (!b || !a) return POLICY_REASONS.selfAddRemove;
  for (const f of TRACKED_FIELDS) {
    if (equal(b[f], a[f])) continue;
    const ok =
      f === 'passwordHash' ||
      f === 'lastSignInAt' ||
      f === 'failedSignIns' ||
      (f === 'forcePasswordChange' && a.forcePasswordChange === false && a.passwordHash !== b.passwordHash) ||
      (f === 'twoFactor' && a.twoFactor === 'enrolled') ||
      (f === 'locked' && a.locked === true) ||
      (f === 'flaggedFields' && a.flaggedFields.every((x) => b.flaggedFields.includes(x))) ||
      (f === 'status' && b.status === 'invited' && a.status === 'active') ||
      (f === 'invitation' && a.invitation === null && b.status === 'invited' && a.status === 'active') ||
      ((FLAGGABLE_FIELDS as readonly string[]).includes(f) && (b.flaggedFields as string[]).includes(f));
    if (!ok) return selfReason(f);
  }
  return null;
}

export function oracleSystem(ctx: PolicyContext, c: Change): string | null {
  const { before: b, after: a } = c;
  if (!b || !a) return POLICY_REASONS.clockOnly;
  const changed = TRACKED_FIELDS.filter((f) => !equal(b[f], a[f]));
  if (changed.length === 0) return null;
  if (changed.length > 1 || changed[0] !== 'status' || b.status !== 'invited' || a.status !== 'expired') return POLICY_REASONS.clockOnly;
  if (ctx.today !== undefined && !(b.invitation && b.invitation.expiresAt < ctx.today)) return POLICY_REASONS.invitationStillValid;
  return null;
}

/** id → reason (null: allowed), then the batch rule on the directory as it would be after. */
export function oracle(ctx: PolicyContext, changes: Change[], directory: User[]): Map<number, string | null> {
  const verdict = new Map<number, string | null>();
  for (const c of changes)
    verdict.set(c.id, ctx.source === 'admin' ? oracleAdmin(ctx, c) : ctx.source === 'self' ? oracleSelf(ctx, c) : oracleSystem(ctx, c));
  const countAfter = () => {
    const world = new Map(directory.map((u) => [u.id, u as User | null]));
    for (const c of changes) if (verdict.get(c.id) === null) world.set(c.id, c.after);
    return [...world.values()].filter(activeAdministrator).length;
  };
  const losses = changes.filter((c) => verdict.get(c.id) === null && activeAdministrator(c.before) && !activeAdministrator(c.after));
  while (countAfter() === 0 && losses.length) verdict.set(losses.pop()!.id, POLICY_REASONS.lastAdministrator);
  return verdict;
}

