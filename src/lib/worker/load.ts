import type { MusterDB } from '../db/schema';
import { rolesById } from '../domain/roles';
import type { Store } from './store';

/** Reads the whole workspace into the engine's memory: a few hundred chunk records at most. */
export async function loadWorkspace(db: MusterDB, store: Store) {
  await db.transaction('r', [db.userChunks, db.roles, db.organizations, db.companies, db.settings, db.operations], async () => {
    const [chunks, roles, organizations, companies, settings, lastOp] = await Promise.all([
      db.userChunks.toArray(),
      db.roles.toArray(),
      db.organizations.toArray(),
      db.companies.toArray(),
      db.settings.get('settings'),
      db.operations.orderBy('id').lastKey()
    ]);
    if (!settings) throw new Error('The workspace has no settings record: it was not created completely.');
    const { key: _key, ...rest } = settings;
    store.settings = rest;
    store.roles = rolesById(roles);
    store.organizations = new Map(organizations.map((o) => [o.id, o]));
    store.companies = new Map(companies.map((c) => [c.id, c]));
    store.lastOpId = (lastOp as number | undefined) ?? 0;
    store.load(chunks.flatMap((c) => c.users));
  });
}
