import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories';
import { REASONS } from './actions/reasons';
import { applyPatch } from './changes';
import { clockTick } from './clock';
import type { Plan } from './directory';
import {
  CREATION_FIELDS,
  FIELD_PERMISSION,
  NEW_USER_DEFAULTS,
  POLICY_REASONS,
  countActiveAdministrators,
  diffMask,
  fieldPermission,
  gate,
  judgeChange,
  maskFields,
  permissionReason,
  requiredPermissions,
  selfReason,
  statusPermission,
  type Change,
  type PolicyContext,
  type Source
} from './policy';
import { BUILT_IN_ROLES, rolesById } from './roles';
import { checkFieldUpdate } from './self-service';
import { signIn } from './signin';
import { TRACKED_FIELDS, userSchema, type User, type UserPatch } from './user';

const roles = rolesById(BUILT_IN_ROLES);
const admin = makeUser({ id: 1, roles: ['administrator'], organization: 'org-1', managedOrganizations: ['org-1'] });
const admin2 = makeUser({ id: 2, roles: ['administrator'], organization: 'org-1' });
const ops = makeUser({ id: 3, roles: ['operations_manager'], organization: 'org-1', managedOrganizations: ['org-1', 'org-2'] });
const accountExec = makeUser({ id: 4, roles: ['account_executive'], organization: 'org-1', managedOrganizations: ['org-1'] });
const learner = makeUser({ id: 5, roles: ['learner'], organization: 'org-1' });
const inside = makeUser({ id: 10, organization: 'org-1' });
const outside = makeUser({ id: 11, organization: 'org-3' });
const nowhere = makeUser({ id: 12, organization: null });

function ctx(actor: User | null, plan: Plan = 'enterprise', source: Source = 'admin', extra: Partial<PolicyContext> = {}): PolicyContext {
  return { source, actor, plan, roles, activeAdministrators: 2, ...extra };
}
const edit = (before: User, patch: UserPatch): Change => ({ id: before.id, before, after: applyPatch(before, patch, '2026-11-22T10:00:00.000Z') });
const created = (after: User): Change => ({ id: after.id, before: null, after });
const erased = (before: User): Change => ({ id: before.id, before, after: null });
const judge = (c: PolicyContext, change: Change) => judgeChange(c, change);

describe('the field → permission table', () => {
  it('covers every field of the user record except bookkeeping', () => {
    const bookkeeping = ['id', 'emailKey', 'createdAt', 'updatedAt', 'version'];
    const fields = Object.keys(userSchema.shape).filter((f) => !bookkeeping.includes(f));
    expect(Object.keys(FIELD_PERMISSION).sort()).toEqual([...fields].sort());
    expect([...TRACKED_FIELDS].sort()).toEqual([...fields].sort());
    expect([...CREATION_FIELDS, ...Object.keys(NEW_USER_DEFAULTS)].sort()).toEqual([...fields].sort());
  });

  it('status: deleting, inviting, otherwise activating', () => {
    expect(statusPermission('inactive', 'active')).toBe('users.status');
    expect(statusPermission('active', 'inactive')).toBe('users.status');
    expect(statusPermission('active', 'deleted')).toBe('users.delete');
    expect(statusPermission('deleted', 'inactive')).toBe('users.delete');
    expect(statusPermission('deleted', 'invited')).toBe('users.delete');
    expect(statusPermission('profile_only', 'invited')).toBe('users.invite');
    expect(statusPermission('expired', 'profile_only')).toBe('users.invite');
    expect(statusPermission('invited', 'active')).toBe('users.invite');
  });

  it('an invitation changing with the status follows the status; on its own it is inviting', () => {
    expect(fieldPermission('invitation', 'invited', 'deleted')).toBe('users.delete');
    expect(fieldPermission('invitation', 'invited', 'invited')).toBe('users.invite');
    expect(fieldPermission('roles', 'active', 'deleted')).toBe('users.roles');
  });

  it('a created user needs upload, plus what every non-default field needs', () => {
    expect(requiredPermissions(created(makeUser({ id: 50, status: 'profile_only', roles: ['learner'] })))).toEqual(['users.upload']);
    expect(
      requiredPermissions(created(makeUser({ id: 51, status: 'invited', roles: ['administrator'], accessExpiresAt: '2027-01-01' })))
    ).toEqual(['users.upload', 'users.invite', 'users.access', 'users.roles']);
    expect(requiredPermissions(erased(inside))).toEqual(['users.remove']);
    expect(requiredPermissions(edit(inside, {}))).toEqual([]);
  });
});

