import { describe, expect, it } from 'vitest';
import { activeAdministrator, isAdministrator, oracle } from '../../../tests/policy-oracle';
import fc from 'fast-check';
import { makeContext, makeUser } from '../../../tests/factories';
import { actionParamsArbitrary } from '../../../tests/arbitraries';
import { ACTIONS } from './actions';
import { REASONS } from './actions/reasons';
import { applyPatch } from './changes';
import type { Plan } from './directory';
import { evaluate } from './evaluate';
import { gate, permissionReason, POLICY_REASONS, requiredPermissions, selfReason, type Change, type PolicyContext, type Source } from './policy';
import { ALL_PERMISSIONS, BUILT_IN_ROLES, rolesById, type Permission, type Role } from './roles';
import { FIELD_LABELS, FLAGGABLE_FIELDS, TRACKED_FIELDS, TWO_FACTOR_STATES, USER_STATUSES, type TrackedField, type User } from './user';

const roles = rolesById(BUILT_IN_ROLES);
const roleIds = BUILT_IN_ROLES.map((r) => r.id);
const orgs = ['org-1', 'org-2', 'org-3'];

// ── random actors, users and patches over small domains, so that values often coincide ──

const userArb = (id: fc.Arbitrary<number>): fc.Arbitrary<User> =>
  fc
    .record({
      id,
      status: fc.constantFrom(...USER_STATUSES),
      roles: fc.uniqueArray(fc.constantFrom(...roleIds), { minLength: 1, maxLength: 2 }),
      managedOrganizations: fc.uniqueArray(fc.constantFrom(...orgs), { maxLength: 2 }),
      organization: fc.option(fc.constantFrom(...orgs), { nil: null }),
      flaggedFields: fc.uniqueArray(fc.constantFrom('title', 'department', 'organization'), { maxLength: 2 }),
      twoFactor: fc.constantFrom(...TWO_FACTOR_STATES),
      locked: fc.boolean(),
      forcePasswordChange: fc.boolean(),
      passwordHash: fc.constantFrom(null, 'h1', 'h2'),
      title: fc.constantFrom('', 'Lead'),
      expiresAt: fc.constantFrom('2026-11-10', '2026-11-30')
    })
    .map(({ expiresAt, ...r }) => {
      const invited = r.status === 'invited' || r.status === 'expired';
      return makeUser({ ...r, ...(invited ? { invitation: { sentAt: '2026-11-01T10:00:00.000Z', expiresAt, welcomeMessage: '', timesSent: 1 } } : {}) });
    });

const invitationArb = fc.option(
  fc.record({ sentAt: fc.constant('2026-11-01T10:00:00.000Z'), expiresAt: fc.constantFrom('2026-11-10', '2026-11-30'), welcomeMessage: fc.constant(''), timesSent: fc.constantFrom(1, 2) }),
  { nil: null }
);

const fieldValues = {
  status: fc.constantFrom(...USER_STATUSES),
  invitation: invitationArb,
  roles: fc.uniqueArray(fc.constantFrom(...roleIds), { minLength: 1, maxLength: 2 }),
  managedOrganizations: fc.uniqueArray(fc.constantFrom(...orgs), { maxLength: 2 }),
  organization: fc.option(fc.constantFrom(...orgs), { nil: null }),
  accessExpiresAt: fc.constantFrom(null, '2027-01-01'),
  title: fc.constantFrom('', 'Lead'),
  department: fc.constantFrom('', 'Ops'),
  twoFactor: fc.constantFrom(...TWO_FACTOR_STATES),
  locked: fc.boolean(),
  failedSignIns: fc.constantFrom(0, 5),
  forcePasswordChange: fc.boolean(),
  passwordHash: fc.constantFrom(null, 'h1', 'h2'),
  flaggedFields: fc.uniqueArray(fc.constantFrom('title', 'department', 'organization'), { maxLength: 2 }),
  ownedContent: fc.constantFrom(0, 3),
  lastSignInAt: fc.constantFrom(null, '2026-11-22T10:00:00.000Z')
} as const;
type PatchKey = keyof typeof fieldValues;

