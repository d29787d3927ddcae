import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { User } from '../domain/user';
import { parseCsv } from '../domain/csv/parse';
import { REPORT_CSV_HEADER } from '../domain/report-rows';
import { CONFLICTS } from '../domain/revert';
import { setup, dump, everyone, workspace } from '../../../tests/engine';

async function must<T extends { ok: boolean }>(p: Promise<T | { ok: false; message: string }>): Promise<T & { ok: true }> {
  const r = await p;
  if (!r.ok) throw new Error((r as { message: string }).message);
  return r as T & { ok: true };
}

const learners = { filter: { role: ['learner'] } };

describe('engine: revert', () => {
  it('puts every field back except on users changed since, who are conflicts left alone; both reports link', async () => {
    const { engine } = await setup();
    const first = await must(engine.apply('set_role', learners, { roleId: 'instructor' }));
    const changed = first.applied;
    expect(changed).toBeGreaterThan(40);
    await must(engine.apply('update_profile', { ids: [501] }, { timeZone: 'Asia/Tokyo' }));

    const steps: string[] = [];
    const preview = await must(engine.revertPreview(first.reportId, (p) => steps.push(`${p.done}/${p.total} ${p.phase}`)));
    expect(steps).toEqual(['0/3 Reading the report’s changes', '1/3 Checking what you may change back', '2/3 Summarising the changes']);
    expect(preview.reverted).toBe(changed - 1);
    expect(preview.conflicts).toEqual([{ reason: CONFLICTS.changedSince, count: 1, users: [{ id: 501, name: 'Test User 501', email: 'user1@example.com' }] }]);

    const res = await must(engine.revert(first.reportId));
    expect(res).toMatchObject({ applied: changed - 1, skipped: 1 });
    expect((await engine.user(501))!).toMatchObject({ roles: ['instructor'], timeZone: 'Asia/Tokyo' });
    expect((await engine.user(1001))!.roles).toEqual(['learner']);
    expect((await engine.query({ filter: { role: ['instructor'] } })).total).toBe(1);

    const original = await engine.report(first.reportId);
    const revert = await engine.report(res.reportId);
    expect(original!.revertedBy).toBe(res.reportId);
    expect(revert).toMatchObject({ kind: 'revert', revertOf: first.reportId, skipReasons: [{ reason: CONFLICTS.changedSince, count: 1 }] });
    expect(revert!.skipGroups[0].ids).toEqual([501]);

    expect(await engine.revertPreview(first.reportId)).toMatchObject({ ok: false, message: expect.stringMatching(/already reverted by report #3/) });
  });

  it('reverting a revert applies the original changes again', async () => {
    const { engine } = await setup();
    const first = await must(engine.apply('deactivate', { ids: [3001, 6001] }, {}));
    const back = await must(engine.revert(first.reportId));
    expect((await engine.user(6001))!.status).toBe('active');
    const again = await must(engine.revert(back.reportId));
    expect(again.applied).toBe(2);
    expect((await engine.user(6001))!.status).toBe('inactive');
    expect((await engine.user(3001))!.status).toBe('inactive');
  });

  it('restores permanently removed users from the report snapshot, with their id and email', async () => {
    const { engine } = await setup();
    const before = await engine.user(501);
    const removed = await must(engine.apply('remove', { ids: [501] }, {}));
    expect(await engine.user(501)).toBeNull();
    const preview = await must(engine.revertPreview(removed.reportId));
    expect(preview).toMatchObject({ restored: 1, reverted: 0, conflicts: [] });
    await must(engine.revert(removed.reportId));
    const back = await engine.user(501);
    expect({ ...back, version: 0, updatedAt: '' }).toEqual({ ...before, version: 0, updatedAt: '' });
    expect((await engine.query({ filter: { q: 'user1@example.com' } })).total).toBe(1);
  });

  it('gives content back to the user it came from when a transfer is reverted', async () => {
    const { engine } = await setup();
    const t = await must(engine.apply('transfer', { ids: [5001] }, { targetId: 3 }));
    await must(engine.revert(t.reportId));
    expect((await engine.user(5001))!.ownedContent).toBe(3);
    expect((await engine.user(3))!.ownedContent).toBe(0);
  });

  it('says how many emails were sent and cannot be unsent; the revert sends none', async () => {
    const { engine } = await setup();
    const inv = await must(engine.apply('invite', { filter: { status: ['profile_only'] } }, { welcomeMessage: '' }));
    const preview = await must(engine.revertPreview(inv.reportId));
    expect(preview.emailsSent).toBe(inv.emailsSent);
    const mail = (await engine.outbox()).total;
    await must(engine.revert(inv.reportId));
    expect((await engine.outbox()).total).toBe(mail);
    expect((await engine.query({ filter: { status: ['profile_only'] } })).total).toBe(10);
  });

  it('a failure half-way through the revert changes nothing', async () => {
    let fail = false;
    const { engine, dbName } = await setup({
      afterBatch(b) {
        if (fail && b === 0) throw new Error('Injected disk failure.');
      }
    });
    const first = await must(engine.apply('deactivate', everyone, {}));
    const before = await dump(dbName);
    fail = true;
    const res = await engine.revert(first.reportId);
    expect(res).toMatchObject({ ok: false, message: expect.stringMatching(/Injected disk failure. Nothing was changed./) });
    expect(await dump(dbName)).toEqual(before);
    expect((await engine.report(first.reportId))!.revertedBy).toBeNull();
  });

  it('checks the revert permission and scope in the engine (Enterprise)', async () => {
    const { engine } = await setup();
    const south = [3001, 6001, 9001]; // organization South; the Operations Manager manages North
    const first = await must(engine.apply('deactivate', { ids: south }, {}));
    await engine.setPlan('enterprise');
    expect(await engine.setActor(3)).toMatchObject({ ok: false, kind: 'denied' });
    await engine.setActor(2);
    const ops = await must(engine.revertPreview(first.reportId));
    expect(ops).toMatchObject({ reverted: 0, conflicts: [{ reason: 'Outside your organizations', count: 3 }] });
    expect(await engine.revert(first.reportId)).toMatchObject({ ok: false, kind: 'denied', message: expect.stringMatching(/^Outside your organizations. Nothing was changed/) });
    for (const id of south) expect((await engine.user(id))!.status).toBe('inactive');
  });
});

describe('engine: report rows, exports and the audit log', () => {
  it('lists one row per changed field, searchable by user and field, and exports them as safe CSV', async () => {
    const users = workspace();
    users[3] = { ...users[3], email: '-2+3@example.com', emailKey: '-2+3@example.com' }; // user 501
    const { engine } = await setup(undefined, users);
    const op = await must(engine.apply('update_profile', { ids: [3, 501] }, { timeZone: 'Asia/Tokyo', organization: 'org-2' }));
    const all = await engine.reportRows(op.reportId);
    expect(all).toMatchObject({ total: 4, all: 4, fields: [{ field: 'organization', label: 'Organization', count: 2 }, { field: 'timeZone', count: 2 }] });
    const one = await engine.reportRows(op.reportId, { q: 'learner@', field: 'organization' });
    expect(one.rows).toEqual([
      { userId: 3, email: 'learner@example.com', name: 'Test User 3', field: 'organization', label: 'Organization', before: 'North', after: 'South' }
    ]);
    expect((await engine.reportRows(op.reportId, { field: 'status' })).total).toBe(0);

    const csv = parseCsv((await engine.exportReport(op.reportId, 'csv'))!.text, ',');
    if (!csv.ok) throw new Error(csv.error);
    expect(csv.rows[0].cells).toEqual(REPORT_CSV_HEADER);
    expect(csv.rows.slice(1).map(({ cells: r }) => [r[3], r[4], r[5], r[6], r[7]])).toEqual([
      ['3', 'learner@example.com', 'Organization', 'North', 'South'],
      ['3', 'learner@example.com', 'Time zone', 'Europe/London', 'Asia/Tokyo'],
      ['501', `'-2+3@example.com`, 'Organization', 'North', 'South'],
      ['501', `'-2+3@example.com`, 'Time zone', 'Europe/London', 'Asia/Tokyo']
    ]);
  });

  it('exports a report as JSON with the raw change log, withholding password digests', async () => {
    const { engine } = await setup();
    const op = await must(engine.apply('remove', { ids: [501] }, {}));
    const json = JSON.parse((await engine.exportReport(op.reportId, 'json'))!.text);
    expect(json.report).toMatchObject({ id: op.reportId, action: 'remove', applied: 1 });
    expect(json.changes[0].snapshot.user).toMatchObject({ id: 501, email: 'user1@example.com' });
    expect(JSON.stringify(json)).not.toMatch(/"passwordHash":"(?!\[withheld\])[^"]/);
  });

  it('filters the audit log by kind, actor and day, newest first', async () => {
    const { engine } = await setup();
    const a = await must(engine.apply('deactivate', { ids: [3] }, {}));
    const b = await must(engine.revert(a.reportId));
    const log = await engine.operations();
    expect(log.rows.map((o) => o.id)).toEqual([b.reportId, a.reportId]);
    expect(log.actors).toEqual([{ id: 1, name: 'Test User 1' }]);
    expect((await engine.operations({ kind: 'revert' })).rows.map((o) => o.id)).toEqual([b.reportId]);
    expect((await engine.operations({ actorId: 2 })).total).toBe(0);
    expect((await engine.operations({ from: '2026-11-22', to: '2026-11-22' })).total).toBe(2);
    expect((await engine.operations({ from: '2026-11-23' })).total).toBe(0);
    expect((await engine.operations({}, 1, 1)).rows.map((o) => o.id)).toEqual([a.reportId]);
  });
});

describe('engine: revert, as a property', () => {
  const strip = (u: User | null) => (u ? { ...u, version: 0, updatedAt: '' } : null);
  const ids = workspace().map((u) => u.id);
  const actions: [string, unknown][] = [
    ['activate', {}],
    ['deactivate', {}],
    ['delete', {}],
    ['undelete', {}],
    ['remove', {}],
    ['reset_2fa', {}],
    ['invite', { welcomeMessage: 'Hi' }],
    ['cancel_invitation', {}],
    ['set_role', { roleId: 'instructor' }],
    ['flag_fields', { fields: ['title', 'timeZone'] }],
    ['expire_access', {}],
    ['transfer', { targetId: 3 }]
  ];

  it('any action on any users, then its revert, gives every user back; reverting the revert gives the action back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), fc.subarray(ids, { minLength: 1 }), async ([action, params], selected) => {
        const { engine } = await setup();
        const snapshot = async () => Promise.all(ids.map(async (id) => strip(await engine.user(id))));
        const before = await snapshot();
        const op = await engine.apply(action, { ids: selected }, params);
        if (!op.ok) throw new Error(op.message);
        if (op.applied === 0) return;
        const after = await snapshot();
        const back = await must(engine.revert(op.reportId));
        expect(back.skipped).toBe(0);
        expect(await snapshot()).toEqual(before);
        await must(engine.revert(back.reportId));
        expect(await snapshot()).toEqual(after);
      }),
      { numRuns: 25 }
    );
  });
});