describe('comparing a user before and after', () => {
  const base = makeUser({ id: 70, status: 'invited', roles: ['learner', 'instructor'], flaggedFields: ['title'] });
  const other: Record<string, unknown> = {
    email: 'new@example.com',
    firstName: 'N',
    lastName: 'M',
    title: 'T',
    department: 'D',
    company: 'co-1',
    organization: 'org-2',
    accountExecutive: 9,
    timeZone: 'UTC',
    userType: 'directory',
    status: 'expired',
    invitation: { ...base.invitation!, timesSent: 2 },
    accessExpiresAt: '2027-01-01',
    locked: true,
    failedSignIns: 5,
    twoFactor: 'reset',
    forcePasswordChange: true,
    passwordHash: 'h',
    roles: ['instructor', 'learner'],
    managedOrganizations: ['org-1'],
    flaggedFields: ['title', 'company'],
    ownedContent: 2,
    lastSignInAt: '2026-11-22T10:00:00.000Z'
  };

  it('sees a change in each tracked field, and only there', () => {
    for (const f of TRACKED_FIELDS) expect(maskFields(diffMask(base, { ...base, [f]: other[f] }))).toEqual([f]);
    expect(maskFields(diffMask(base, { ...base, ...other } as User))).toEqual([...TRACKED_FIELDS]);
  });

  it('compares lists and the invitation by content, not by identity', () => {
    const copy = { ...base, roles: [...base.roles], flaggedFields: [...base.flaggedFields], invitation: { ...base.invitation! } };
    expect(diffMask(base, copy)).toBe(0);
    expect(diffMask(base, { ...base, version: 9, updatedAt: 'x' })).toBe(0);
  });
});