/** One to three fields, each to a value from a small set (often the same as before). */
const smallPatchArb: fc.Arbitrary<Partial<User>> = fc
  .shuffledSubarray(Object.keys(fieldValues) as PatchKey[], { minLength: 1, maxLength: 3 })
  .chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, fieldValues[k]])) as Record<PatchKey, fc.Arbitrary<unknown>>))
  .map((p) => p as Partial<User>);

/** The patches the real paths make: sign-in steps, links, the clock, bulk actions. */
const typicalPatchArb: fc.Arbitrary<Partial<User>> = fc.constantFrom<Partial<User>>(
  { status: 'expired' },
  { status: 'active', invitation: null, passwordHash: 'h2' },
  { status: 'active', invitation: null },
  { passwordHash: 'h2', forcePasswordChange: false },
  { forcePasswordChange: false },
  { twoFactor: 'enrolled' },
  { locked: true, failedSignIns: 5 },
  { locked: false, failedSignIns: 0 },
  { failedSignIns: 0, lastSignInAt: '2026-11-22T10:00:00.000Z' },
  { flaggedFields: [], title: 'Lead' },
  { flaggedFields: [], department: 'Ops', organization: 'org-2' },
  { status: 'inactive' },
  { status: 'deleted', invitation: null },
  { roles: ['administrator'] },
  { roles: ['learner'] },
  { organization: 'org-3' },
  { title: 'Lead', timeZone: 'UTC' },
  { invitation: null },
  { status: 'profile_only', invitation: null }
);

const patchArb = fc.oneof(smallPatchArb, typicalPatchArb, fc.tuple(smallPatchArb, smallPatchArb).map(([a, b]) => ({ ...a, ...b })));

const customRoles = fc.uniqueArray(fc.constantFrom(...ALL_PERMISSIONS), { maxLength: 4 }).chain((permissions) =>
  fc.record({ administrative: fc.boolean(), scope: fc.constantFrom('all', 'managed', 'none') as fc.Arbitrary<Role['scope']> }).map(
    (r): Role => ({ id: 'custom', name: 'Custom', permissions, ...r })
  )
);

const worldArb = fc
  .record({
    directory: fc.uniqueArray(userArb(fc.integer({ min: 1, max: 40 })), { selector: (u) => u.id, minLength: 1, maxLength: 12 }),
    plan: fc.constantFrom<Plan>('standard', 'enterprise'),
    source: fc.constantFrom<Source>('admin', 'admin', 'self', 'system'),
    custom: customRoles,
    outsider: userArb(fc.constant(99)),
    pick: fc.nat(),
    actorKind: fc.constantFrom('member', 'member', 'member', 'outsider', 'none'),
    withCustom: fc.boolean(),
    actorActive: fc.nat(4).map((n) => n > 0),
    today: fc.constantFrom(undefined, '2026-11-20'),
    edits: fc.array(fc.record({ pick: fc.nat(), kind: fc.constantFrom('edit', 'edit', 'edit', 'erase', 'create'), patch: patchArb, fresh: userArb(fc.constant(0)) }), {
      minLength: 1,
      maxLength: 8
    })
  })
  .map((w) => {
    const allRoles = new Map(roles).set('custom', w.custom);
    // Acting administrators are mostly active: an inactive one is refused everything.
    const directory = w.actorActive ? w.directory.map((u, i) => (i === w.pick % w.directory.length ? { ...u, status: 'active' as const } : u)) : w.directory;
    const member = directory[w.pick % directory.length];
    const outsider = w.actorActive ? { ...w.outsider, status: 'active' as const } : w.outsider;
    let actor: User | null = w.actorKind === 'member' ? member : w.actorKind === 'outsider' ? outsider : null;
    if (actor && w.withCustom) actor = { ...actor, roles: [...actor.roles, 'custom'] };
    const seen = new Set<number>();
    const changes: Change[] = [];
    let nextId = 1000;
    for (const e of w.edits) {
      if (e.kind === 'create') {
        const id = nextId++;
        // Half as an upload row makes them (profile only, a learner, plus a field or two), half anything.
        const blank = makeUser({ id, status: 'profile_only', organization: e.fresh.organization, passwordHash: null });
        changes.push({ id, before: null, after: e.pick % 2 ? { ...blank, ...e.patch } : { ...e.fresh, id } });
        continue;
      }
      const before = directory[e.pick % directory.length];
      if (seen.has(before.id)) continue;
      seen.add(before.id);
      // The clock's own change, often: expiring an invitation, due or not.
      const patch = w.source === 'system' && e.pick % 2 ? { status: 'expired' as const } : e.patch;
      changes.push({ id: before.id, before, after: e.kind === 'erase' ? null : { ...before, ...patch } });
    }
    const ctx: PolicyContext = {
      source: w.source,
      actor,
      plan: w.plan,
      roles: allRoles,
      activeAdministrators: directory.filter(activeAdministrator).length,
      ...(w.today ? { today: w.today } : {})
    };
    return { ctx, changes, directory };
  });

