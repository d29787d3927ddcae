import { REASONS } from './actions/reasons';
import type { Plan } from './directory';
import { reach, type Actor, type Reach } from './permissions';
import { ALL_PERMISSIONS, PERMISSIONS, ROLE_IDS, hasAdministrativeRole, type Permission, type Role } from './roles';
import { FIELD_LABELS, FLAGGABLE_FIELDS, TRACKED_FIELDS, type TrackedField, type User, type UserStatus } from './user';

// The one gate every write to users passes (SPEC §2, DESIGN "One gate for every write"). Planners
// (bulk actions, upload rows and options, reverts, single edits, sign-in steps, emailed links, the
// clock) describe each user's before and after; this decides, field by field, which may commit.

/** Who is writing: an administrator (any admin path), the user on their own account, or the clock. */
export type Source = 'admin' | 'self' | 'system';

export interface PolicyContext {
  source: Source;
  /** 'admin': the acting administrator; 'self': the signed-in user; 'system': null. */
  actor: Actor | null;
  plan: Plan;
  roles: ReadonlyMap<string, Role>;
  /** Active users holding the Administrator role in the whole directory, before this batch. */
  activeAdministrators: number;
  /** Muster's today: when given, the clock may expire only invitations whose day has passed. */
  today?: string;
}

/** One planned change. before null: the user is created; after null: the user is erased. */
export interface Change {
  id: number;
  before: User | null;
  after: User | null;
  /** An email the write sends this user (a reset link, an invitation): it needs that permission
   *  even when no field changes, and the same scope and rank as a change would. */
  sends?: Permission;
}

export interface GateResult {
  /** The changes that may commit, in their order. */
  allowed: Change[];
  /** Refused changes grouped by reason (in order of first refusal), as CommitPlan.skips. */
  refused: { reason: string; ids: number[] }[];
}

/**
 * The permission that covers changing each field, whatever the path. status and invitation are
 * refined by the statuses involved (fieldPermission). Chosen from the actions' own permissions, so
 * an action and an upload row or a revert changing the same field need the same permission.
 */
export const FIELD_PERMISSION = {
  email: 'users.profile',
  firstName: 'users.profile',
  lastName: 'users.profile',
  title: 'users.profile',
  department: 'users.profile',
  company: 'users.profile',
  organization: 'users.profile',
  accountExecutive: 'users.profile',
  timeZone: 'users.profile',
  userType: 'users.profile',
  flaggedFields: 'users.profile',
  status: 'users.status',
  invitation: 'users.invite',
  accessExpiresAt: 'users.access',
  locked: 'users.security',
  failedSignIns: 'users.security',
  twoFactor: 'users.security',
  lastSignInAt: 'users.security',
  forcePasswordChange: 'users.password',
  passwordHash: 'users.password',
  roles: 'users.roles',
  managedOrganizations: 'users.roles',
  ownedContent: 'users.transfer'
} as const satisfies Record<TrackedField, Permission>;

/** Creating a user (upload row, Add user, a revert restoring a removed user). */
export const CREATE_PERMISSION: Permission = 'users.upload';
/** Erasing a user (Remove permanently, a revert removing a user an upload created). */
export const ERASE_PERMISSION: Permission = 'users.remove';

/** The fields a user is created with: covered by CREATE_PERMISSION alone. */
export const CREATION_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'title',
  'department',
  'company',
  'organization',
  'accountExecutive',
  'timeZone',
  'userType'
] as const satisfies readonly TrackedField[];

/**
 * Every other field of a new user. A created user holding anything else (a role, an invitation,
 * an expiry…) is judged as if that field changed from this value, so creating an Administrator
 * needs what granting the role needs.
 */
export const NEW_USER_DEFAULTS: Readonly<Omit<Pick<User, TrackedField>, (typeof CREATION_FIELDS)[number]>> = {
  status: 'profile_only',
  invitation: null,
  accessExpiresAt: null,
  locked: false,
  failedSignIns: 0,
  twoFactor: 'none',
  forcePasswordChange: false,
  passwordHash: null,
  roles: [ROLE_IDS.learner],
  managedOrganizations: [],
  flaggedFields: [],
  ownedContent: 0,
  lastSignInAt: null
};

export const POLICY_REASONS = {
  noActor: 'The acting administrator is not in the directory',
  actorInactive: 'The acting administrator’s account is not active',
  notAdministrator: 'Only administrators can change users',
  rank: 'Only an Administrator can change an Administrator',
  lastAdministrator: 'This would leave no active Administrator',
  movesOutOfScope: 'Would move them outside your organizations',
  notOwnAccount: 'A user can change only their own account',
  selfAddRemove: 'Only an administrator can add or remove users',
  clockOnly: 'The clock only expires invitations',
  invitationStillValid: 'Invitation still valid — the clock cannot expire it'
} as const;

const lcFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Enterprise plan: no role of the actor holds the permission. `what` names the field, if any. */
export function permissionReason(permission: Permission, what: string | null): string {
  const may = `None of your roles may ${lcFirst(PERMISSIONS[permission])}`;
  return what ? `${may} (${what})` : may;
}

/** A field no sign-in step, link or self-service form may change on one's own account. */
export function selfReason(field: TrackedField): string {
  return `Only an administrator can change this (${FIELD_LABELS[field]})`;
}

const INVITING: ReadonlySet<UserStatus> = new Set(['invited', 'expired']);

/** Status changes: to or from deleted is deleting; to or from invited/expired is inviting. */
export function statusPermission(from: UserStatus, to: UserStatus): Permission {
  if (from === 'deleted' || to === 'deleted') return 'users.delete';
  if (INVITING.has(from) || INVITING.has(to)) return 'users.invite';
  return 'users.status';
}

/** The permission covering one field's change; an invitation changing with the status follows it. */
export function fieldPermission(field: TrackedField, from: UserStatus, to: UserStatus): Permission {
  if (field === 'status' || (field === 'invitation' && from !== to)) return statusPermission(from, to);
  return FIELD_PERMISSION[field];
}

export function holdsAdministrator(u: Pick<User, 'roles'>): boolean {
  return u.roles.includes(ROLE_IDS.administrator);
}

export function isActiveAdministrator(u: Pick<User, 'roles' | 'status'> | null): boolean {
  return u !== null && u.status === 'active' && holdsAdministrator(u);
}

export function countActiveAdministrators(users: Iterable<Pick<User, 'roles' | 'status'>>): number {
  let n = 0;
  for (const u of users) if (isActiveAdministrator(u)) n++;
  return n;
}

// ── field comparison: one bit per tracked field, set only where the values differ ──

const FIELDS: readonly TrackedField[] = TRACKED_FIELDS;
const BIT = Object.fromEntries(FIELDS.map((f, i) => [f, 1 << i])) as Record<TrackedField, number>;
/** The actor's own account: never these (SPEC §2). Profile fields of their own are fine. */
const OWN_GUARDED_MASK = BIT.status | BIT.roles | BIT.managedOrganizations | BIT.accessExpiresAt;
const FLAGGABLE: ReadonlySet<string> = new Set(FLAGGABLE_FIELDS);

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameInvitation(a: User['invitation'], b: User['invitation']): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return a.sentAt === b.sentAt && a.expiresAt === b.expiresAt && a.welcomeMessage === b.welcomeMessage && a.timesSent === b.timesSent;
}

type NonCreation = typeof NEW_USER_DEFAULTS;

/** The fields set apart from creation that differ (for a new user: from NEW_USER_DEFAULTS). */
function diffState(b: NonCreation, a: NonCreation): number {
  // Written out field by field: a keyed loop over 23 names is several times slower at 1,000,000 users.
  let m = 0;
  if (b.status !== a.status) m |= BIT.status;
  if (!sameInvitation(b.invitation, a.invitation)) m |= BIT.invitation;
  if (b.accessExpiresAt !== a.accessExpiresAt) m |= BIT.accessExpiresAt;
  if (b.locked !== a.locked) m |= BIT.locked;
  if (b.failedSignIns !== a.failedSignIns) m |= BIT.failedSignIns;
  if (b.twoFactor !== a.twoFactor) m |= BIT.twoFactor;
  if (b.forcePasswordChange !== a.forcePasswordChange) m |= BIT.forcePasswordChange;
  if (b.passwordHash !== a.passwordHash) m |= BIT.passwordHash;
  if (!sameList(b.roles, a.roles)) m |= BIT.roles;
  if (!sameList(b.managedOrganizations, a.managedOrganizations)) m |= BIT.managedOrganizations;
  if (!sameList(b.flaggedFields, a.flaggedFields)) m |= BIT.flaggedFields;
  if (b.ownedContent !== a.ownedContent) m |= BIT.ownedContent;
  if (b.lastSignInAt !== a.lastSignInAt) m |= BIT.lastSignInAt;
  return m;
}