describe('source admin, Enterprise plan: the permission that covers each field', () => {
  const c = (actor: User) => ctx(actor, 'enterprise');

  it('an Administrator may change any field of anyone else', () => {
    for (const patch of [{ status: 'inactive' }, { roles: ['operations_manager'] }, { title: 'Boss' }, { accessExpiresAt: '2027-01-01' }] as UserPatch[])
      expect(judge(c(admin), edit(outside, patch))).toBeNull();
    expect(judge(c(admin), erased(outside))).toBeNull();
    expect(judge(c(admin), created(makeUser({ id: 60, roles: ['administrator'], organization: 'org-3' })))).toBeNull();
  });

  it('an Operations Manager may not change roles or organization management, names the field and the permission in words', () => {
    expect(judge(c(ops), edit(inside, { roles: ['instructor'] }))).toBe('None of your roles may change roles and organization management (Roles)');
    expect(judge(c(ops), edit(inside, { managedOrganizations: ['org-1'] }))).toBe(
      'None of your roles may change roles and organization management (Managed organizations)'
    );
    expect(judge(c(ops), edit(inside, { status: 'deleted' }))).toBe('None of your roles may delete and undelete users (Status)');
    expect(judge(c(ops), erased(inside))).toBe('None of your roles may remove users permanently');
    expect(judge(c(ops), edit(inside, { ownedContent: 0, title: 'x' }))).toBeNull();
    expect(judge(c(ops), edit(makeUser({ id: 13, organization: 'org-1', ownedContent: 3 }), { ownedContent: 0 }))).toBe(
      'None of your roles may transfer content ownership (Owned content)'
    );
  });

  it('an Operations Manager may activate, invite, reset and edit profiles', () => {
    const ok: UserPatch[] = [
      { status: 'inactive' },
      { twoFactor: 'reset' },
      { locked: true, failedSignIns: 5 },
      { forcePasswordChange: true },
      { title: 'Lead', department: 'Ops', timeZone: 'Asia/Tokyo' },
      { flaggedFields: ['title'] },
      { accessExpiresAt: '2027-01-01' }
    ];
    for (const patch of ok) expect(judge(c(ops), edit(inside, patch))).toBeNull();
    const profileOnly = makeUser({ id: 14, status: 'profile_only', organization: 'org-2' });
    expect(judge(c(ops), edit(profileOnly, { status: 'invited', invitation: makeUser({ status: 'invited' }).invitation }))).toBeNull();
  });

  it('an Account Executive may edit profiles and invite, nothing else', () => {
    expect(judge(c(accountExec), edit(inside, { department: 'Sales' }))).toBeNull();
    expect(judge(c(accountExec), edit(inside, { status: 'inactive' }))).toBe('None of your roles may activate and deactivate users (Status)');
    expect(judge(c(accountExec), edit(inside, { twoFactor: 'reset' }))).toBe('None of your roles may reset 2FA and unlock accounts (2FA)');
    expect(judge(c(accountExec), created(makeUser({ id: 61, organization: 'org-1' })))).toBe('None of your roles may upload users from CSV');
  });

  it('a Learner may change nothing', () => {
    expect(judge(c(learner), edit(inside, { firstName: 'Ann' }))).toBe('None of your roles may update profile fields and flag fields (First name)');
    expect(judge(c(learner), edit(inside, { accessExpiresAt: '2027-01-01' }))).toBe('None of your roles may change access expiry (Access expires)');
  });

  it('the first refused field in record order names the refusal', () => {
    expect(judge(c(accountExec), edit(inside, { roles: ['instructor'], status: 'inactive' }))).toBe(
      'None of your roles may activate and deactivate users (Status)'
    );
  });

  it('creating a user needs what each of its non-default fields needs', () => {
    expect(judge(c(ops), created(makeUser({ id: 62, organization: 'org-1', status: 'profile_only' })))).toBeNull();
    expect(judge(c(ops), created(makeUser({ id: 63, organization: 'org-1', status: 'invited' })))).toBeNull();
    expect(judge(c(ops), created(makeUser({ id: 64, organization: 'org-1', status: 'profile_only', roles: ['instructor'] })))).toBe(
      'None of your roles may change roles and organization management (Roles)'
    );
  });
});

describe('source admin, Enterprise plan: the Operations Manager’s scope', () => {
  const c = ctx(ops, 'enterprise');
  it('acts only on users of organizations they manage', () => {
    expect(judge(c, edit(inside, { status: 'inactive' }))).toBeNull();
    expect(judge(c, edit(outside, { status: 'inactive' }))).toBe(REASONS.outsideScope);
    expect(judge(c, edit(nowhere, { status: 'inactive' }))).toBe(REASONS.outsideScope);
  });

  it('may move a user between organizations they manage, never out of them, nor in from outside', () => {
    expect(judge(c, edit(inside, { organization: 'org-2' }))).toBeNull();
    expect(judge(c, edit(inside, { organization: 'org-3' }))).toBe(POLICY_REASONS.movesOutOfScope);
    expect(judge(c, edit(inside, { organization: null }))).toBe(POLICY_REASONS.movesOutOfScope);
    expect(judge(c, edit(outside, { organization: 'org-1' }))).toBe(REASONS.outsideScope);
  });

  it('creates users only in organizations they manage', () => {
    expect(judge(c, created(makeUser({ id: 65, status: 'profile_only', organization: 'org-2' })))).toBeNull();
    expect(judge(c, created(makeUser({ id: 66, status: 'profile_only', organization: 'org-3' })))).toBe(REASONS.outsideScope);
    expect(judge(c, created(makeUser({ id: 67, status: 'profile_only', organization: null })))).toBe(REASONS.outsideScope);
  });

  it('an Administrator’s reach is every user', () => {
    expect(judge(ctx(admin), edit(nowhere, { organization: 'org-3' }))).toBeNull();
  });
});

