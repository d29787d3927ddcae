import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories';
import { dump, setup } from '../../../tests/engine';
import type { Role } from '../domain/roles';
import type { User } from '../domain/user';

// Each finding of issue 14, reproduced through the engine's public API: every write path now
// passes the one write gate, so none of them gets through any more.

const file = (csv: string) => new TextEncoder().encode(csv);

/** Roles a workspace may define: one that may only upload, one that may only revert reports. */
const UPLOADER: Role = { id: 'uploader', name: 'Uploader', permissions: ['users.upload'], administrative: true, scope: 'all' };
const AUDITOR: Role = { id: 'auditor', name: 'Auditor', permissions: ['reports.revert'], administrative: true, scope: 'all' };

/** Admin 1 and 9 (Administrators of North), Ops 2 managing North, people in North and South. */
function people(): User[] {
  return [
    makeUser({ id: 1, email: 'admin@example.com', roles: ['administrator'], organization: 'org-1', managedOrganizations: ['org-1'] }),
    makeUser({ id: 2, email: 'ops@example.com', roles: ['operations_manager'], organization: 'org-1', managedOrganizations: ['org-1'] }),
    makeUser({ id: 3, email: 'learner@example.com', roles: ['learner'], organization: 'org-1' }),
    makeUser({ id: 4, email: 'gone@example.com', status: 'deleted', organization: 'org-1' }),
    makeUser({ id: 5, email: 'inv@example.com', status: 'invited', organization: 'org-1', invitation: { sentAt: '2026-11-20T09:00:00.000Z', expiresAt: '2026-12-04', welcomeMessage: '', timesSent: 1 } }),
    makeUser({ id: 6, email: 'north@example.com', organization: 'org-1' }),
    makeUser({ id: 7, email: 'south@example.com', organization: 'org-2' }),
    makeUser({ id: 9, email: 'admin2@example.com', roles: ['administrator'], organization: 'org-1', managedOrganizations: ['org-1'] }),
    makeUser({ id: 10, email: 'uploader@example.com', roles: ['uploader'], organization: 'org-1' }),
    makeUser({ id: 11, email: 'auditor@example.com', roles: ['auditor'], organization: 'org-1' })
  ];
}

async function asRole(actorId: number) {
  const env = await setup(undefined, people(), { nextUserId: 100, roles: [UPLOADER, AUDITOR] });
  await env.engine.setPlan('enterprise');
  expect(await env.engine.setActor(actorId)).toEqual({ ok: true });
  return env;
}

async function opsEngine(plan: 'standard' | 'enterprise' = 'enterprise') {
  const env = await setup(undefined, people(), { nextUserId: 100 });
  await env.engine.setPlan(plan);
  expect(await env.engine.setActor(2)).toEqual({ ok: true });
  return env;
}

type Engine = Awaited<ReturnType<typeof setup>>['engine'];

async function upload(engine: Engine, csv: string, options = {}) {
  const p = await engine.uploadPreview(file(csv), 'rows.csv');
  if (!p.ok) throw new Error(p.message);
  const res = await engine.uploadApply(p.sessionId, { welcomeMessage: '', inviteNew: false, reinvite: false, undelete: false, ...options });
  return Object.assign(res, { results: () => engine.uploadResultsCsv(p.sessionId) });
}