/** One bit per tracked field whose value differs; arrays and the invitation by content. */
export function diffMask(b: User, a: User): number {
  let m = diffState(b, a);
  if (b.email !== a.email) m |= BIT.email;
  if (b.firstName !== a.firstName) m |= BIT.firstName;
  if (b.lastName !== a.lastName) m |= BIT.lastName;
  if (b.title !== a.title) m |= BIT.title;
  if (b.department !== a.department) m |= BIT.department;
  if (b.company !== a.company) m |= BIT.company;
  if (b.organization !== a.organization) m |= BIT.organization;
  if (b.accountExecutive !== a.accountExecutive) m |= BIT.accountExecutive;
  if (b.timeZone !== a.timeZone) m |= BIT.timeZone;
  if (b.userType !== a.userType) m |= BIT.userType;
  return m;
}

/** The fields of a diff mask, in TRACKED_FIELDS order. */
export function maskFields(mask: number): TrackedField[] {
  return FIELDS.filter((f) => (mask & BIT[f]) !== 0);
}

/** Lowest set bit's field; masks are walked with `m &= m - 1`. */
const lowest = (m: number): TrackedField => FIELDS[31 - Math.clz32(m & -m)];

/** The permissions a change needs from an administrator, in field order, without repeats. */
export function requiredPermissions(c: Change): Permission[] {
  const { before: b, after: a } = c;
  if (a === null) return b === null ? [] : [ERASE_PERMISSION];
  const out = new Set<Permission>(b === null ? [CREATE_PERMISSION] : []);
  const from = b ?? NEW_USER_DEFAULTS;
  for (let m = b ? diffMask(b, a) : diffState(NEW_USER_DEFAULTS, a); m !== 0; m &= m - 1) out.add(fieldPermission(lowest(m), from.status, a.status));
  return [...out];
}

// ── the judge: prepared once per batch, then one pass without closures ──

interface Judge {
  ctx: PolicyContext;
  /** A refusal for every change of this batch (no actor, inactive, not an administrator). */
  refuseAll: string | null;
  actorId: number;
  actorIsAdministrator: boolean;
  reaches: Record<Permission, Reach>;
}

function prepare(ctx: PolicyContext): Judge {
  const actor = ctx.actor;
  const reaches = {} as Record<Permission, Reach>;
  let refuseAll: string | null = null;
  if (ctx.source === 'admin') {
    if (!actor) refuseAll = POLICY_REASONS.noActor;
    else if (actor.status !== 'active') refuseAll = POLICY_REASONS.actorInactive;
    else if (ctx.plan === 'standard' && !hasAdministrativeRole(actor.roles, ctx.roles)) refuseAll = POLICY_REASONS.notAdministrator;
    else for (const p of ALL_PERMISSIONS) reaches[p] = reach(actor, ctx.plan, p, ctx.roles);
  }
  return { ctx, refuseAll, actorId: actor ? actor.id : -1, actorIsAdministrator: !!actor && holdsAdministrator(actor), reaches };
}

/** Permission and the Operations Manager's scope, for one permission a change needs. */
function permits(j: Judge, p: Permission, what: string | null, b: User | null, a: User | null): string | null {
  const r = j.reaches[p];
  if (r.kind === 'all') return null;
  if (r.kind === 'none') return permissionReason(p, what);
  if (b !== null && (b.organization === null || !r.organizations.has(b.organization))) return REASONS.outsideScope;
  if (a !== null && (a.organization === null || !r.organizations.has(a.organization)))
    return b === null ? REASONS.outsideScope : POLICY_REASONS.movesOutOfScope;
  return null;
}

function rank(j: Judge, b: User | null, a: User | null): string | null {
  if (j.actorIsAdministrator) return null;
  return (b !== null && holdsAdministrator(b)) || (a !== null && holdsAdministrator(a)) ? POLICY_REASONS.rank : null;
}

function judgeAdmin(j: Judge, c: Change): string | null {
  if (j.refuseAll !== null) return j.refuseAll;
  const b = c.before;
  const a = c.after;
  if (b === null && a === null) return REASONS.notFound;
  if (a === null) return permits(j, ERASE_PERMISSION, null, b, null) ?? (c.id === j.actorId ? REASONS.yourself : null) ?? rank(j, b, null);
  if (b === null) {
    const refused = permits(j, CREATE_PERMISSION, null, null, a);
    if (refused !== null) return refused;
    for (let m = diffState(NEW_USER_DEFAULTS, a); m !== 0; m &= m - 1) {
      const f = lowest(m);
      const no = permits(j, fieldPermission(f, NEW_USER_DEFAULTS.status, a.status), FIELD_LABELS[f], null, a);
      if (no !== null) return no;
    }
    return rank(j, null, a);
  }
  const mask = diffMask(b, a);
  if (mask === 0 && c.sends === undefined) return null;
  for (let m = mask; m !== 0; m &= m - 1) {
    const f = lowest(m);
    const no = permits(j, fieldPermission(f, b.status, a.status), FIELD_LABELS[f], b, a);
    if (no !== null) return no;
  }
  if (c.sends !== undefined) {
    const no = permits(j, c.sends, null, b, a);
    if (no !== null) return no;
  }
  if ((mask & OWN_GUARDED_MASK) !== 0 && c.id === j.actorId) return REASONS.yourself;
  return rank(j, b, a);
}