describe('source admin, Standard plan', () => {
  it('any administrator may change any field of any non-Administrator, in any organization', () => {
    const c = ctx(ops, 'standard');
    expect(judge(c, edit(outside, { roles: ['instructor'], managedOrganizations: ['org-3'] }))).toBeNull();
    expect(judge(c, erased(outside))).toBeNull();
    expect(judge(c, edit(nowhere, { status: 'deleted' }))).toBeNull();
  });

  it('a non-administrative actor may change nothing', () => {
    expect(judge(ctx(learner, 'standard'), edit(inside, { title: 'x' }))).toBe(POLICY_REASONS.notAdministrator);
    expect(judge(ctx(accountExec, 'standard'), edit(inside, { title: 'x' }))).toBe(POLICY_REASONS.notAdministrator);
  });
});

describe('source admin: the acting administrator', () => {
  it('must be in the directory and active', () => {
    expect(judge(ctx(null), edit(inside, { title: 'x' }))).toBe(POLICY_REASONS.noActor);
    expect(judge(ctx({ ...admin, status: 'inactive' }), edit(inside, { title: 'x' }))).toBe(POLICY_REASONS.actorInactive);
  });

  for (const plan of ['standard', 'enterprise'] as const)
    it(`${plan}: never changes their own status, roles, organization management or access expiry, nor erases themselves`, () => {
      const c = ctx(admin, plan);
      for (const patch of [{ status: 'inactive' }, { roles: ['learner'] }, { managedOrganizations: [] }, { accessExpiresAt: '2026-11-22' }] as UserPatch[])
        expect(judge(c, edit(admin, patch))).toBe(REASONS.yourself);
      expect(judge(c, erased(admin))).toBe(REASONS.yourself);
      expect(judge(c, edit(admin, { firstName: 'Me', timeZone: 'UTC', twoFactor: 'reset' }))).toBeNull();
      expect(judge(ctx(ops, plan), edit(ops, { roles: ['administrator'] }))).not.toBeNull();
    });
});

describe('source admin: rank', () => {
  for (const plan of ['standard', 'enterprise'] as const)
    it(`${plan}: only an Administrator changes an Administrator, or makes one`, () => {
      expect(judge(ctx(ops, plan), edit(admin2, { title: 'x' }))).toBe(POLICY_REASONS.rank);
      expect(judge(ctx(ops, plan), edit(admin2, { status: 'inactive' }))).toBe(POLICY_REASONS.rank);
      expect(judge(ctx(admin, plan), edit(admin2, { status: 'inactive' }))).toBeNull();
      expect(judge(ctx(admin, plan), edit(inside, { roles: ['administrator'] }))).toBeNull();
      if (plan === 'standard') {
        expect(judge(ctx(ops, plan), edit(inside, { roles: ['administrator'] }))).toBe(POLICY_REASONS.rank);
        expect(judge(ctx(ops, plan), erased(admin2))).toBe(POLICY_REASONS.rank);
        expect(judge(ctx(ops, plan), created(makeUser({ id: 68, roles: ['administrator'] })))).toBe(POLICY_REASONS.rank);
      }
    });

  it('a change that changes nothing needs nothing', () => {
    expect(judge(ctx(ops, 'standard'), edit(admin2, {}))).toBeNull();
  });
});

