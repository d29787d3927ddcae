import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoContext } from '../../../../tests/demo-context';
import { RowChecker } from '../csv/check-rows';
import { COLUMNS, mapColumns } from '../csv/columns';
import { exportCells } from '../csv/export';
import { readListResponse, SCIM_ACTIVE_COLUMN, SCIM_UPLOAD_HEADERS } from './read-list-response';
import { CORE_USER, LIST_RESPONSE } from './urns';
import { listResponse, toScimUser } from './user-resource';

const fixture = fs.readFileSync(path.resolve(__dirname, '../../../../tests/fixtures/scim-list-response.json'), 'utf8');

const { ws, ctx, names } = demoContext();

function read(text: string) {
  const r = readListResponse(text);
  if (!r.ok) throw new Error(r.error);
  return r;
}
const error = (text: string) => {
  const r = readListResponse(text);
  if (r.ok) throw new Error('expected a failure');
  return r;
};

describe('reading a SCIM ListResponse', () => {
  it('reads the fixture into Muster’s own upload headers', () => {
    const r = read(fixture);
    expect(r.headers).toEqual(SCIM_UPLOAD_HEADERS);
    expect(r.records).toHaveLength(5);
    expect(r.warning).toBeNull();
    const row = (i: number) => Object.fromEntries(r.headers.map((h, j) => [h, r.records[i][j]]));
    expect(row(0)).toEqual({
      email: 'amara.okafor@example.com',
      first_name: 'Amara',
      last_name: 'Okafor',
      title: 'Account Manager',
      department: 'Key Accounts',
      company: '',
      organization: 'EMEA Sales',
      time_zone: 'Europe/London',
      roles: 'Learner',
      [SCIM_ACTIVE_COLUMN]: 'true'
    });
    expect(row(1).roles).toBe('Learner; Instructor');
    expect(row(2)).toMatchObject({ title: '', department: '', organization: '' });
    expect(r.records.map((rec) => rec.at(-1))).toEqual(['true', 'true', 'true', 'false', 'true']);
  });

  it('gives headers the upload maps on its own, all but the state column', () => {
    const m = mapColumns(read(fixture).headers);
    expect(m.error).toBeNull();
    expect(m.unknown.map((u) => u.header)).toEqual([SCIM_ACTIVE_COLUMN]);
    expect(m.readOnly).toEqual([]);
  });

  it('picks the primary email, else the first work one, else the first, else userName', () => {
    const user = (emails: unknown, userName = 'login') => JSON.stringify({ schemas: [CORE_USER], userName, emails });
    expect(read(user([{ value: 'a@example.com' }, { value: 'b@example.com', primary: true }])).records[0][0]).toBe('b@example.com');
    expect(read(user([{ value: 'h@example.com', type: 'home' }, { value: 'w@example.com', type: 'Work' }])).records[0][0]).toBe('w@example.com');
    expect(read(user([{ value: 'a@example.com', type: 'home' }])).records[0][0]).toBe('a@example.com');
    expect(read(user(undefined, 'u@example.com')).records[0][0]).toBe('u@example.com');
  });

  it('accepts a bare array of Users and a single User', () => {
    const list = JSON.parse(fixture);
    expect(read(JSON.stringify(list.Resources)).records).toHaveLength(5);
    expect(read(JSON.stringify(list.Resources[3])).records).toEqual([read(fixture).records[3]]);
  });

  it('warns when the file is one page of a longer result', () => {
    const list = { ...JSON.parse(fixture), totalResults: 12 };
    expect(read(JSON.stringify(list)).warning).toBe('This file holds 5 of 12 users: one page of the directory’s results.');
  });
});

describe('errors say where', () => {
  it('invalid JSON: line, column and position', () => {
    const r = error('{\n  "schemas": ["x"],\n  "totalResults": ,\n}');
    expect(r).toMatchObject({ line: 3, column: 19 });
    expect(r.error).toBe('The file is not valid JSON: line 3, column 19 (position 40): expected a value, found “,”.');
    expect(error('{"a": "b').error).toContain('unterminated string, but the text ends');
  });

  it('a wrong or missing schemas URN', () => {
    expect(error(JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'] })).error).toBe(
      `schemas is ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"]: expected “${LIST_RESPONSE}” (a ListResponse, as GET /Users returns) or “${CORE_USER}” (one User).`
    );
    expect(error('{"Resources": []}').error).toMatch(/^schemas is missing: expected/);
    expect(error('"users"').error).toMatch(/expected an object or an array/);
  });

  it('a resource by its index and attribute', () => {
    const list = JSON.parse(fixture);
    list.Resources[3].emails = [{ type: 'work' }];
    list.Resources[3].userName = 'dmartinez';
    list.Resources[1].active = 'yes';
    delete list.Resources[2].userName;
    list.Resources[4].schemas = ['urn:ietf:params:scim:schemas:core:2.0:Group'];
    const r = error(JSON.stringify(list));
    expect(r.problems).toEqual([
      'Resources[1].active: Invalid input: expected boolean, received string',
      'Resources[2].userName: Invalid input: expected string, received undefined',
      'Resources[3].emails: no primary or first email value',
      `Resources[4].schemas: must include ${CORE_USER}`
    ]);
  });

  it('a user with no email at all, and a list with no users', () => {
    expect(error(JSON.stringify([{ schemas: [CORE_USER], userName: 'jdoe' }])).error).toBe('[0]: no email address (no emails, and userName is not an email)');
    expect(error(JSON.stringify({ schemas: [LIST_RESPONSE], totalResults: 0 })).error).toBe('The file holds no users.');
    expect(error('  ').error).toBe('The file is empty.');
  });
});

describe('Muster → SCIM ListResponse → Muster', () => {
  it('gives back the cells Muster’s own CSV export holds, whatever users are chosen', () => {
    fc.assert(
      fc.property(fc.subarray(ws.users, { minLength: 1, maxLength: 30 }), (users) => {
        const r = read(JSON.stringify(listResponse(users, names)));
        users.forEach((u, i) => {
          const csv = exportCells(u, names);
          r.headers.forEach((h, j) => {
            const expected = h === SCIM_ACTIVE_COLUMN ? String(u.status === 'active') : csv[COLUMNS.findIndex((c) => c.header === h)];
            expect(r.records[i][j], `${u.email} ${h}`).toBe(expected);
          });
        });
      }),
      { numRuns: 30 }
    );
  });

  it('uploads back as all unchanged through the upload’s own row checker', () => {
    const users = ws.users.filter((u) => u.status !== 'deleted');
    const r = read(JSON.stringify(listResponse(users, names)));
    const { columns } = mapColumns(r.headers);
    const checker = new RowChecker(columns, ctx, r.headers);
    r.records.forEach((cells, i) => checker.add(cells, i + 2));
    expect(checker.diff.errors).toEqual([]);
    expect(checker.diff.updated).toEqual([]);
    expect(checker.diff.unchanged.rows).toHaveLength(users.length);
  });

  it('reads a POST body (no id, no meta) as well', () => {
    const u = ws.users[0];
    expect(read(JSON.stringify(toScimUser(u, names, { withServerAttributes: false }))).records[0][0]).toBe(u.email);
  });
});