/**
 * A few Administrators, changed by an Administrator who is not among them (so rank and their own
 * account never stand in the way), or by one of the users on their own account.
 */
const lastAdminWorldArb = fc
  .record({
    directory: fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 1, max: 6 }), status: fc.constantFrom('active', 'active', 'inactive'), admin: fc.boolean() }).map((r) =>
        makeUser({ id: r.id, status: r.status as User['status'], roles: r.admin ? ['administrator'] : ['learner'] })
      ),
      { selector: (u) => u.id, minLength: 1, maxLength: 4 }
    ),
    edits: fc.array(
      fc.record({
        pick: fc.nat(),
        kind: fc.constantFrom('edit', 'edit', 'erase', 'create'),
        patch: fc.constantFrom<Partial<User>>({ status: 'inactive' }, { status: 'active' }, { roles: ['learner'] }, { roles: ['administrator'] }, { title: 'x' })
      }),
      { minLength: 1, maxLength: 5 }
    ),
    plan: fc.constantFrom<Plan>('standard', 'enterprise'),
    source: fc.constantFrom<Source>('admin', 'admin', 'self')
  })
  .map((w) => {
    const seen = new Set<number>();
    const changes: Change[] = [];
    let nextId = 1000;
    for (const e of w.edits) {
      if (e.kind === 'create') {
        const id = nextId++;
        changes.push({ id, before: null, after: makeUser({ id, roles: ['administrator'] }) });
        continue;
      }
      const before = w.directory[e.pick % w.directory.length];
      if (seen.has(before.id)) continue;
      seen.add(before.id);
      changes.push({ id: before.id, before, after: e.kind === 'erase' ? null : { ...before, ...e.patch } });
    }
    const actor = w.source === 'self' ? (changes[0].before ?? changes[0].after) : makeUser({ id: 99, roles: ['administrator'] });
    const ctx: PolicyContext = { source: w.source, actor, plan: w.plan, roles, activeAdministrators: w.directory.filter(activeAdministrator).length };
    return { ctx, changes, directory: w.directory };
  });

describe('the gate agrees with a plain restatement of SPEC §2', () => {
  it('decides every change the way the oracle does', () => {
    fc.assert(
      fc.property(worldArb, ({ ctx, changes, directory }) => {
        const res = gate(ctx, changes);
        const got = new Map<number, string | null>(res.allowed.map((c) => [c.id, null]));
        for (const g of res.refused) for (const id of g.ids) got.set(id, g.reason);
        expect(got).toEqual(oracle(ctx, changes, directory));
        expect(res.allowed).toEqual(changes.filter((c) => got.get(c.id) === null));
      }),
      { numRuns: 4000 }
    );
  });

  it('decides batches around the last active Administrator the way the oracle does', () => {
    fc.assert(
      fc.property(lastAdminWorldArb, ({ ctx, changes, directory }) => {
        const res = gate(ctx, changes);
        const got = new Map<number, string | null>(res.allowed.map((c) => [c.id, null]));
        for (const g of res.refused) for (const id of g.ids) got.set(id, g.reason);
        expect(got).toEqual(oracle(ctx, changes, directory));
      }),
      { numRuns: 2000 }
    );
  });

  it('never leaves no active Administrator when there was one', () => {
    fc.assert(
      fc.property(fc.oneof(worldArb, lastAdminWorldArb), ({ ctx, changes, directory }) => {
        const world = new Map(directory.map((u) => [u.id, u as User | null]));
        for (const c of gate(ctx, changes).allowed) world.set(c.id, c.after);
        if (ctx.activeAdministrators > 0) expect([...world.values()].some(activeAdministrator)).toBe(true);
      }),
      { numRuns: 1000 }
    );
  });
});