describe('the last active Administrator', () => {
  it('counts active users holding the Administrator role', () => {
    expect(countActiveAdministrators([admin, admin2, { ...admin2, status: 'inactive' }, ops])).toBe(2);
  });

  it('a batch may not leave none: the last changes removing one are refused', () => {
    const a3 = makeUser({ id: 20, roles: ['administrator'] });
    const batch = [edit(admin2, { status: 'inactive' }), edit(inside, { title: 'x' }), edit(a3, { roles: ['learner'] })];
    const res = gate(ctx(admin, 'standard', 'admin', { activeAdministrators: 2 }), batch);
    expect(res.allowed.map((c) => c.id)).toEqual([2, 10]);
    expect(res.refused).toEqual([{ reason: POLICY_REASONS.lastAdministrator, ids: [20] }]);
  });

  it('counts the Administrators the same batch makes', () => {
    const a3 = makeUser({ id: 20, roles: ['administrator'] });
    const batch = [edit(admin2, { status: 'inactive' }), edit(a3, { roles: ['learner'] }), edit(inside, { roles: ['administrator'] })];
    expect(gate(ctx(admin, 'standard', 'admin', { activeAdministrators: 2 }), batch).refused).toEqual([]);
  });

  it('applies to every source: accepting an invitation adds one, the clock removes none', () => {
    const invited = makeUser({ id: 21, status: 'invited', roles: ['administrator'], passwordHash: null });
    const accept = edit(invited, { status: 'active', invitation: null, passwordHash: 'new' });
    expect(gate(ctx(invited, 'enterprise', 'self', { activeAdministrators: 0 }), [accept]).allowed).toHaveLength(1);
  });

  it('a refused removal is not counted as a removal', () => {
    const res = gate(ctx(ops, 'standard', 'admin', { activeAdministrators: 1 }), [edit(admin2, { status: 'inactive' })]);
    expect(res.refused).toEqual([{ reason: POLICY_REASONS.rank, ids: [2] }]);
  });
});

describe('source self: the user’s own sign-in steps and links', () => {
  const flagged = makeUser({ id: 30, flaggedFields: ['title', 'organization'], forcePasswordChange: true, twoFactor: 'reset', failedSignIns: 2 });
  const c = (u: User) => ctx(u, 'enterprise', 'self');
  const today = '2026-11-22';
  const now = '2026-11-22T10:00:00.000Z';

  it('lets the real sign-in outcomes through', () => {
    const ok = signIn(flagged, true, today, now);
    expect(ok.ok && judge(c(flagged), edit(flagged, ok.patch))).toBeNull();
    const wrong = signIn(flagged, false, today, now);
    expect(!wrong.ok && judge(c(flagged), edit(flagged, wrong.patch!))).toBeNull();
    const fifth = signIn({ ...flagged, failedSignIns: 4 }, false, today, now);
    expect(!fifth.ok && fifth.patch?.locked && judge(c(flagged), edit(flagged, fifth.patch))).toBeNull();
  });

  it('lets the steps through: new password, 2FA enrolment, flagged fields', () => {
    expect(judge(c(flagged), edit(flagged, { passwordHash: 'new', forcePasswordChange: false }))).toBeNull();
    expect(judge(c(flagged), edit(flagged, { twoFactor: 'enrolled' }))).toBeNull();
    const orgs = new Map([['org-2', { id: 'org-2', name: 'Two' }]]);
    const res = checkFieldUpdate(flagged, { title: 'Chief', organization: 'org-2' }, { organizations: orgs, companies: new Map(), userById: () => undefined });
    expect(res.ok && judge(c(flagged), edit(flagged, res.patch))).toBeNull();
  });

  it('accepting an invitation activates the account and consumes the invitation', () => {
    const invited = makeUser({ id: 31, status: 'invited' });
    expect(judge(c(invited), edit(invited, { status: 'active', invitation: null, passwordHash: 'new' }))).toBeNull();
    const profileOnly = makeUser({ id: 32, status: 'profile_only' });
    expect(judge(c(profileOnly), edit(profileOnly, { status: 'active' }))).toBe(selfReason('status'));
  });

  it('refuses anything else, naming the field', () => {
    expect(judge(c(flagged), edit(flagged, { department: 'Ops' }))).toBe('Only an administrator can change this (Department)');
    expect(judge(c(flagged), edit(flagged, { roles: ['administrator'] }))).toBe(selfReason('roles'));
    expect(judge(c(flagged), edit(flagged, { forcePasswordChange: false }))).toBe(selfReason('forcePasswordChange'));
    expect(judge(c(flagged), edit(flagged, { twoFactor: 'none' }))).toBe(selfReason('twoFactor'));
    expect(judge(c(flagged), edit(flagged, { flaggedFields: ['title', 'organization', 'company'] }))).toBe(selfReason('flaggedFields'));
    expect(judge(c(flagged), edit(flagged, { accessExpiresAt: null, ownedContent: 3 }))).toBe(selfReason('ownedContent'));
    const locked = makeUser({ id: 33, locked: true, failedSignIns: 5 });
    expect(judge(c(locked), edit(locked, { locked: false }))).toBe(selfReason('locked'));
    const active = makeUser({ id: 34 });
    expect(judge(c(active), edit(active, { status: 'inactive' }))).toBe(selfReason('status'));
  });

  it('only on their own account, never adding or removing anyone', () => {
    expect(judge(c(flagged), edit(inside, { passwordHash: 'x' }))).toBe(POLICY_REASONS.notOwnAccount);
    expect(judge(ctx(null, 'standard', 'self'), edit(inside, { passwordHash: 'x' }))).toBe(POLICY_REASONS.notOwnAccount);
    expect(judge(c(flagged), erased(flagged))).toBe(POLICY_REASONS.selfAddRemove);
  });

  it('is the same on both plans: roles do not matter for one’s own steps', () => {
    expect(judge(ctx(flagged, 'standard', 'self'), edit(flagged, { twoFactor: 'enrolled' }))).toBeNull();
  });
});

