import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeUser } from '../../../tests/factories';
import { setup } from '../../../tests/engine';
import { activeAdministrator, oracleAdmin } from '../../../tests/policy-oracle';
import { ACTIONS } from '../domain/actions';
import { BUILT_IN_ROLES, rolesById, type Role } from '../domain/roles';
import type { Plan } from '../domain/directory';
import type { User } from '../domain/user';

// Whatever the acting administrator does — any action, an upload of any rows and options, a revert
// of any earlier report — nothing the engine commits breaks the policy, as an oracle written apart
// from the gate judges it from the directory before and after each write.

const UPLOADER: Role = { id: 'uploader', name: 'Uploader', permissions: ['users.upload'], administrative: true, scope: 'all' };
const AUDITOR: Role = { id: 'auditor', name: 'Auditor', permissions: ['reports.revert'], administrative: true, scope: 'all' };
const roles = rolesById([...BUILT_IN_ROLES, UPLOADER, AUDITOR]);

function people(): User[] {
  const org = (i: number) => (i % 3 === 0 ? 'org-2' : 'org-1');
  return [
    makeUser({ id: 1, email: 'admin@example.com', roles: ['administrator'], organization: 'org-1', managedOrganizations: ['org-1'] }),
    makeUser({ id: 2, email: 'ops@example.com', roles: ['operations_manager'], organization: 'org-1', managedOrganizations: ['org-1'] }),
    makeUser({ id: 3, email: 'ae@example.com', roles: ['account_executive'], organization: 'org-1', managedOrganizations: ['org-1'] }),
    makeUser({ id: 4, email: 'uploader@example.com', roles: ['uploader'], organization: 'org-2' }),
    makeUser({ id: 5, email: 'auditor@example.com', roles: ['auditor'], organization: 'org-2' }),
    makeUser({ id: 6, email: 'admin2@example.com', roles: ['administrator'], organization: 'org-2' }),
    ...Array.from({ length: 8 }, (_, k) =>
      makeUser({
        id: 7 + k,
        email: `p${k}@example.com`,
        organization: org(k),
        status: (['active', 'inactive', 'invited', 'deleted', 'profile_only', 'expired', 'active', 'active'] as const)[k],
        ownedContent: k % 4 === 0 ? 2 : 0,
        roles: k === 7 ? ['instructor', 'administrator'] : ['learner'],
        invitation: k === 2 || k === 5 ? { sentAt: '2026-11-01T09:00:00.000Z', expiresAt: '2026-11-15', welcomeMessage: '', timesSent: 1 } : null
      })
    )
  ];
}

const ids = Array.from({ length: 14 }, (_, i) => i + 1);
const roleIds = [...roles.keys()];
const PARAMS: Record<string, fc.Arbitrary<unknown>> = {
  transfer: fc.constantFrom({ targetId: 1 }, { targetId: 8 }, { targetId: 6 }),
  set_role: fc.record({ roleId: fc.constantFrom(...roleIds) }),
  add_roles: fc.record({ roleIds: fc.uniqueArray(fc.constantFrom(...roleIds), { minLength: 1, maxLength: 2 }) }),
  remove_roles: fc.record({ roleIds: fc.uniqueArray(fc.constantFrom(...roleIds), { minLength: 1, maxLength: 2 }) }),
  set_org_management: fc.record({ organizationIds: fc.constantFrom(['org-1'], ['org-2']), mode: fc.constantFrom('add', 'replace') }),
  update_profile: fc.record({ organization: fc.constantFrom('org-1', 'org-2', null) }),
  set_access_expiry: fc.record({ date: fc.constantFrom('2027-01-01', null) }),
  flag_fields: fc.record({ fields: fc.constant(['title']) })
};

const actionStep = fc
  .record({ action: fc.constantFrom(...ACTIONS.map((a) => a.id)), users: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 6 }) })
  .chain((s) => (PARAMS[s.action] ?? fc.constant({})).map((params) => ({ kind: 'action' as const, ...s, params })));