// ── every action's effect stays within its own permission ──

const target = makeUser({ id: 1000, email: 'target@example.com' });
const ae = makeUser({ id: 1001, email: 'ae@example.com', roles: ['account_executive'] });
const day = fc.constantFrom('2026-01-01', '2027-06-30', null);
const paramsArb = actionParamsArbitrary(fc.constantFrom('2026-01-01', '2027-06-30'));

const actionUserArb = fc
  .record({
    id: fc.integer({ min: 2, max: 900 }),
    status: fc.constantFrom(...USER_STATUSES),
    userType: fc.constantFrom('regular', 'directory') as fc.Arbitrary<User['userType']>,
    twoFactor: fc.constantFrom(...TWO_FACTOR_STATES),
    locked: fc.boolean(),
    forcePasswordChange: fc.boolean(),
    roles: fc.uniqueArray(fc.constantFrom(...roleIds), { minLength: 1 }),
    flaggedFields: fc.uniqueArray(fc.constantFrom(...FLAGGABLE_FIELDS)),
    ownedContent: fc.nat(5),
    accessExpiresAt: day,
    organization: fc.option(fc.constantFrom(...orgs), { nil: null })
  })
  .map((r) => {
    const status = r.userType === 'directory' && (r.status === 'invited' || r.status === 'expired') ? 'profile_only' : r.status;
    return makeUser({ ...r, status, failedSignIns: r.locked ? 5 : 0 });
  });

describe('each action changes only fields its own permission covers', () => {
  for (const action of ACTIONS) {
    it(action.id, () => {
      // An actor whose one role grants exactly this action's permission, everywhere.
      const only: Role = { id: 'only', name: 'Only', permissions: [action.permission], administrative: true, scope: 'all' };
      const actor = makeUser({ id: 1, roles: ['only'] });
      const policy: PolicyContext = { source: 'admin', actor, plan: 'enterprise', roles: new Map(roles).set('only', only), activeAdministrators: 1 };
      fc.assert(
        fc.property(actionUserArb, paramsArb[action.id] ?? fc.constant({}), (user, raw) => {
          const ctx = makeContext([user, target, ae], { actorId: 1 });
          const params = action.params.parse(raw);
          for (const a of evaluate(action, [user.id], params, ctx, { kind: 'all' }).applies) {
            const changes: Change[] = [{ id: user.id, before: user, after: a.effect.remove ? null : applyPatch(user, a.effect.patch, ctx.now) }];
            if (a.effect.transfer) changes.push({ id: target.id, before: target, after: { ...target, ownedContent: target.ownedContent + a.effect.transfer.amount } });
            for (const c of changes) {
              const needs = requiredPermissions(c);
              for (const p of needs) expect(p).toBe(action.permission);
              // A change of no field (Reset password only sends an email) needs nothing of the gate.
              const rank = needs.length > 0 && (isAdministrator(c.before) || isAdministrator(c.after));
              expect(gate(policy, [c]).refused.map((g) => g.reason)).toEqual(rank ? [POLICY_REASONS.rank] : []);
            }
          }
        }),
        { numRuns: 100 }
      );
    });
  }

  it('field labels exist for every tracked field', () => {
    for (const f of TRACKED_FIELDS) expect(FIELD_LABELS[f as TrackedField]).toBeTruthy();
  });
});
