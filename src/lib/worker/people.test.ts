import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories';
import { setup } from '../../../tests/engine';
import type { User } from '../domain/user';

function people(): User[] {
  return [
    makeUser({ id: 1, email: 'admin@example.com', firstName: 'Ada', lastName: 'Admin', roles: ['administrator'], organization: 'org-1', managedOrganizations: ['org-1'] }),
    makeUser({ id: 2, email: 'ops@example.com', roles: ['operations_manager'], organization: 'org-1', managedOrganizations: ['org-1'] }),
    makeUser({ id: 3, email: 'ae@example.com', firstName: 'Erin', lastName: 'Exec', roles: ['account_executive'], organization: 'org-1' }),
    makeUser({ id: 4, email: 'north@example.com', firstName: 'Nora', lastName: 'North', organization: 'org-1', title: 'Analyst' }),
    makeUser({ id: 5, email: 'south@example.com', firstName: 'Sam', lastName: 'South', organization: 'org-2' })
  ];
}

const env = () => setup(undefined, people(), { nextUserId: 100 });

describe('one user: page, edit, add, history', () => {
  it('shows the user with names, and the actions that apply first, the others with their reason', async () => {
    const { engine } = await env();
    const page = await engine.userPage(4);
    expect(page?.user).toMatchObject({ id: 4, email: 'north@example.com', hasPassword: expect.any(Boolean) });
    expect(page!.user).not.toHaveProperty('passwordHash');
    const reasons = new Map(page!.actions.map((a) => [a.item.id, a.reason]));
    expect(reasons.get('deactivate')).toBeNull();
    expect(reasons.get('activate')).toMatch(/active/i);
    const firstRefused = page!.actions.findIndex((a) => a.reason !== null);
    expect(page!.actions.slice(firstRefused).every((a) => a.reason !== null)).toBe(true);
    expect(await engine.userPage(999)).toBeNull();
  });

  it('edits one user through the write gate: a message per wrong field, a unique email, a revertable report', async () => {
    const { engine } = await env();
    expect(await engine.editUser(4, { firstName: ' ', email: 'SOUTH@example.com', organization: 'nowhere', accountExecutive: 5 })).toMatchObject({
      ok: false,
      kind: 'invalid',
      errors: {
        firstName: 'Fill this in.',
        email: 'Sam South already has this email.',
        organization: 'Choose an organization from the list.',
        accountExecutive: 'Sam South does not hold the Account Executive role.'
      }
    });
    expect(await engine.editUser(4, { title: 'Analyst' })).toMatchObject({ ok: false, kind: 'invalid', message: /Nothing changed/ });
    const res = await engine.editUser(4, { title: 'Lead', organization: 'org-2', accountExecutive: 3, email: 'Nora@Example.com' });
    if (!res.ok) throw new Error(res.message);
    expect(await engine.user(4)).toMatchObject({ title: 'Lead', organization: 'org-2', accountExecutive: 3, email: 'Nora@Example.com', emailKey: 'nora@example.com' });
    expect(await engine.report(res.reportId)).toMatchObject({ kind: 'edit', label: 'Edit Nora North', applied: 1 });
    const back = await engine.revert(res.reportId);
    if (!back.ok) throw new Error(back.message);
    expect(await engine.user(4)).toMatchObject({ title: 'Analyst', organization: 'org-1', accountExecutive: null, email: 'north@example.com' });
  });

  it('an edit is judged like every write: scope, rank, and the Operations Manager’s organizations', async () => {
    const { engine } = await env();
    await engine.setPlan('enterprise');
    await engine.setActor(2);
    expect(await engine.editUser(5, { title: 'X' })).toMatchObject({ ok: false, kind: 'denied', message: /Outside your organizations/ });
    expect(await engine.editUser(4, { organization: 'org-2' })).toMatchObject({ ok: false, kind: 'denied', message: /Would move them outside your organizations/ });
    expect(await engine.editUser(1, { title: 'Boss' })).toMatchObject({ ok: false, kind: 'denied', message: /Only an Administrator can change an Administrator/ });
    expect(await engine.editUser(4, { title: 'Lead' })).toMatchObject({ ok: true });
    // Their own profile is theirs to edit.
    expect(await engine.editUser(2, { title: 'Ops lead' })).toMatchObject({ ok: true });
  });

  it('adds a user, as profile only or invited with a welcome message; validated like an upload row', async () => {
    const { engine } = await env();
    expect(await engine.addUser({ firstName: 'New', email: 'north@example.com' }, { invite: false, welcomeMessage: '' })).toMatchObject({
      ok: false,
      errors: { lastName: 'Fill this in.', email: 'Nora North already has this email.' }
    });
    const plain = await engine.addUser({ firstName: 'Pia', lastName: 'Plain', email: 'pia@example.com', organization: 'org-1' }, { invite: false, welcomeMessage: '' });
    expect(plain).toMatchObject({ ok: true, userId: 100 });
    expect(await engine.user(100)).toMatchObject({ status: 'profile_only', roles: ['learner'], organization: 'org-1' });
    const invited = await engine.addUser({ firstName: 'Ivo', lastName: 'Invited', email: 'ivo@example.com' }, { invite: true, welcomeMessage: 'Welcome aboard' });
    if (!invited.ok) throw new Error(invited.message);
    expect(await engine.user(101)).toMatchObject({ status: 'invited', invitation: { welcomeMessage: 'Welcome aboard', timesSent: 1 } });
    expect(await engine.report(invited.reportId)).toMatchObject({ kind: 'edit', label: 'Add Ivo Invited', emailsSent: 1 });
    expect((await engine.outbox('ivo@example.com')).rows[0]).toMatchObject({ kind: 'invitation', userId: 101 });
    expect((await engine.userPage(101))!.invitationEmailId).toEqual(expect.any(Number));
    // Reverting the addition removes the user again.
    expect(await engine.revert(invited.reportId)).toMatchObject({ ok: true });
    expect(await engine.user(101)).toBeNull();
  });

  it('the history lists every change to this user across operations, newest first, with the reverts; the audit log finds them by person', async () => {
    const { engine } = await env();
    const edit = await engine.editUser(4, { title: 'Lead' });
    const deact = await engine.apply('deactivate', { ids: [4, 5] }, {});
    if (!edit.ok || !deact.ok) throw new Error('setup');
    const back = await engine.revert(deact.reportId);
    if (!back.ok) throw new Error(back.message);
    const h = await engine.userHistory(4);
    expect(h.total).toBe(3);
    expect(h.rows.map((r) => [r.kind, r.changes.map((c) => `${c.field}: ${c.before} → ${c.after}`)])).toEqual([
      ['revert', ['status: inactive → active']],
      ['bulk_action', ['status: active → inactive']],
      ['edit', ['title: Analyst → Lead']]
    ]);
    expect(h.rows[1]).toMatchObject({ opId: deact.reportId, revertedBy: back.reportId, actorName: 'Ada Admin' });
    expect((await engine.userHistory(4, 1, 1)).rows).toHaveLength(1);
    const found = await engine.operations({ person: 'Nora' });
    expect(found.rows.map((r) => r.id).sort()).toEqual([edit.reportId, deact.reportId, back.reportId].sort());
    expect((await engine.operations({ person: 'sam south' })).rows.map((r) => r.id).sort()).toEqual([deact.reportId, back.reportId].sort());
  });

  it('what a user’s own sign-ins changed is in their history (the lock after five failures)', async () => {
    const { engine } = await env();
    for (let i = 0; i < 5; i++) await engine.signIn('admin@example.com', 'wrong password!');
    const h = await engine.userHistory(1);
    expect(h.rows[0]).toMatchObject({ kind: 'sign_in', label: 'Account locked after 5 failed sign-ins' });
    expect(h.rows[0].changes.map((c) => c.field)).toContain('locked');
  });
});