const uploadStep = fc.record({
  kind: fc.constant('upload' as const),
  rows: fc.uniqueArray(
    fc.record({ who: fc.constantFrom(...ids, 90, 91), roles: fc.constantFrom('', 'Learner', 'Administrator', 'Operations Manager'), org: fc.constantFrom('', 'North', 'South') }),
    { selector: (r) => r.who, minLength: 1, maxLength: 5 }
  ),
  options: fc.record({ inviteNew: fc.boolean(), reinvite: fc.boolean(), undelete: fc.boolean() })
});
const revertStep = fc.record({ kind: fc.constant('revert' as const), which: fc.nat(5) });
const scenario = fc.record({
  plan: fc.constantFrom<Plan>('standard', 'enterprise'),
  // Each step is taken by one of the administrators (of any role) after the first.
  steps: fc.array(fc.tuple(fc.constantFrom(1, 2, 3, 4, 5, 6), fc.oneof(actionStep, uploadStep, revertStep)), { minLength: 1, maxLength: 4 })
});

const csvOf = (rows: { who: number; roles: string; org: string }[], byId: Map<number, User>) =>
  ['email,first name,last name,roles,organization', ...rows.map((r) => `${byId.get(r.who)?.email ?? `new${r.who}@example.com`},New,Person ${r.who},${r.roles},${r.org}`)].join('\n');

describe('the engine commits nothing the policy forbids, whatever the path', () => {
  it('any actor, plan and sequence of actions, uploads and reverts', async () => {
    let committed = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ plan, steps }) => {
        const { engine } = await setup(undefined, people(), { nextUserId: 100, roles: [UPLOADER, AUDITOR] });
        await engine.setPlan(plan);
        const reports: number[] = [];
        const directory = async () => {
          const all = new Map<number, User>();
          for (let id = 1; id < 110; id++) {
            const u = await engine.user(id);
            if (u) all.set(id, u);
          }
          return all;
        };
        for (const [actorId, step] of steps) {
          if (!(await engine.setActor(actorId)).ok) continue; // deactivated or demoted meanwhile
          const before = await directory();
          const actor = before.get(actorId)!;
          let res;
          if (step.kind === 'action') res = await engine.apply(step.action, { ids: step.users }, step.params);
          else if (step.kind === 'upload') {
            const p = await engine.uploadPreview(new TextEncoder().encode(csvOf(step.rows, before)), 'rows.csv');
            if (!p.ok) continue;
            res = await engine.uploadApply(p.sessionId, { welcomeMessage: '', ...step.options });
          } else {
            if (reports.length === 0) continue;
            res = await engine.revert(reports[step.which % reports.length]);
          }
          if (!res.ok) continue;
          committed++;
          reports.push(res.reportId);
          const after = await directory();
          const policy = { source: 'admin' as const, actor, plan, roles, activeAdministrators: 0 };
          for (const id of new Set([...before.keys(), ...after.keys()])) {
            const b = before.get(id) ?? null;
            const a = after.get(id) ?? null;
            if (JSON.stringify(b) === JSON.stringify(a)) continue;
            expect(oracleAdmin(policy, { id, before: b, after: a }), `${step.kind} by user ${actorId} on user ${id}`).toBeNull();
          }
          // Emails are acting on their recipients: the same rank and scope apply.
          const sent = (await engine.outbox()).rows.filter((m) => m.opId === res.reportId);
          const held = actor.roles.map((r) => roles.get(r)!).filter(Boolean);
          for (const m of sent) {
            const u = after.get(m.userId)!;
            const permission = m.kind === 'invitation' ? 'users.invite' : 'users.password';
            const granting = held.filter((r) => r.permissions.includes(permission));
            if (plan === 'enterprise') expect(granting.length, `email to user ${u.id}`).toBeGreaterThan(0);
            if (plan === 'enterprise' && !granting.some((r) => r.scope === 'all')) expect(actor.managedOrganizations).toContain(u.organization);
            if (!actor.roles.includes('administrator')) expect(before.get(u.id)?.roles ?? [], `email to user ${u.id}`).not.toContain('administrator');
          }
          expect([...after.values()].some(activeAdministrator)).toBe(true);
        }
      }),
      { numRuns: 40 }
    );
    // The scenarios write, not just get refused: the check above saw real commits.
    expect(committed).toBeGreaterThan(20);
  }, 120_000);
});
