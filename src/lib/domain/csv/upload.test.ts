import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoContext } from '../../../../tests/demo-context';
import { csvRecords, readUpload } from './read-upload';
import { exportUsers, templateCsv } from './export';
import { decodeCsvBytes } from './decode';
import { parseCsv } from './parse';
import { csvDocument } from './sanitize';

const { ws, ctx, names, byKey } = demoContext();

function upload(csv: string) {
  const decoded = decodeCsvBytes(new TextEncoder().encode(csv));
  if (!decoded.ok) throw new Error(decoded.error);
  const read = readUpload(csvRecords(decoded.text, ','), undefined, ctx);
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

  it('refuses a row with too few cells like one with too many: row, counts and the missing columns; nothing applied', () => {
    const active = ws.users.filter((u) => u.status === 'active' && u.userType === 'regular');
    const [a, b] = active;
    const zone = a.timeZone === 'Asia/Tokyo' ? 'Europe/Paris' : 'Asia/Tokyo';
    const csv = [
      'Email,First Name,Last Name,Time Zone,Title',
      'new.person@example.com,New,Person,Asia/Tokyo,Chef',
      'short.person@example.com,Short,Person',
      `${a.email},,,${zone}`,
      'long.person@example.com,Long,Person,Asia/Tokyo,Chef,extra',
      `${b.email},${b.firstName},${b.lastName},${b.timeZone},${b.title}`,
      'tiny@example.com',
      'short.person@example.com,Short,Person,,',
      '',
      ''
    ].join('\r\n');
    const r = upload(csv);
    expect(r.rows).toBe(7);
    expect(r.errors).toEqual([
      { row: 3, column: '(row)', value: '', message: 'has 3 cells but the header has 5 columns (missing: Time Zone, Title)' },
      { row: 4, column: '(row)', value: '', message: 'has 4 cells but the header has 5 columns (missing: Title)' },
      { row: 5, column: '(row)', value: '', message: 'has 6 cells but the header has 5 columns' },
      { row: 7, column: '(row)', value: '', message: 'has 1 cell but the header has 5 columns (missing: First Name, Last Name, Time Zone, Title)' },
      // A refused row still holds its email: a later row with the same one is a duplicate.
      { row: 8, column: 'email', value: 'short.person@example.com', message: 'duplicates row 3 (emails match ignoring case and spaces)' }
    ]);
    expect(r.invalidRows).toBe(5);
    expect(r.diff.created.map((x) => x.row)).toEqual([2]);
    expect(r.diff.updated).toEqual([]);
    expect(r.diff.unchanged.rows).toEqual([6]);
  });

  it('names a short row’s missing email column once (no second “email is required”), and counts columns past the first few', () => {
    const r = upload('First Name,Last Name,Time Zone,Email\nAnn,Lee\n,,,\n\n');
    expect(r.errors).toEqual([
      { row: 2, column: '(row)', value: '', message: 'has 2 cells but the header has 4 columns (missing: Time Zone, Email)' },
      { row: 3, column: 'email', value: '', message: 'is required' }
    ]);
    expect(r.invalidRows).toBe(2);
    const wide = upload('Email,First Name,Last Name,Title,Department,Company,Organization,Time Zone\nann@example.com,Ann\n');
    expect(wide.errors).toEqual([
      { row: 2, column: '(row)', value: '', message: 'has 2 cells but the header has 8 columns (missing: Last Name, Title, Department, Company and 2 more)' }
    ]);
    expect(wide.diff.created).toEqual([]);
  });

  it('any row cut short is invalid and only that row; blank lines are still ignored', () => {
    const columns = exportUsers([], names).split('\r\n')[0].split(',').length;
    fc.assert(
      fc.property(
        fc.subarray(ws.users, { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: columns - 1 }), { minLength: 20, maxLength: 20 }),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        fc.constantFrom('', '\r\n', '\r\n\r\n', '\n\n\n'),
        (users, keep, cut, trailing) => {
          const parsed = parseCsv(exportUsers(users, names), ',');
          if (!parsed.ok) throw new Error(parsed.error);
          const [header, ...rows] = parsed.rows.map((x) => x.cells);
          const cells = rows.map((c, i) => (cut[i] ? c.slice(0, keep[i]) : c));
          const r = upload(csvDocument(header, cells) + trailing);
          const shortRows = cells.flatMap((c, i) => (cut[i] ? [i + 2] : []));
          expect(r.rows).toBe(users.length);
          expect(r.invalidRows).toBe(shortRows.length);
          expect(r.errors.map((e) => e.row)).toEqual(shortRows);
          for (const e of r.errors) {
            expect(e.column).toBe('(row)');
            expect(e.message).toMatch(new RegExp(`^has ${cells[e.row - 2].length} cells? but the header has ${columns} columns \\(missing: .+\\)$`));
          }
          expect(r.diff.created).toEqual([]);
          expect(r.diff.updated).toEqual([]);
          expect(r.diff.unchanged.rows.length + r.diff.deleted.length).toBe(users.length - shortRows.length);
        }
      ),
      { numRuns: 30 }
    );
  });

  it('each row reads as it would alone, whatever texts other rows repeat in the same or other columns', () => {
    const parsed = parseCsv(exportUsers(ws.users.slice(0, 60), names), ',');
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, ...rows] = parsed.rows.map((x) => x.cells);
    const at = (h: string) => header.indexOf(h);
    const columns = ['company', 'organization', 'roles', 'account_executive', 'time_zone', 'title', 'first_name', 'access_expires', 'user_type'].map(at);
    const ae = ws.users.find((u) => u.roles.includes('account_executive'))!;
    const texts = [
      ...ws.organizations.slice(0, 3).map((o) => o.name),
      ...ws.companies.slice(0, 3).map((c) => c.name),
      'Nope Inc', 'Learner', 'learner;Instructor', 'Instructor | learner', 'Wizard', ae.email, ae.email.toUpperCase(), ws.users[5].email,
      'Europe/London', 'Mars/Base', 'UTC', 'never', '2027-01-31', '31/01/2027', 'regular', 'directory', 'Ada', ''
    ];
    // Each row read alone, in a file of its own: what it says, errors and changes, in words.
    const summary = (r: ReturnType<typeof upload>, row: number, as: number) => ({
      errors: r.errors.filter((e) => e.row === row).map((e) => [e.column, e.value, e.message]),
      changes: r.diff.updated.find((u) => u.row === row)?.changes ?? null,
      unchanged: r.diff.unchanged.rows.includes(row),
      deleted: r.diff.deleted.some((d) => d.row.row === row),
      as
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(rows.length - 1), fc.constantFrom(...columns), fc.constantFrom(...texts)), { maxLength: 80 }), (edits) => {
        const cells = rows.map((r) => [...r]);
        for (const [row, column, text] of edits) cells[row][column] = text;
        const whole = upload(csvDocument(header, cells));
        cells.forEach((c, i) => {
          const alone = upload(csvDocument(header, [c]));
          expect(summary(whole, i + 2, i)).toEqual(summary(alone, 2, i));
        });
      }),
      { numRuns: 25 }
    );
  });

  it('the template parses and validates cleanly', () => {
    const r = upload(templateCsv({ company: ws.companies[0].name, organization: ws.organizations[0].name }));
    expect(r.mappingError).toBeNull();
    expect(r.errors).toEqual([]);
    expect(r.diff.created).toHaveLength(2);
  });
});
