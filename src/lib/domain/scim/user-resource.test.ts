import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../../tests/factories';
import { USER_STATUSES } from '../user';
import { listResponseSchema, scimUserSchema } from './schemas';
import { CORE_USER, ENTERPRISE_USER, LIST_RESPONSE, type ScimNames } from './urns';
import { listResponse, toScimUser } from './user-resource';

const names: ScimNames = {
  organization: (id) => ({ 'org-1': 'EMEA Sales', 'org-2': 'Engineering' })[id]!,
  company: (id) => ({ 'co-1': 'Acme Ltd', 'co-2': 'Globex' })[id]!,
  role: (id) => ({ learner: 'Learner', instructor: 'Instructor', administrator: 'Administrator' })[id]!
};

const ada = makeUser({
  id: 42,
  email: 'ada.lovelace@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  title: 'Analyst',
  department: 'Research',
  organization: 'org-1',
  company: 'co-2',
  timeZone: 'Europe/London',
  roles: ['learner', 'instructor'],
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-02-03T04:05:06.000Z',
  version: 3
});

describe('a Muster user as a SCIM User resource', () => {
  it('has the RFC 7643 shape, checked by hand', () => {
    expect(toScimUser(ada, names)).toEqual({
      schemas: [CORE_USER, ENTERPRISE_USER],
      id: '42',
      userName: 'ada.lovelace@example.com',
      name: { givenName: 'Ada', familyName: 'Lovelace', formatted: 'Ada Lovelace' },
      displayName: 'Ada Lovelace',
      emails: [{ value: 'ada.lovelace@example.com', type: 'work', primary: true }],
      title: 'Analyst',
      timezone: 'Europe/London',
      active: true,
      roles: [{ value: 'Learner' }, { value: 'Instructor' }],
      [ENTERPRISE_USER]: { department: 'Research', organization: 'EMEA Sales', division: 'Globex' },
      meta: { resourceType: 'User', created: '2026-01-02T03:04:05.000Z', lastModified: '2026-02-03T04:05:06.000Z', version: 'W/"3"' }
    });
  });

  it('carries names, never the ids Muster keeps', () => {
    const json = JSON.stringify(toScimUser(ada, names));
    for (const id of ['org-1', 'co-2', '"learner"', '"instructor"']) expect(json).not.toContain(id);
  });

  it('leaves empty values out, and the extension with its URN when it would be empty', () => {
    const plain = toScimUser(makeUser({ title: '', department: '', organization: null, company: null }), names);
    expect(plain.schemas).toEqual([CORE_USER]);
    expect(plain).not.toHaveProperty('title');
    expect(plain).not.toHaveProperty([ENTERPRISE_USER]);
    expect(scimUserSchema.safeParse(plain).success).toBe(true);
  });

  it('is active only for active users', () => {
    for (const status of USER_STATUSES) expect(toScimUser(makeUser({ status }), names).active).toBe(status === 'active');
  });

  it('leaves id and meta out of a body to POST', () => {
    const body = toScimUser(ada, names, { withServerAttributes: false });
    expect(body).not.toHaveProperty('id');
    expect(body).not.toHaveProperty('meta');
  });

  it('never writes userType or externalId (see the mapping notes)', () => {
    const r = toScimUser(makeUser({ userType: 'directory' }), names);
    expect(r).not.toHaveProperty('userType');
    expect(r).not.toHaveProperty('externalId');
  });
});

describe('listResponse', () => {
  const users = [ada, makeUser({ status: 'inactive' }), makeUser({ status: 'invited', organization: 'org-2' })];
  const list = listResponse(users, names);

  it('is an RFC 7644 §3.4.2 ListResponse', () => {
    expect(list.schemas).toEqual([LIST_RESPONSE]);
    expect(list).toMatchObject({ totalResults: 3, startIndex: 1, itemsPerPage: 3 });
    expect(list.Resources.map((r) => r.id)).toEqual(users.map((u) => String(u.id)));
    expect(list.Resources.map((r) => r.active)).toEqual([true, false, false]);
  });

  it('passes the schemas written from the RFC, as JSON', () => {
    const parsed = JSON.parse(JSON.stringify(list));
    expect(listResponseSchema.safeParse(parsed).success).toBe(true);
    for (const r of parsed.Resources) {
      const check = scimUserSchema.safeParse(r);
      expect(check.success, JSON.stringify(check.error?.issues)).toBe(true);
      expect(r.id).toMatch(/^\d+$/);
      expect(r.meta.version).toMatch(/^W\/"\d+"$/);
    }
  });

  it('is a valid empty list for no users', () => {
    expect(listResponseSchema.safeParse(listResponse([], names)).success).toBe(true);
  });
});

describe('the schemas refuse what the RFC refuses', () => {
  it('a resource without the core User URN, or without userName, or with two primary emails', () => {
    const good = JSON.parse(JSON.stringify(toScimUser(ada, names)));
    expect(scimUserSchema.safeParse({ ...good, schemas: [ENTERPRISE_USER] }).success).toBe(false);
    expect(scimUserSchema.safeParse({ ...good, userName: undefined }).success).toBe(false);
    const twoPrimary = [...good.emails, { value: 'x@example.com', primary: true }];
    expect(scimUserSchema.safeParse({ ...good, emails: twoPrimary }).success).toBe(false);
    expect(scimUserSchema.safeParse({ ...good, active: 'yes' }).success).toBe(false);
  });

  it('a ListResponse with results but no Resources', () => {
    expect(listResponseSchema.safeParse({ schemas: [LIST_RESPONSE], totalResults: 2 }).success).toBe(false);
  });
});
