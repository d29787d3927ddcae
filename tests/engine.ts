import { afterEach } from 'vitest';
import { MusterDB } from '../src/lib/db/schema';
import { BUILT_IN_ROLES, type Role } from '../src/lib/domain/roles';
import type { User } from '../src/lib/domain/user';
import type { Organization } from '../src/lib/domain/directory';
import { makeUser } from './factories';
import { createEngine, type Engine } from '../src/lib/worker/api';
import { writeWorkspace } from '../src/lib/worker/seed';
import type { CommitHooks } from '../src/lib/worker/commit';

/** Engines over fake-indexeddb for the engine tests: each test gets a fresh named database. */
let n = 0;
export const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});

/** A workspace whose users sit in many chunks (ids 500 apart), so a write spans several batches. */
export function workspace(): User[] {
  const users: User[] = [
    makeUser({ id: 1, email: 'admin@example.com', roles: ['administrator'], managedOrganizations: ['org-1'], organization: 'org-1' }),
    makeUser({ id: 2, email: 'ops@example.com', roles: ['operations_manager'], managedOrganizations: ['org-1'], organization: 'org-1' }),
    makeUser({ id: 3, email: 'learner@example.com', roles: ['learner'], organization: 'org-1' })
  ];
  const statuses = ['active', 'inactive', 'profile_only', 'invited', 'expired', 'deleted'] as const;
  for (let k = 1; k <= 60; k++) {
    users.push(
      makeUser({
        id: 1 + k * 500,
        email: `user${k}@example.com`,
        status: statuses[k % statuses.length],
        organization: k % 2 ? 'org-1' : 'org-2',
        ownedContent: k % 10 === 0 ? 3 : 0
      })
    );
  }
  return users;
}

/** A fresh database holding `users` (and, unless given, two organizations and one company), and an engine on it. */
export async function setup(hooks?: CommitHooks, users = workspace(), extra: { organizations?: Organization[]; companies?: { id: string; name: string }[]; nextUserId?: number; roles?: Role[] } = {}) {
  const dbName = `engine-test-${++n}`;
  const db = new MusterDB(dbName);
  await writeWorkspace(db, {
    users,
    roles: [...BUILT_IN_ROLES, ...(extra.roles ?? [])],
    organizations: extra.organizations ?? [
      { id: 'org-1', name: 'North' },
      { id: 'org-2', name: 'South' }
    ],
    companies: extra.companies ?? [{ id: 'co-1', name: 'Acme' }],
    settings: { plan: 'standard', today: '2026-11-22', invitationValidityDays: 14, actorId: 1, nextUserId: extra.nextUserId ?? 30002, demoSize: 0 }
  });
  db.close();
  const engine = createEngine({ dbName, hooks });
  engines.push(engine);
  await engine.open();
  return { engine, dbName };
}

/** Every table's full contents, read through a separate connection. */
export async function dump(dbName: string) {
  const db = new MusterDB(dbName);
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  db.close();
  return out;
}

export const everyone = { filter: {} };
