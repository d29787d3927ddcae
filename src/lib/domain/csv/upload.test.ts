import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDemoWorkspace } from '../../worker/demo-data';
import { byName, type ValidationContext } from './validate';
import { readUpload } from './read-upload';
import { exportUsers, templateCsv } from './export';
import { decodeCsvBytes } from './decode';

const ws = generateDemoWorkspace({ size: 300, today: '2026-11-22' });
const byKey = new Map(ws.users.map((u) => [u.emailKey, u]));
const byId = new Map(ws.users.map((u) => [u.id, u]));
const ctx: ValidationContext = {
  roleByName: byName(ws.roles),
  organizationByName: byName(ws.organizations),
  companyByName: byName(ws.companies),
  userByEmailKey: (k) => byKey.get(k),
  idLimit: Math.max(...ws.users.map((u) => u.id)) + 1
};
const names = {
  role: (id: string) => ws.roles.find((r) => r.id === id)!.name,
  organization: (id: string) => ws.organizations.find((o) => o.id === id)!.name,
  company: (id: string) => ws.companies.find((c) => c.id === id)!.name,
  emailOf: (id: number) => byId.get(id)!.email
};

function upload(csv: string) {
  const decoded = decodeCsvBytes(new TextEncoder().encode(csv));
  if (!decoded.ok) throw new Error(decoded.error);
  const read = readUpload(decoded.text, ',', undefined, ctx);
  if (!read.ok) throw new Error(read.error);
  return { ...read, errors: read.diff.errors, invalidRows: read.diff.invalidRows };
}

describe('CSV upload, from text to diff', () => {
  it('an unchanged export uploads back as all unchanged (or deleted), whatever users are chosen', () => {
    fc.assert(
      fc.property(fc.subarray(ws.users, { minLength: 1, maxLength: 40 }), (users) => {
        const r = upload(exportUsers(users, names));
        expect(r.errors).toEqual([]);
        expect(r.diff.updated).toEqual([]);
        expect(r.diff.created).toEqual([]);
        expect(r.diff.unchanged.rows.length + r.diff.deleted.length).toBe(users.length);
      }),
      { numRuns: 30 }
    );
  });

  it('round-trips titles that look like formulas or carry quotes and line breaks', () => {
    const title = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', 'a', ' ', '"', ',', '\n', "'"), maxLength: 12 }).map((t) => t.trim()).filter((t) => t.length > 0);
    fc.assert(
      fc.property(fc.subarray(ws.users.filter((u) => u.status !== 'deleted'), { minLength: 1, maxLength: 10 }), fc.array(title, { minLength: 10, maxLength: 10 }), (users, titles) => {
        const edited = users.map((u, i) => ({ ...u, title: titles[i] }));
        for (const u of edited) byKey.set(u.emailKey, u);
        try {
          const r = upload(exportUsers(edited, names));
          expect(r.errors).toEqual([]);
          expect(r.diff.updated).toEqual([]);
        } finally {
          for (const u of users) byKey.set(u.emailKey, u);
        }
      }),
      { numRuns: 50 }
    );
  });

  it('sorts rows into new, updated (field by field), unchanged, invalid and deleted', () => {
    const active = ws.users.filter((u) => u.status === 'active' && u.userType === 'regular');
    const deleted = ws.users.find((u) => u.status === 'deleted')!;
    const [a, b] = active;
    const csv = [
      'Email,First Name,Last Name,Time Zone,Title',
      `new.person@example.com,New,Person,Asia/Tokyo,Chef`,
      `${a.email.toUpperCase()},${a.firstName},${a.lastName},Asia/Tokyo,`,
      `${b.email},,,${b.timeZone},${b.title}`,
      `not-an-email,X,Y,,`,
      `NEW.PERSON@example.com ,Dup,Row,,`,
      `${deleted.email},,,,`,
      `someone@example.com,Only,Name,Mars/Base,`
    ].join('\r\n');
    const r = upload(csv);
    expect(r.diff.created.map((x) => x.email)).toEqual(['new.person@example.com']);
    expect(r.diff.updated).toHaveLength(a.timeZone === 'Asia/Tokyo' ? 0 : 1);
    if (a.timeZone !== 'Asia/Tokyo') expect(r.diff.updated[0].changes).toEqual([{ field: 'timeZone', before: a.timeZone, after: 'Asia/Tokyo' }]);
    expect(r.diff.unchanged.rows[r.diff.unchanged.users.indexOf(b)]).toBe(4);
    expect(r.diff.deleted.map((x) => x.user.id)).toEqual([deleted.id]);
    expect(r.errors).toEqual([
      { row: 5, column: 'email', value: 'not-an-email', message: 'is not a valid email address' },
      { row: 6, column: 'email', value: 'NEW.PERSON@example.com', message: 'duplicates row 2 (emails match ignoring case and spaces)' },
      { row: 8, column: 'time_zone', value: 'Mars/Base', message: '“Mars/Base” is not a time zone (use an IANA name such as Europe/London)' }
    ]);
    expect(r.invalidRows).toBe(3);
  });

  it('requires names for new users and refuses unknown references, with row and column', () => {
    const r = upload('email,company,roles,access_expires\r\nfresh@example.com,Nowhere Inc,Wizard,tomorrow\r\nfresh2@example.com,,,\r\n');
    expect(r.errors.map((e) => [e.row, e.column, e.message.replace(/^“.*” /, '')])).toEqual([
      [2, 'company', 'is not a known company'],
      [2, 'roles', 'unknown role: Wizard'],
      [2, 'access_expires', 'must be a date as YYYY-MM-DD, or “never”'],
      [3, 'first_name', 'is required for a new user'],
      [3, 'last_name', 'is required for a new user']
    ]);
    expect(r.invalidRows).toBe(2);
  });

  it('the template parses and validates cleanly', () => {
    const r = upload(templateCsv({ company: ws.companies[0].name, organization: ws.organizations[0].name }));
    expect(r.mappingError).toBeNull();
    expect(r.errors).toEqual([]);
    expect(r.diff.created).toHaveLength(2);
  });
});
