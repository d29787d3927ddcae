import { describe, expect, it } from 'vitest';
import { setup, dump, everyone, engines } from '../../../tests/engine';
import { createEngine } from './api';
import type { CommitHooks } from './commit';

describe('engine: reading', () => {
  it('answers a query with the total and only the requested window', async () => {
    const { engine } = await setup();
    const all = await engine.query({ limit: 10 });
    expect(all.total).toBe(63);
    expect(all.rows).toHaveLength(10);
    const inactive = await engine.query({ filter: { status: ['inactive'] }, limit: 100 });
    expect(inactive.total).toBe(10);
    expect(inactive.rows.every((r) => r.status === 'inactive')).toBe(true);
    expect(inactive.rows[0]).not.toHaveProperty('passwordHash');
  });

  it('sorts in both directions and pages consistently', async () => {
    const { engine } = await setup();
    const asc = await engine.query({ sort: { key: 'email', dir: 'asc' }, limit: 1000 });
    const desc = await engine.query({ sort: { key: 'email', dir: 'desc' }, limit: 1000 });
    expect(desc.rows.map((r) => r.id)).toEqual(asc.rows.map((r) => r.id).reverse());
    const page2 = await engine.query({ sort: { key: 'email', dir: 'asc' }, offset: 10, limit: 5 });
    expect(page2.rows.map((r) => r.id)).toEqual(asc.rows.slice(10, 15).map((r) => r.id));
  });
});

