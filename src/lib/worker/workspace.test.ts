import { FAULT_MESSAGES } from '../domain/faults';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { STORES_V1 } from '../db/schema';
import { BUILT_IN_ROLES } from '../domain/roles';
import { makeUser } from '../../../tests/factories';
import { dump, engines, everyone, setup, workspace } from '../../../tests/engine';
import { createEngine } from './api';
import { toChunks, writeWorkspace } from './seed';
import { MusterDB } from '../db/schema';

describe('workspace: schema migrations', () => {
  it('opens a version-1 workspace with the current code and finds every record, upgraded and usable', async () => {
    const name = 'migration-v1';
    const old = new Dexie(name);
    old.version(1).stores(STORES_V1);
    const users = [
      makeUser({ id: 1, email: 'admin@example.com', roles: ['administrator'] }),
      makeUser({ id: 2, email: 'invited@example.com', status: 'invited', invitation: { sentAt: '2026-11-20T09:00:00.000Z', expiresAt: '2026-12-04', welcomeMessage: '', timesSent: 1 } })
    ];
    await old.table('userChunks').bulkPut(toChunks(users));
    await old.table('roles').bulkPut(BUILT_IN_ROLES);
    await old.table('organizations').put({ id: 'org-1', name: 'North' });
    await old.table('companies').put({ id: 'co-1', name: 'Acme' });
    await old.table('settings').put({ key: 'settings', plan: 'standard', today: '2026-11-22', invitationValidityDays: 14, actorId: 1, nextUserId: 3, demoSize: 0 });
    await old.table('operations').put({ id: 1, kind: 'bulk_action', action: 'invite', label: 'Invite', actorId: 1, actorName: 'A', at: '2026-11-20T09:00:00.000Z', params: {}, applied: 1, skipped: 0, failed: 0, skipReasons: [], emailsSent: 1, changedUsers: 1, revertOf: null, revertedBy: null });
    await old.table('outbox').put({ id: 1, opId: 1, userId: 2, to: 'invited@example.com', kind: 'invitation', subject: 'Hi', body: 'Hi', sentAt: '2026-11-20T09:00:00.000Z', token: 'tok-v1' });
    const before = Object.fromEntries(await Promise.all(old.tables.map(async (t) => [t.name, await t.toArray()])));
    old.close();

    const engine = createEngine({ dbName: name });
    engines.push(engine);
    await engine.open();
    const after = await dump(name);
    expect(after).toEqual(before);
    expect(await new Dexie(name).open().then((db) => { const v = db.verno; db.close(); return v; })).toBe(3);
    // Version 2's index finds the version-1 email by its token.
    expect(await engine.link('tok-v1')).toMatchObject({ state: 'valid', kind: 'invitation', email: 'invited@example.com' });
  });

  it('version 3 folds stored email keys, so a fullwidth address is the same person as its plain spelling', async () => {
    const name = 'migration-v2-keys';
    const old = new Dexie(name);
    old.version(2).stores({ ...STORES_V1, outbox: 'id, opId, userId, token' });
    // Keys as version 2 computed them (NFC, lower case): the fullwidth letter stayed apart.
    const wide = { ...makeUser({ id: 2, email: 'plain@example.com' }), email: '\uff41full@example.com', emailKey: '\uff41full@example.com' };
    const twin = { ...makeUser({ id: 3, email: 'plain@example.com' }), email: '\uff42oth@example.com', emailKey: '\uff42oth@example.com' };
    const plain = makeUser({ id: 4, email: 'both@example.com' });
    await old.table('userChunks').bulkPut(toChunks([makeUser({ id: 1, email: 'admin@example.com', roles: ['administrator'] }), wide, twin, plain]));
    await old.table('roles').bulkPut(BUILT_IN_ROLES);
    await old.table('settings').put({ key: 'settings', plan: 'standard', today: '2026-11-22', invitationValidityDays: 14, actorId: 1, nextUserId: 5, demoSize: 0 });
    old.close();

    const engine = createEngine({ dbName: name });
    engines.push(engine);
    await engine.open();
    const chunks = (await dump(name)).userChunks as { users: { id: number; emailKey: string }[] }[];
    const keys = chunks.flatMap((c) => c.users.map((u) => [u.id, u.emailKey]));
    // "ｂoth" now folds to a key another user already holds: it keeps its old one, both stay reachable.
    expect(keys).toEqual([[1, 'admin@example.com'], [2, 'afull@example.com'], [3, '\uff42oth@example.com'], [4, 'both@example.com']]);
  });
});

describe('workspace: storage faults', () => {
  it('a quota error during a write aborts it with a clear message and leaves the workspace as it was', async () => {
    const { engine, dbName } = await setup({
      afterBatch() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    });
    const before = await dump(dbName);
    const res = await engine.apply('deactivate', everyone, {});
    expect(res).toMatchObject({ ok: false, message: FAULT_MESSAGES.quota });
    expect(await dump(dbName)).toEqual(before);
    expect((await engine.query({ filter: { status: ['inactive'] } })).total).toBe(10);
  });

  it('a quota error at commit time, wrapped by Dexie in an AbortError, gets Muster’s own advice, not the browser’s words', async () => {
    // Chromium refuses the commit, not the put: the transaction aborts and Dexie reports an
    // AbortError whose inner error is the QuotaExceededError.
    const { engine, dbName } = await setup({
      afterBatch() {
        const inner = new DOMException('An attempt was made to add something to storage that exceeded the quota.', 'QuotaExceededError');
        throw new Dexie.AbortError('QuotaExceededError An attempt was made to add something to storage that exceeded the quota.', inner);
      }
    });
    const before = await dump(dbName);
    const res = await engine.apply('deactivate', everyone, {});
    expect(res).toMatchObject({ ok: false, message: FAULT_MESSAGES.quota });
    expect(JSON.stringify(res)).not.toMatch(/QuotaExceededError|AbortError/);
    expect(await dump(dbName)).toEqual(before);
  });
});

