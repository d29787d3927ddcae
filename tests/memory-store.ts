import { BUILT_IN_ROLES } from '../src/lib/domain/roles';
import type { User } from '../src/lib/domain/user';
import { Store } from '../src/lib/worker/store';
import { makeUser } from './factories';

/**
 * An engine store in memory, without IndexedDB: the acting administrator (id 1, of `actorRole`,
 * in and managing org-1), a transfer target (1000) and an account executive (1001), then `users`.
 * Organizations org-1…3 and companies co-1, co-2 exist.
 */
export function memoryStore(users: User[], actorRole: string, plan: 'standard' | 'enterprise' = 'standard'): Store {
  const store = new Store();
  store.settings = { plan, today: '2026-11-22', invitationValidityDays: 14, actorId: 1, nextUserId: 5000, demoSize: 0 };
  for (const r of BUILT_IN_ROLES) store.roles.set(r.id, r);
  for (const id of ['org-1', 'org-2', 'org-3']) store.organizations.set(id, { id, name: `Org ${id}` });
  for (const id of ['co-1', 'co-2']) store.companies.set(id, { id, name: `Company ${id}` });
  store.load([
    makeUser({ id: 1, email: 'actor@example.com', roles: [actorRole], managedOrganizations: ['org-1'], organization: 'org-1' }),
    makeUser({ id: 1000, email: 'target@example.com', organization: 'org-1' }),
    makeUser({ id: 1001, email: 'ae@example.com', roles: ['account_executive'], organization: 'org-1' }),
    ...users
  ]);
  return store;
}
