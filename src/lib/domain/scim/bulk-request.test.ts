import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../../tests/factories';
import { applyPatch, patchChanges } from '../changes';
import { userChange, type UserChange } from '../operations';
import { TRACKED_FIELDS, type User, type UserPatch } from '../user';
import { bulkRequest } from './bulk-request';
import { MUSTER_ONLY_FIELDS, SCIM_FIELDS } from './patch-operations';
import { bulkRequestSchema } from './schemas';
import { BULK_REQUEST, CORE_USER, ENTERPRISE_USER, PATCH_OP, type ScimNames } from './urns';

const names: ScimNames = {
  organization: (id) => ({ 'org-1': 'EMEA Sales', 'org-2': 'Engineering' })[id]!,
  company: (id) => ({ 'co-1': 'Acme Ltd', 'co-2': 'Globex' })[id]!,
  role: (id) => ({ learner: 'Learner', instructor: 'Instructor' })[id]!
};
const NOW = '2026-11-22T10:00:00.000Z';

/** The change-log entry the engine records for a patch. */
function changed(user: User, patch: UserPatch): UserChange {
  return userChange(user, applyPatch(user, patch, NOW), patchChanges(user, patch));
}

const ada = makeUser({ id: 1, firstName: 'Ada', lastName: 'Lovelace', title: '', department: 'Sales', organization: 'org-1', company: null });
const alan = makeUser({ id: 2, email: 'alan@example.com', firstName: 'Alan', lastName: 'Turing' });
const grace = makeUser({ id: 3 });
const newcomer = makeUser({ id: 4, email: 'new@example.com', firstName: 'New', lastName: 'Comer', organization: 'org-2', roles: ['instructor'] });
const leaver = makeUser({ id: 5 });
const invitee = makeUser({ id: 6, status: 'invited' });

const log: UserChange[] = [
  changed(ada, { title: 'Engineer', department: '', organization: 'org-2', company: 'co-1', status: 'inactive', roles: ['learner', 'instructor'], failedSignIns: 2 }),
  changed(alan, { firstName: 'Alan M.', email: 'alan.turing@example.com' }),
  changed(grace, { locked: true, passwordHash: 'x' }),
  userChange(newcomer, newcomer, [], { kind: 'created', user: newcomer }),
  userChange(leaver, null, [], { kind: 'removed', user: leaver }),
  changed(invitee, { status: 'expired' })
];
const request = bulkRequest({ id: 77 }, log, names);