describe('workspace: backup and restore', () => {
  it('restores a backup written before email keys were folded, computing its keys again', async () => {
    const { engine } = await setup();
    const file = JSON.parse(new TextDecoder().decode(await gunzip(await engine.exportWorkspace())));
    file.schemaVersion = 2;
    const u = file.tables.userChunks[0].users[1];
    u.email = '\uff41full@example.com';
    u.emailKey = '\uff41full@example.com'; // as version 2 computed it
    const res = await engine.importWorkspace(new TextEncoder().encode(JSON.stringify(file)));
    expect(res).toMatchObject({ ok: true });
    expect((await engine.user(u.id))?.emailKey).toBe('afull@example.com');
  });

  it('export → reset → import gives identical tables', async () => {
    const { engine, dbName } = await setup();
    const op = await engine.apply('invite', { filter: { status: ['profile_only'] } }, { welcomeMessage: 'Hi' });
    if (!op.ok) throw new Error(op.message);
    await engine.apply('remove', { ids: [501] }, {});
    const before = await dump(dbName);
    const file = await engine.exportWorkspace();
    expect([file[0], file[1]]).toEqual([0x1f, 0x8b]); // gzip
    const phases: string[] = [];
    await engine.resetDemo(1000, (p) => phases.push(`${p.done}/${p.total} ${p.phase}`));
    expect(phases).toEqual(['0/1 Generating 1,000 demo users', '2/2 Writing them to this browser’s storage', '2/2 Loading the new workspace']);
    expect((await engine.meta()).total).toBe(1000);
    expect(await engine.importWorkspace(file)).toMatchObject({ ok: true, users: 62, operations: 2 });
    expect(await dump(dbName)).toEqual(before);
    expect((await engine.meta()).total).toBe(62);
    expect((await engine.report(op.reportId))!.label).toBe('Invite to activate account');
  });

  it('refuses a file that is not entirely valid, naming where, and changes nothing', async () => {
    const { engine, dbName } = await setup();
    const before = await dump(dbName);
    const good = JSON.parse(new TextDecoder().decode(await gunzip(await engine.exportWorkspace())));
    good.tables.userChunks[1].users[0].email = 'not an email';
    const res = await engine.importWorkspace(new TextEncoder().encode(JSON.stringify(good)));
    expect(res).toMatchObject({ ok: false, message: expect.stringMatching(/not a valid Muster workspace. Nothing was changed/) });
    expect((res as { problems: string[] }).problems[0]).toMatch(/^tables\.userChunks\.1\.users\.0\.email: is not a valid email address/);
    expect(await engine.importWorkspace(new TextEncoder().encode('id,email\n1,a@b.c'))).toMatchObject({ ok: false, message: expect.stringMatching(/not a Muster workspace/) });
    good.tables.userChunks[1].users[0].email = 'user1@example.com';
    good.schemaVersion = 99;
    expect(await engine.importWorkspace(new TextEncoder().encode(JSON.stringify(good)))).toMatchObject({ ok: false, message: expect.stringMatching(/newer Muster/) });
    expect(await dump(dbName)).toEqual(before);
  });
});

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

describe('workspace: several tabs', () => {
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('timed out');
  };

  it('a change made through one engine shows in another engine on the same database, which tells its page', async () => {
    const { engine: a, dbName } = await setup();
    const b = createEngine({ dbName });
    engines.push(b);
    await b.open();
    const events: string[] = [];
    await b.watch((e) => events.push(e.type));
    await a.apply('deactivate', { ids: [3] }, {});
    // The page hears of it once the other engine has reloaded (its store fills chunk by chunk).
    await until(async () => events.includes('changed'));
    expect((await b.user(3))?.status).toBe('inactive');
    await a.setPlan('enterprise');
    await until(async () => (await b.meta()).settings.plan === 'enterprise');
  });

  it('a newer version opened elsewhere tells the old engine to reload instead of blocking the upgrade', async () => {
    const { engine, dbName } = await setup();
    const events: string[] = [];
    await engine.watch((e) => events.push(e.type));
    const newer = new Dexie(dbName);
    newer.version(4).stores({ ...STORES_V1, outbox: 'id, opId, userId, token', extra: 'id' });
    await newer.open(); // would hang (blocked) if the old engine kept its connection open
    expect(newer.verno).toBe(4);
    newer.close();
    expect(events).toEqual(['outdated']);
  });
});

describe('workspace: opening', () => {
  it('says how far it has read while opening, page by page of user chunks, and then holds every user', async () => {
    const users = workspace(); // 63 users in 61 chunks: two pages of reading
    const db = new MusterDB('open-progress');
    await writeWorkspace(db, {
      users,
      roles: BUILT_IN_ROLES,
      organizations: [{ id: 'org-1', name: 'North' }, { id: 'org-2', name: 'South' }],
      companies: [],
      settings: { plan: 'standard', today: '2026-11-22', invitationValidityDays: 14, actorId: 1, nextUserId: 40000, demoSize: 0 }
    });
    db.close();
    const engine = createEngine({ dbName: 'open-progress' });
    engines.push(engine);
    const seen: string[] = [];
    expect(await engine.open({}, (p) => seen.push(`${p.phase} ${p.done}/${p.total}`))).toEqual({ total: users.length });
    expect(seen).toEqual(['Loading the workspace 40/61', 'Loading the workspace 61/61']);
  });
});

