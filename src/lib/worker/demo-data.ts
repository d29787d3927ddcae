import { DEMO_PASSWORD_HASH } from './demo-password';
import type { Progress } from './jobs';
import { plural } from '../domain/format';
import { Faker, base, en } from '@faker-js/faker';
import { addDays } from '../domain/dates';
import type { Company, Organization } from '../domain/directory';
import { emailKey } from '../domain/email';
import { BUILT_IN_ROLES, type Role } from '../domain/roles';
import { FLAGGABLE_FIELDS, type User, type UserStatus } from '../domain/user';

/** Users generated between two progress messages. */
const PROGRESS_EVERY = 20_000;

const ORGANIZATIONS = [
  'North America Sales',
  'EMEA Sales',
  'APAC Sales',
  'Customer Success',
  'Engineering',
  'Product',
  'Finance',
  'People Operations',
  'Marketing',
  'Legal & Compliance',
  'Field Services',
  'Partner Network'
];

const TIME_ZONES: [string, number][] = [
  ['America/New_York', 18],
  ['America/Chicago', 9],
  ['America/Los_Angeles', 11],
  ['America/Sao_Paulo', 4],
  ['Europe/London', 12],
  ['Europe/Paris', 7],
  ['Europe/Berlin', 8],
  ['Africa/Johannesburg', 3],
  ['Asia/Kolkata', 8],
  ['Asia/Singapore', 5],
  ['Asia/Tokyo', 6],
  ['Australia/Sydney', 5],
  ['Pacific/Auckland', 2],
  ['America/Toronto', 2]
];

/** mulberry32: a tiny seeded generator, far faster than a faker call per field at 100k users. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
    weighted<T>(list: readonly [T, number][]): T {
      const total = list.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of list) if ((r -= w) < 0) return v;
      return list[list.length - 1][0];
    }
  };
}

function unique(make: () => string, count: number, limit = count * 20): string[] {
  const out = new Set<string>();
  for (let i = 0; out.size < count && i < limit; i++) out.add(make());
  return [...out];
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

const STATUS_WEIGHTS: [UserStatus, number][] = [
  ['active', 60],
  ['inactive', 10],
  ['profile_only', 10],
  ['invited', 8],
  ['expired', 5],
  ['deleted', 7]
];

/**
 * A realistic, deterministic workspace (SPEC §8): the same size, seed and day always give the same
 * users. Every status, type, role and flag appears from 1,000 users up.
 */
