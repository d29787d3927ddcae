import { afterEach, describe, expect, it, vi } from 'vitest';
import { dump, setup } from '../../../tests/engine';
import { exportBackup } from './backup';
import { MusterDB } from '../db/schema';

afterEach(() => vi.unstubAllGlobals());
const room = (quota: number, usage = 0) => vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota, usage }) } });

describe('engine: room in the browser’s storage, checked before writing', () => {
  it('a demo workspace too large for the room left is refused before anything is generated or written', async () => {
    const { engine, dbName } = await setup();
    const before = await dump(dbName);
    room(20 * 1024 * 1024, 5 * 1024 * 1024);
    const res = await engine.resetDemo(100000);
    expect(res).toMatchObject({ ok: false, kind: 'invalid', message: expect.stringMatching(/^A workspace of 100,000 users needs about [\d,.]+ MB, and this browser leaves Muster 15 MB\. Nothing was changed\./) });
    expect(await dump(dbName)).toEqual(before);
    room(10 * 1024 ** 3);
    expect(await engine.resetDemo(1000)).toMatchObject({ ok: true, total: 1000 });
  }, 60_000);

  it('a backup too large for the room left is refused, and the workspace stays', async () => {
    const { engine, dbName } = await setup();
    const db = new MusterDB(dbName);
    const backup = await exportBackup(db);
    db.close();
    const before = await dump(dbName);
    room(1000, 0);
    expect(await engine.importWorkspace(backup)).toMatchObject({ ok: false, message: expect.stringMatching(/^This backup needs about/) });
    expect(await dump(dbName)).toEqual(before);
  });
});