describe('a change report as a SCIM BulkRequest', () => {
  it('passes the BulkRequest and PatchOp schemas written from RFC 7644 §3.5.2 and §3.7', () => {
    const check = bulkRequestSchema.safeParse(JSON.parse(JSON.stringify(request)));
    expect(check.success, JSON.stringify(check.error?.issues)).toBe(true);
  });

  it('names the BulkRequest URN and stops at the first error', () => {
    expect(request.schemas).toEqual([BULK_REQUEST]);
    expect(request.failOnErrors).toBe(1);
  });

  it('has one operation per user with a SCIM-visible change, in report order', () => {
    expect(request.Operations.map((o) => [o.method, o.path])).toEqual([
      ['PATCH', '/Users/1'],
      ['PATCH', '/Users/2'],
      ['POST', '/Users'],
      ['DELETE', '/Users/5']
    ]);
  });

  it('patches each changed field by its SCIM path, with names for values', () => {
    const patch = request.Operations[0];
    if (patch.method !== 'PATCH') throw new Error('expected PATCH');
    expect(patch.data.schemas).toEqual([PATCH_OP]);
    expect(patch.data.Operations).toEqual([
      { op: 'add', path: 'title', value: 'Engineer' },
      { op: 'remove', path: `${ENTERPRISE_USER}:department` },
      { op: 'add', path: `${ENTERPRISE_USER}:division`, value: 'Acme Ltd' },
      { op: 'replace', path: `${ENTERPRISE_USER}:organization`, value: 'Engineering' },
      { op: 'replace', path: 'active', value: false },
      { op: 'replace', path: 'roles', value: [{ value: 'Learner' }, { value: 'Instructor' }] }
    ]);
  });

  it('keeps userName, emails, the name parts and the display name together', () => {
    const patch = request.Operations[1];
    if (patch.method !== 'PATCH') throw new Error('expected PATCH');
    expect(patch.data.Operations).toEqual([
      { op: 'replace', path: 'userName', value: 'alan.turing@example.com' },
      { op: 'replace', path: 'emails', value: [{ value: 'alan.turing@example.com', type: 'work', primary: true }] },
      { op: 'replace', path: 'name.givenName', value: 'Alan M.' },
      { op: 'replace', path: 'displayName', value: 'Alan M. Turing' },
      { op: 'replace', path: 'name.formatted', value: 'Alan M. Turing' }
    ]);
  });

  it('derives the new display name when only the last name changes', () => {
    const r = bulkRequest({ id: 1 }, [changed(alan, { lastName: 'Mathison Turing' })], names);
    const ops = r.Operations[0].method === 'PATCH' ? r.Operations[0].data.Operations : [];
    expect(ops).toContainEqual({ op: 'replace', path: 'displayName', value: 'Alan Mathison Turing' });
  });

  it('POSTs a created user in full, without server attributes, under a unique bulkId', () => {
    const post = request.Operations[2];
    if (post.method !== 'POST') throw new Error('expected POST');
    expect(post.bulkId).toBe('op77-user4');
    expect(post.data.schemas).toEqual([CORE_USER, ENTERPRISE_USER]);
    expect(post.data).toMatchObject({ userName: 'new@example.com', roles: [{ value: 'Instructor' }], [ENTERPRISE_USER]: { organization: 'Engineering' } });
    expect(post.data).not.toHaveProperty('id');
    expect(post.data).not.toHaveProperty('meta');
  });

  it('DELETEs a removed user, with no data', () => {
    expect(request.Operations[3]).toEqual({ method: 'DELETE', path: '/Users/5' });
  });

  it('is an empty list of operations when nothing SCIM carries changed', () => {
    const r = bulkRequest({ id: 1 }, [log[2], log[5]], names);
    expect(r.Operations).toEqual([]);
    expect(bulkRequestSchema.safeParse(r).success).toBe(true);
  });
});

describe('the field lists', () => {
  it('sort every tracked field into SCIM or Muster-only, once', () => {
    const all: string[] = [...SCIM_FIELDS, ...MUSTER_ONLY_FIELDS];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...TRACKED_FIELDS].sort());
  });
});

describe('the BulkRequest schema refuses what RFC 7644 refuses', () => {
  const base = { schemas: [BULK_REQUEST], failOnErrors: 1 };
  const bad = (Operations: unknown[], extra: object = {}) => bulkRequestSchema.safeParse({ ...base, ...extra, Operations }).success;
  it.each([
    ['a POST without bulkId', [{ method: 'POST', path: '/Users', data: { schemas: [CORE_USER], userName: 'a@example.com' } }]],
    ['a POST to one resource', [{ method: 'POST', path: '/Users/1', bulkId: 'x', data: { schemas: [CORE_USER], userName: 'a' } }]],
    ['a PATCH without data', [{ method: 'PATCH', path: '/Users/1' }]],
    ['a PATCH remove without path', [{ method: 'PATCH', path: '/Users/1', data: { schemas: [PATCH_OP], Operations: [{ op: 'remove' }] } }]],
    ['a PATCH replace without value', [{ method: 'PATCH', path: '/Users/1', data: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title' }] } }]],
    ['a PATCH op that is not add, remove or replace', [{ method: 'PATCH', path: '/Users/1', data: { schemas: [PATCH_OP], Operations: [{ op: 'move', path: 'title', value: 'x' }] } }]],
    ['a DELETE with data', [{ method: 'DELETE', path: '/Users/1', data: {} }]],
    ['two operations with one bulkId', [
      { method: 'POST', path: '/Users', bulkId: 'x', data: { schemas: [CORE_USER], userName: 'a' } },
      { method: 'POST', path: '/Users', bulkId: 'x', data: { schemas: [CORE_USER], userName: 'b' } }
    ]]
  ])('%s', (_name, ops) => expect(bad(ops)).toBe(false));

  it('the wrong message URN', () => {
    expect(bad([], { schemas: [PATCH_OP] })).toBe(false);
  });
});
