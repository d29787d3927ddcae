import type { MusterDB } from '../db/schema';
import { rolesById } from '../domain/roles';
import type { Progress } from './jobs';
import type { Store } from './store';

/**
 * User chunks read at a time: 40 chunks of 500 users. Reading a page, then keeping its users
 * (one copy of each repeated value, store.ts), holds only one page of fresh copies at once, not a
 * million users twice over.
 */
const PAGE = 40;

/** Reads the whole workspace into the engine's memory, a page of user chunks at a time. */
export async function loadWorkspace(db: MusterDB, store: Store, onProgress?: Progress) {
  await db.transaction('r', [db.userChunks, db.roles, db.organizations, db.companies, db.settings, db.operations], async () => {
    const [roles, organizations, companies, settings, lastOp, chunkCount] = await Promise.all([
      db.roles.toArray(),
      db.organizations.toArray(),
      db.companies.toArray(),
      db.settings.get('settings'),
      db.operations.orderBy('id').lastKey(),
      db.userChunks.count()
    ]);
    if (!settings) throw new Error('The workspace has no settings record: it was not created completely.');
    const { key: _key, ...rest } = settings;
    store.settings = rest;
    store.roles = rolesById(roles);
    store.organizations = new Map(organizations.map((o) => [o.id, o]));
    store.companies = new Map(companies.map((c) => [c.id, c]));
    store.lastOpId = (lastOp as number | undefined) ?? 0;
    store.clear();
    let read = 0;
    for (let after = -1; ; ) {
      const page = await db.userChunks.where('id').above(after).limit(PAGE).toArray();
      for (const chunk of page) for (const u of chunk.users) store.put(u);
      read += page.length;
      onProgress?.({ phase: 'Loading the workspace', done: read, total: chunkCount });
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    store.touch();
  });
}