export function generateDemoWorkspace(options: { size: number; seed?: number; today: string; onProgress?: Progress }) {
  const { size, today, onProgress } = options;
  const seed = options.seed ?? 1;
  const faker = new Faker({ locale: [en, base], seed });
  const r = rng(seed * 7919 + 17);

  const firstNames = unique(() => faker.person.firstName(), 400);
  const lastNames = unique(() => faker.person.lastName(), 600);
  const titles = unique(() => faker.person.jobTitle(), 200);
  const departments = unique(() => faker.commerce.department(), 18);
  const companyNames = unique(() => faker.company.name(), 40);
  const welcomeMessages = ['Welcome to the team! Your training starts Monday.', 'Please activate your account before the kickoff.', ''];

  const organizations: Organization[] = ORGANIZATIONS.map((name, i) => ({ id: `org-${i + 1}`, name }));
  const companies: Company[] = companyNames.map((name, i) => ({ id: `co-${i + 1}`, name }));
  const domains = companies.map((c) => `${slug(c.name).slice(0, 18)}.example.com`);
  const orgIds = organizations.map((o) => o.id);
  const roles: Role[] = BUILT_IN_ROLES.map((role) => ({ ...role, permissions: [...role.permissions] }));

  const day = (offset: number) => addDays(today, offset);
  const instant = (offset: number) => `${day(offset)}T${String(r.int(7, 19)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00.000Z`;

  // Staff first: fixed ids so the acting administrator and account executives are stable.
  // A real directory has a handful of administrators whatever its size.
  const adminCount = Math.min(12, Math.max(3, Math.round(size * 0.002)));
  const opsCount = Math.min(40, Math.max(5, Math.round(size * 0.005)));
  const aeCount = Math.max(5, Math.round(size * 0.01));
  const aeIds: number[] = [];
  const seenEmails = new Set<string>();
  const users: User[] = [];

  for (let id = 1; id <= size; id++) {
    // Said while generating: a progress message leaves the worker at once, even mid-loop.
    if (id % PROGRESS_EVERY === 0) onProgress?.({ phase: `Generating ${plural(size, 'demo user')}`, done: id, total: size });
    const isAdmin = id <= adminCount;
    const isOps = !isAdmin && id <= adminCount + opsCount;
    const isAE = !isAdmin && !isOps && id <= adminCount + opsCount + aeCount;
    const staff = isAdmin || isOps || isAE;
    const firstName = id === 1 ? 'Avery' : r.pick(firstNames);
    const lastName = id === 1 ? 'Admin' : r.pick(lastNames);
    const companyIndex = r.int(0, companies.length - 1);
    let local = `${slug(firstName)}.${slug(lastName)}`;
    let email = `${local}@${domains[companyIndex]}`;
    for (let k = 2; seenEmails.has(emailKey(email)); k++) email = `${local}${k}@${domains[companyIndex]}`;
    seenEmails.add(emailKey(email));

    const userType = !staff && r.chance(0.15) ? 'directory' : 'regular';
    let status: UserStatus = staff ? 'active' : r.weighted(STATUS_WEIGHTS);
    if (userType === 'directory' && (status === 'invited' || status === 'expired')) status = 'active';

    let roles: string[] = ['learner'];
    let managed: string[] = [];
    let organization: string | null = r.chance(0.92) ? r.pick(orgIds) : null;
    if (isAdmin) {
      roles = ['administrator'];
      managed = id === 1 ? orgIds.slice(0, 4) : [r.pick(orgIds)];
      organization = managed[0];
    } else if (isOps) {
      roles = ['operations_manager'];
      // The last two Operations Managers manage nothing yet: the preview warns about such users.
      if (id <= adminCount + opsCount - 2) {
        const first = (id * 5) % orgIds.length;
        managed = orgIds.slice(first, first + r.int(1, 3));
        organization = managed[0];
      }
    } else if (isAE) {
      roles = ['account_executive'];
      aeIds.push(id);
    } else if (r.chance(0.08)) roles = r.chance(0.25) ? ['instructor', 'learner'] : ['instructor'];

    const signedIn = status === 'active' || status === 'inactive' || status === 'deleted';
    const created = -r.int(30, 900);
    const lastSignInAt = signedIn && (staff || r.chance(0.93)) ? instant(-r.int(0, Math.min(-created, 365))) : null;
    const invitation =
      status === 'invited'
        ? { sentAt: instant(-r.int(0, 13)), expiresAt: '', welcomeMessage: r.pick(welcomeMessages), timesSent: r.int(1, 3) }
        : status === 'expired'
          ? { sentAt: instant(-r.int(15, 120)), expiresAt: '', welcomeMessage: r.pick(welcomeMessages), timesSent: r.int(1, 3) }
          : null;
    if (invitation) invitation.expiresAt = addDays(invitation.sentAt.slice(0, 10), 14);

    const locked = !staff && signedIn && r.chance(0.02);
    const accessRoll = r.next();
    const accessExpiresAt = staff ? null : accessRoll < 0.08 ? day(-r.int(0, 200)) : accessRoll < 0.18 ? day(r.int(1, 365)) : null;
    const regularActive = userType === 'regular' && status === 'active';

    users.push({
      id,
      email,
      emailKey: emailKey(email),
      firstName,
      lastName,
      title: r.chance(0.85) ? r.pick(titles) : '',
      department: r.chance(0.8) ? r.pick(departments) : '',
      company: r.chance(0.9) ? companies[companyIndex].id : null,
      organization,
      accountExecutive: null,
      timeZone: r.weighted(TIME_ZONES),
      userType,
      status,
      invitation,
      accessExpiresAt,
      locked,
      failedSignIns: locked ? 5 : signedIn && r.chance(0.03) ? r.int(1, 4) : 0,
      twoFactor: signedIn ? (r.chance(0.04) ? 'reset' : r.chance(0.45) ? 'enrolled' : 'none') : 'none',
      forcePasswordChange: !staff && regularActive && r.chance(0.04),
      passwordHash: userType === 'regular' && signedIn ? DEMO_PASSWORD_HASH : null,
      roles,
      managedOrganizations: managed,
      flaggedFields: !staff && status !== 'deleted' && r.chance(0.03) ? FLAGGABLE_FIELDS.filter(() => r.chance(0.3)).slice(0, 3) : [],
      ownedContent: staff ? (isAdmin ? r.int(0, 10) : 0) : r.chance(0.06) ? r.int(1, 40) : 0,
      createdAt: instant(created),
      updatedAt: instant(created),
      lastSignInAt,
      version: 1
    });
  }
  // References to account executives need the staff to exist first.
  for (const u of users) {
    if (u.id > adminCount + opsCount + aeCount && r.chance(0.3)) u.accountExecutive = r.pick(aeIds);
    if (u.flaggedFields.length === 0 && !(u.id <= adminCount + opsCount + aeCount) && u.status !== 'deleted' && r.chance(0.005))
      u.flaggedFields = ['timeZone'];
  }
  return { users, organizations, companies, roles };
}