describe('source system: the clock', () => {
  const invited = makeUser({ id: 40, status: 'invited', invitation: { sentAt: '2026-11-01T10:00:00.000Z', expiresAt: '2026-11-15', welcomeMessage: '', timesSent: 1 } });
  const c = ctx(null, 'enterprise', 'system', { today: '2026-11-20' });

  it('expires invitations whose day has passed, as the clock plans it', () => {
    const tick = clockTick([invited, inside], '2026-11-10', '2026-11-20');
    const changes = tick.expired.map(({ user }) => edit(user, { status: 'expired' }));
    expect(gate(c, changes)).toEqual({ allowed: changes, refused: [] });
  });

  it('refuses an invitation still valid, and anything else', () => {
    expect(judge({ ...c, today: '2026-11-15' }, edit(invited, { status: 'expired' }))).toBe(POLICY_REASONS.invitationStillValid);
    expect(judge(c, edit(inside, { status: 'inactive' }))).toBe(POLICY_REASONS.clockOnly);
    expect(judge(c, edit(invited, { status: 'expired', invitation: null }))).toBe(POLICY_REASONS.clockOnly);
    expect(judge(c, erased(inside))).toBe(POLICY_REASONS.clockOnly);
  });
});

describe('gate', () => {
  it('keeps allowed changes in order and groups refusals by reason', () => {
    const batch = [edit(inside, { status: 'inactive' }), edit(outside, { status: 'inactive' }), edit(nowhere, { status: 'inactive' }), edit(inside, { roles: ['x'] })];
    const res = gate(ctx(ops), batch);
    expect(res.allowed).toEqual([batch[0]]);
    expect(res.refused).toEqual([
      { reason: REASONS.outsideScope, ids: [11, 12] },
      { reason: permissionReason('users.roles', 'Roles'), ids: [10] }
    ]);
  });

  it('judges 100,000 changes in one pass', () => {
    // Deactivate everyone; every third also loses roles. Half the users are outside the organizations.
    const changes: Change[] = [];
    for (let i = 0; i < 100_000; i++) {
      const u = makeUser({ id: 1000 + i, organization: i % 2 ? 'org-1' : 'org-3', roles: i % 1000 === 0 ? ['administrator'] : ['learner'] });
      changes.push(edit(u, i % 3 ? { status: 'inactive' } : { status: 'inactive', roles: ['instructor', 'learner'] }));
    }
    const started = performance.now();
    const res = gate(ctx(ops, 'enterprise', 'admin', { activeAdministrators: 100 }), changes);
    const ms = performance.now() - started;
    const allowed = changes.filter((c) => c.after!.organization === 'org-1' && (c.id - 1000) % 3 !== 0);
    expect(res.allowed).toEqual(allowed);
    expect(res.refused.map((g) => [g.reason, g.ids.length])).toEqual([
      [REASONS.outsideScope, 50_000],
      [permissionReason('users.roles', 'Roles'), 100_000 / 2 - allowed.length]
    ]);
    expect(ms).toBeLessThan(1000); // about 20 ms on the machine this was written on
  });
});