describe('the write gate: every path, one policy', () => {
  it('an upload cannot give the acting Operations Manager the Administrator role (and then Remove is still refused)', async () => {
    const { engine } = await opsEngine();
    const res = await upload(engine, 'email,roles\nops@example.com,Administrator\nnorth@example.com,Administrator');
    expect(res).toMatchObject({ ok: false, kind: 'denied' });
    expect((await engine.user(2))!.roles).toEqual(['operations_manager']);
    expect((await engine.user(6))!.roles).toEqual(['learner']);
    expect(await engine.apply('remove', { ids: [6] }, {})).toMatchObject({ ok: false, kind: 'denied' });
  });

  it('upload options need the permissions of the actions they stand for: undelete, invitations', async () => {
    const { engine } = await asRole(10); // may upload users, nothing else
    const res = await upload(engine, 'email,first name,last name\ngone@example.com,,\ninv@example.com,,\nnew@example.com,New,Person', { undelete: true, reinvite: true });
    if (!res.ok) throw new Error(res.message);
    expect(res).toMatchObject({ applied: 1, skipped: 2, emailsSent: 0 });
    expect((await engine.user(100))!.status).toBe('profile_only');
    expect((await engine.user(4))!.status).toBe('deleted');
    expect((await engine.user(5))!.invitation!.timesSent).toBe(1);
    expect((await engine.outbox()).total).toBe(0);
    const groups = (await engine.report(res.reportId))!.skipGroups;
    expect(groups).toEqual(
      expect.arrayContaining([
        { reason: 'None of your roles may delete and undelete users (Status)', ids: [4] },
        { reason: 'None of your roles may send and cancel invitations (Invitation)', ids: [5] }
      ])
    );
    expect(groups).toHaveLength(2);
    // Inviting the new rows too: creating an invited user needs the invitation permission.
    const invite = await upload(engine, 'email,first name,last name\nnext@example.com,Next,Person', { inviteNew: true });
    expect(invite).toMatchObject({ ok: false, kind: 'denied', message: expect.stringContaining('None of your roles may send and cancel invitations') });
    expect(await res.results()).toMatch(/2,gone@example\.com,skipped,None of your roles may delete and undelete users \(Status\)/);
  });

  it('reverting restores only what the reverting administrator may change: roles, deletions and removals need their own permissions', async () => {
    const { engine } = await asRole(1);
    const roles = await engine.apply('add_roles', { ids: [6] }, { roleIds: ['instructor'] });
    const deleted = await engine.apply('delete', { ids: [3] }, {});
    const removed = await engine.apply('remove', { ids: [5] }, {});
    if (!roles.ok || !deleted.ok || !removed.ok) throw new Error('setup failed');
    await engine.setActor(11); // may revert reports, holds none of roles, delete, remove
    for (const [op, reason] of [
      [roles.reportId, 'None of your roles may change roles and organization management (Roles)'],
      [deleted.reportId, 'None of your roles may delete and undelete users (Status)'],
      [removed.reportId, 'None of your roles may upload users from CSV']
    ] as const) {
      const preview = await engine.revertPreview(op);
      expect(preview).toMatchObject({ ok: true, reverted: 0, restored: 0, conflicts: [{ reason, count: 1 }] });
      expect(await engine.revert(op)).toMatchObject({ ok: false, kind: 'denied', message: expect.stringContaining(reason) });
    }
    expect((await engine.user(6))!.roles).toContain('instructor');
    expect((await engine.user(3))!.status).toBe('deleted');
    expect(await engine.user(5)).toBeNull();
  });

  it('the last Administrator cannot demote themself through an upload row, and no revert leaves the workspace without one', async () => {
    const { engine } = await setup(undefined, people().filter((u) => u.id !== 9), { nextUserId: 100 });
    const res = await upload(engine, 'email,roles\nadmin@example.com,Learner\nnorth@example.com,Instructor');
    if (!res.ok) throw new Error(res.message);
    expect(res).toMatchObject({ applied: 1, skipped: 1 });
    expect((await engine.user(1))!.roles).toEqual(['administrator']);
    // Admin 1 makes 6 an Administrator; 6 takes over and takes 1's role away; 6 then reverts their own promotion.
    const promote = await engine.apply('add_roles', { ids: [6] }, { roleIds: ['administrator'] });
    if (!promote.ok) throw new Error(promote.message);
    await engine.apply('activate', { ids: [6] }, {});
    expect(await engine.setActor(6)).toEqual({ ok: true });
    expect(await engine.apply('set_role', { ids: [1] }, { roleId: 'learner' })).toMatchObject({ ok: true, applied: 1 });
    const back = await engine.revert(promote.reportId);
    expect(back).toMatchObject({ ok: false, kind: 'denied' });
    expect((await engine.user(6))!.roles).toContain('administrator');
    expect((await engine.meta()).administrators.some((a) => a.roles.includes('administrator'))).toBe(true);
  });

  it('a lower administrator never acts on an Administrator: not by deactivating, not by a password reset', async () => {
    const { engine, dbName } = await opsEngine('standard');
    const before = await dump(dbName);
    const deactivate = await engine.apply('deactivate', { ids: [1, 9, 6] }, {});
    if (!deactivate.ok) throw new Error(deactivate.message);
    expect(deactivate).toMatchObject({ applied: 1, skipped: 2 });
    expect((await engine.report(deactivate.reportId))!.skipGroups).toEqual([{ reason: 'Only an Administrator can change an Administrator', ids: [1, 9] }]);
    expect((await engine.user(1))!.status).toBe('active');
    const preview = await engine.preview('reset_password', { ids: [1] }, {});
    expect(preview).toMatchObject({ ok: true, applies: 0, emails: 0, skipped: [{ reason: 'Only an Administrator can change an Administrator', count: 1 }] });
    expect(await engine.apply('reset_password', { ids: [1] }, {})).toMatchObject({ ok: false, kind: 'denied' });
    expect((await engine.outbox()).total).toBe(0);
    expect((await dump(dbName)).outbox).toEqual(before.outbox);
  });

  it('the acting administrator is the engine’s session state: set only by setActor, refused to a non-administrator, and each switch is in the audit log', async () => {
    const { engine } = await setup(undefined, people(), { nextUserId: 100 });
    // No method takes an actor: extra arguments are ignored, the session's actor acts.
    const apply = engine.apply as unknown as (...a: unknown[]) => ReturnType<typeof engine.apply>;
    await engine.setActor(2);
    await engine.setPlan('enterprise');
    expect(await apply('remove', { ids: [6] }, {}, { actorId: 1 })).toMatchObject({ ok: false, kind: 'denied' });
    expect(await engine.setActor(3)).toEqual({ ok: false, kind: 'denied', message: expect.stringMatching(/administrative role/) });
    expect(await engine.setActor(4)).toMatchObject({ ok: false, kind: 'denied' });
    const log = await engine.operations({ kind: 'session' });
    expect(log.rows.map((r) => r.label)).toEqual(['Plan: Standard → Enterprise', expect.stringMatching(/^Acting administrator: .+ → .+/)]);
    expect(log.rows[1]).toMatchObject({ actorId: 1, params: { previous: expect.any(String), next: expect.any(String) } });
  });

  it('two engines in one process share nothing: each answers with its own users and previews', async () => {
    const a = await setup(undefined, people(), { nextUserId: 100 });
    const b = await setup(undefined, [makeUser({ id: 1, email: 'solo@example.com', roles: ['administrator'] })], { nextUserId: 100 });
    // The same query at the same store version: the second engine must not answer from the first's cache.
    expect((await a.engine.query({})).total).toBe(10);
    expect((await b.engine.query({})).rows.map((r) => r.email)).toEqual(['solo@example.com']);
    const pa = await a.engine.uploadPreview(file('email,first name,last name\nx@example.com,X,A'), 'a.csv');
    const pb = await b.engine.uploadPreview(file('email,first name,last name\ny@example.com,Y,B'), 'b.csv');
    if (!pa.ok || !pb.ok) throw new Error('preview failed');
    // Same session id in both engines, each its own preview.
    expect(pa.sessionId).toBe(pb.sessionId);
    expect((await b.engine.uploadGroup(pb.sessionId, 'created')).rows[0].email).toBe('y@example.com');
  });
});