describe('engine: bulk actions', () => {
  it('previews how many apply and groups the skipped by reason, with their ids', async () => {
    const { engine } = await setup();
    const p = await engine.preview('activate', everyone, {});
    if (!p.ok) throw new Error(p.message);
    expect(p.selected).toBe(63);
    expect(p.applies).toBe(10);
    const invited = p.skipped.find((s) => s.reason.startsWith('Invited'));
    expect(invited?.count).toBe(10);
    expect(p.skipped.reduce((s, g) => s + g.count, 0)).toBe(53);
  });

  it('applies to eligible users only, leaves the skipped untouched, and reports before → after', async () => {
    const { engine } = await setup();
    const before = await engine.query({ limit: 1000 });
    const res = await engine.apply('activate', everyone, {});
    if (!res.ok) throw new Error(res.message);
    expect(res.applied).toBe(10);
    const after = await engine.query({ limit: 1000 });
    const was = new Map(before.rows.map((r) => [r.id, r]));
    for (const u of after.rows) {
      const old = was.get(u.id)!;
      if (old.status === 'inactive') {
        expect(u.status).toBe('active');
        expect(u.version).toBe(old.version + 1);
      } else expect(u).toEqual(old);
    }
    const report = await engine.report(res.reportId);
    expect(report).toMatchObject({ kind: 'bulk_action', action: 'activate', applied: 10, skipped: 53, actorId: 1 });
    const changes = await engine.reportChanges(res.reportId, 0, 100);
    expect(changes.total).toBe(10);
    expect(changes.rows[0].changes).toEqual([{ field: 'status', before: 'inactive', after: 'active' }]);
  });

  it('persists: a new engine over the same database sees the change', async () => {
    const { engine, dbName } = await setup();
    await engine.apply('deactivate', { ids: [3] }, {});
    const again = createEngine({ dbName });
    engines.push(again);
    expect((await again.user(3))?.status).toBe('inactive');
  });

  it('a failure half-way through the write leaves every table and the engine exactly as before', async () => {
    const hooks: CommitHooks = {
      afterBatch(b) {
        if (b === 1) throw new Error('Injected disk failure.');
      }
    };
    const { engine, dbName } = await setup(hooks);
    const before = await dump(dbName);
    const rowsBefore = await engine.query({ limit: 1000 });
    const res = await engine.apply('set_access_expiry', everyone, { date: '2027-01-31' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/Injected disk failure\. Nothing was changed/);
    expect(await dump(dbName)).toEqual(before);
    expect(await engine.query({ limit: 1000 })).toEqual(rowsBefore);
  });

  it('a cancelled apply changes nothing', async () => {
    const { engine, dbName } = await setup();
    const before = await dump(dbName);
    const res = await engine.apply('set_access_expiry', everyone, { date: '2027-01-31' }, { jobId: 'job-1' }, (p) => {
      if (p.phase === 'Writing' && p.done > 0) void engine.cancel('job-1');
    });
    expect(res).toMatchObject({ ok: false, kind: 'cancelled' });
    expect(await dump(dbName)).toEqual(before);
    expect((await engine.operations()).total).toBe(0);
  });

  it('refuses an action the acting administrator may not run, and applies nothing', async () => {
    const { engine, dbName } = await setup();
    await engine.setPlan('enterprise');
    // Operations Managers hold no "users.delete" permission on the Enterprise plan.
    await engine.setActor(2);
    const before = await dump(dbName);
    const res = await engine.apply('delete', everyone, {});
    expect(res).toMatchObject({ ok: false, kind: 'denied' });
    expect(await dump(dbName)).toEqual(before);
    // A learner is not an administrator on any plan: they cannot even become the acting one.
    await engine.setPlan('standard');
    expect(await engine.setActor(3)).toMatchObject({ ok: false, kind: 'denied' });
  });

  it('scopes an Operations Manager to the organizations they manage (Enterprise), even if the UI is bypassed', async () => {
    const { engine } = await setup();
    await engine.setPlan('enterprise');
    await engine.setActor(2);
    const res = await engine.apply('deactivate', everyone, {});
    if (!res.ok) throw new Error(res.message);
    const report = await engine.report(res.reportId);
    const outside = report!.skipGroups.find((g) => g.reason === 'Outside your organizations');
    expect(outside?.ids.length).toBe(30);
    for (const id of outside!.ids) expect((await engine.user(id))!.organization).toBe('org-2');
    const changed = await engine.reportChanges(res.reportId, 0, 100);
    for (const c of changed.rows) expect((await engine.user(c.userId))!.organization).toBe('org-1');
  });

  it('the action menu counts what the preview would apply, and disables what the actor may not run', async () => {
    const { engine } = await setup();
    const menu = await engine.actionMenu(everyone);
    expect(menu).toHaveLength(23);
    for (const item of menu.filter((i) => !i.hasParams)) {
      const p = await engine.preview(item.id, everyone, {});
      if (!p.ok) throw new Error(p.message);
      expect(item.applies, item.id).toBe(p.applies);
    }
    await engine.setPlan('enterprise');
    await engine.setActor(2);
    const opsMenu = await engine.actionMenu(everyone);
    expect(opsMenu.find((i) => i.id === 'remove')?.disabled).toMatch(/None of your roles may remove users permanently/);
    expect(opsMenu.find((i) => i.id === 'activate')?.disabled).toBeNull();
  });

  it('rejects invalid parameters with a message, before touching anything', async () => {
    const { engine } = await setup();
    expect(await engine.preview('set_role', everyone, { roleId: 'wizard' })).toEqual({ ok: false, kind: 'invalid', message: 'Unknown role: wizard' });
    expect(await engine.preview('nope', everyone, {})).toMatchObject({ ok: false });
  });

  it('transfers content to an active user and records both sides', async () => {
    const { engine } = await setup();
    const res = await engine.apply('transfer', { ids: [5001, 10001] }, { targetId: 3 });
    if (!res.ok) throw new Error(res.message);
    expect((await engine.user(3))!.ownedContent).toBe(6);
    expect((await engine.user(5001))!.ownedContent).toBe(0);
    expect((await engine.reportChanges(res.reportId)).total).toBe(3);
  });

  it('removes users permanently, keeping a snapshot in the report', async () => {
    const { engine } = await setup();
    const res = await engine.apply('remove', { ids: [501, 5001] }, {});
    if (!res.ok) throw new Error(res.message);
    expect(res.applied).toBe(1); // 5001 owns content
    expect(await engine.user(501)).toBeNull();
    const page = await engine.reportChanges(res.reportId);
    expect(page.rows[0].snapshot).toMatchObject({ kind: 'removed', user: { id: 501, email: 'user1@example.com' } });
  });

  it('sends invitation emails to the outbox with the welcome message', async () => {
    const { engine } = await setup();
    const res = await engine.apply('invite', everyone, { welcomeMessage: 'Welcome aboard!' });
    if (!res.ok) throw new Error(res.message);
    expect(res.emailsSent).toBeGreaterThan(0);
    const invited = await engine.query({ filter: { status: ['invited'] }, limit: 1000 });
    expect(invited.total).toBe(10 + res.applied);
    const mail = await engine.outbox();
    expect(mail.total).toBe(res.applied);
    expect(mail.rows[0]).toMatchObject({ kind: 'invitation', opId: res.reportId });
    expect(mail.rows[0].body).toContain('Welcome aboard!');
  });
});

describe('engine: the first page before any sort is cached', () => {
  let n = 0;
  it('answers the same rows and total as the fully sorted path, in both directions and with filters', async () => {
    const { engine } = await setup();
    for (const sort of [{ key: 'email', dir: 'asc' }, { key: 'name', dir: 'desc' }, { key: 'lastSignInAt', dir: 'asc' }] as const)
      for (const filter of [{}, { status: ['active' as const] }, { q: 'user1' }]) {
        n++;
        await engine.apply('set_access_expiry', { ids: [3] }, { date: `2027-0${1 + (n % 9)}-01` }); // a write clears the cached orders
        const quick = await engine.query({ filter, sort, limit: 10 });
        const full = await engine.query({ filter, sort, limit: 1000 });
        expect(quick.total).toBe(full.total);
        expect(quick.rows.map((r) => r.id)).toEqual(full.rows.slice(0, 10).map((r) => r.id));
      }
  });
});
