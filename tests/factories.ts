import type { ActionContext } from '../src/lib/domain/actions/types';
import { emailKey } from '../src/lib/domain/email';
import { BUILT_IN_ROLES, rolesById } from '../src/lib/domain/roles';
import type { User } from '../src/lib/domain/user';

let nextId = 1000;

/** A schema-valid user: regular, active learner without flags, unless overridden. */
export function makeUser(overrides: Partial<User> = {}): User {
  const id = overrides.id ?? nextId++;
  const email = overrides.email ?? `user${id}@example.com`;
  const status = overrides.status ?? 'active';
  const invited = status === 'invited' || status === 'expired';
  const invitation =
    overrides.invitation !== undefined && (overrides.invitation !== null || !invited)
      ? overrides.invitation
      : invited
        ? {
            sentAt: '2026-11-01T10:00:00.000Z',
            expiresAt: status === 'invited' ? '2026-12-01' : '2026-11-15',
            welcomeMessage: '',
            timesSent: 1
          }
        : null;
  return {
    id,
    email,
    emailKey: emailKey(email),
    firstName: 'Test',
    lastName: `User ${id}`,
    title: '',
    department: '',
    company: null,
    organization: null,
    accountExecutive: null,
    timeZone: 'Europe/London',
    userType: 'regular',
    accessExpiresAt: null,
    locked: false,
    failedSignIns: 0,
    twoFactor: 'none',
    forcePasswordChange: false,
    passwordHash: status === 'active' || status === 'inactive' ? 'demo' : null,
    roles: ['learner'],
    managedOrganizations: [],
    flaggedFields: [],
    ownedContent: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    lastSignInAt: null,
    version: 1,
    ...overrides,
    status,
    invitation,
    ...(overrides.email ? { emailKey: emailKey(overrides.email) } : {})
  };
}

/** An action context over the given users, as the engine would build it. */
export function makeContext(users: User[], overrides: Partial<ActionContext> = {}): ActionContext {
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    today: '2026-11-22',
    now: '2026-11-22T10:00:00.000Z',
    invitationValidityDays: 14,
    roles: rolesById(BUILT_IN_ROLES),
    organizations: new Map(['org-1', 'org-2', 'org-3'].map((id, i) => [id, { name: `Organization ${i + 1}` }])),
    companies: new Map(['co-1', 'co-2', 'co-3'].map((id, i) => [id, { name: `Company ${i + 1}` }])),
    userById: (id) => byId.get(id),
    actorId: 1,
    ...overrides
  };
}