/** What the user's own sign-in steps and emailed links may do to one field. */
function selfMay(f: TrackedField, b: User, a: User): boolean {
  switch (f) {
    case 'passwordHash':
    case 'lastSignInAt':
    case 'failedSignIns':
      return true;
    case 'forcePasswordChange': // cleared only by setting a new password
      return !a.forcePasswordChange && a.passwordHash !== b.passwordHash;
    case 'twoFactor':
      return a.twoFactor === 'enrolled';
    case 'locked': // failed sign-ins lock; nobody unlocks themselves
      return a.locked;
    case 'flaggedFields':
      for (let i = 0; i < a.flaggedFields.length; i++) if (!b.flaggedFields.includes(a.flaggedFields[i])) return false;
      return true;
    case 'status': // accepting an invitation
      return b.status === 'invited' && a.status === 'active';
    case 'invitation': // consumed by accepting it
      return a.invitation === null && b.status === 'invited' && a.status === 'active';
    default: // the forced field update: only the fields flagged for it
      return FLAGGABLE.has(f) && (b.flaggedFields as readonly string[]).includes(f);
  }
}

function judgeSelf(j: Judge, c: Change): string | null {
  if (c.id !== j.actorId) return POLICY_REASONS.notOwnAccount;
  const b = c.before;
  const a = c.after;
  if (b === null || a === null) return POLICY_REASONS.selfAddRemove;
  for (let m = diffMask(b, a); m !== 0; m &= m - 1) {
    const f = lowest(m);
    if (!selfMay(f, b, a)) return selfReason(f);
  }
  return null;
}

function judgeSystem(j: Judge, c: Change): string | null {
  const b = c.before;
  const a = c.after;
  if (b === null || a === null) return POLICY_REASONS.clockOnly;
  const mask = diffMask(b, a);
  if (mask === 0) return null;
  if (mask !== BIT.status || b.status !== 'invited' || a.status !== 'expired') return POLICY_REASONS.clockOnly;
  const today = j.ctx.today;
  if (today !== undefined && !(b.invitation !== null && b.invitation.expiresAt < today)) return POLICY_REASONS.invitationStillValid;
  return null;
}

function judgeOne(j: Judge, c: Change): string | null {
  switch (j.ctx.source) {
    case 'admin':
      return judgeAdmin(j, c);
    case 'self':
      return judgeSelf(j, c);
    case 'system':
      return judgeSystem(j, c);
  }
}

function refuse(groups: Map<string, number[]>, reason: string, id: number) {
  const ids = groups.get(reason);
  if (ids) ids.push(id);
  else groups.set(reason, [id]);
}

/**
 * Judges a batch of planned changes, one user each (ids unique). For an administrator, per changed
 * field in TRACKED_FIELDS order: the permission covering it, then the Operations Manager's scope
 * (before and after); then their own account; then rank. A change that changes no field needs
 * nothing. Last, over the whole batch: if it would leave no active Administrator, the last changes
 * that remove one (in batch order) are refused until one is left.
 */
export function gate(ctx: PolicyContext, changes: readonly Change[]): GateResult {
  const j = prepare(ctx);
  let allowed: Change[] = [];
  const refused = new Map<string, number[]>();
  const losses: number[] = [];
  let gains = 0;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    const reason = judgeOne(j, c);
    if (reason !== null) {
      refuse(refused, reason, c.id);
      continue;
    }
    const was = isActiveAdministrator(c.before);
    const is = isActiveAdministrator(c.after);
    if (was && !is) losses.push(allowed.length);
    else if (is && !was) gains++;
    allowed.push(c);
  }
  const keep = Math.max(0, ctx.activeAdministrators + gains - 1);
  if (losses.length > keep) {
    const dropped = new Set<number>();
    for (let k = keep; k < losses.length; k++) {
      dropped.add(losses[k]);
      refuse(refused, POLICY_REASONS.lastAdministrator, allowed[losses[k]].id);
    }
    allowed = allowed.filter((_, i) => !dropped.has(i));
  }
  return { allowed, refused: [...refused].map(([reason, ids]) => ({ reason, ids })) };
}

/** One change on its own: null when it may commit, else the reason it is refused. */
export function judgeChange(ctx: PolicyContext, change: Change): string | null {
  return gate(ctx, [change]).refused[0]?.reason ?? null;
}
