import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../worker/demo-data';
import { decodeCsvBytes } from '../csv/decode';
import { parseCsv } from '../csv/parse';
import type { User } from '../user';
import { detectFileDelimiter } from './header-text';
import { recogniseHeader } from './recognise';
import { writeEntraUsers } from './write-entra';
import { writeGoogleUsers } from './write-google';
import { writeOktaUsers } from './write-okta';

const ws = generateDemoWorkspace({ size: 120, today: '2026-11-22' });
const names = {
  role: (id: string) => ws.roles.find((r) => r.id === id)!.name,
  organization: (id: string) => ws.organizations.find((o) => o.id === id)!.name,
  company: (id: string) => ws.companies.find((c) => c.id === id)!.name
};
const WRITERS = [
  { name: 'Google Workspace update file', write: writeGoogleUsers },
  { name: 'Entra ID bulk create file', write: writeEntraUsers },
  { name: 'Okta import file', write: writeOktaUsers }
];

function readBack(text: string) {
  const decoded = decodeCsvBytes(new TextEncoder().encode(text));
  if (!decoded.ok) throw new Error(decoded.error);
  const parsed = parseCsv(decoded.text, detectFileDelimiter(decoded.text));
  if (!parsed.ok) throw new Error(parsed.error);
  const records = parsed.rows.map((r) => r.cells);
  const header = recogniseHeader(records.slice(0, 2));
  return { header, records, rows: records.slice(header.headerIndex + 1) };
}

describe.each(WRITERS)('$name', ({ write }) => {
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const [u] = ws.users.filter((x) => x.status === 'active' && x.organization);
    const evil: User = { ...u, firstName: '=1+2', lastName: '+SUM(A1:A9)', title: '-2', department: '@cmd', timeZone: u.timeZone };
    const risky = { ...names, organization: () => '=HYPERLINK("http://x")' };
    const text = write([evil], risky);
    const { records } = readBack(text);
    for (const cell of records.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r\n]/);
    expect(text).toContain("'=1+2");
    expect(text).toContain("'-2");
  });
});

describe('the Entra ID bulk create file', () => {
  it('starts with its version line, then the template’s header', () => {
    const text = writeEntraUsers(ws.users.slice(0, 2), names);
    expect(text.startsWith('\uFEFFversion:v1.0\r\nName [displayName] Required,User name [userPrincipalName] Required,')).toBe(true);
  });

  it('blocks sign-in for everyone but active users, and leaves the password blank', () => {
    const pick = (s: User['status']) => ws.users.find((u) => u.status === s)!;
    const text = readBack(writeEntraUsers([pick('active'), pick('inactive'), pick('invited')], names));
    const block = text.header.headers.indexOf('Block sign in (Yes/No) [accountEnabled] Required');
    const password = text.header.headers.indexOf('Initial password [passwordProfile] Required');
    expect(text.rows.map((r) => r[block])).toEqual(['No', 'Yes', 'Yes']);
    expect(text.rows.map((r) => r[password])).toEqual(['', '', '']);
  });
});

describe('the Google Workspace update file', () => {
  it('writes status, forced password change and the organization as Google spells them', () => {
    const active = ws.users.find((u) => u.status === 'active' && u.organization && u.userType === 'regular')!;
    const inactive = ws.users.find((u) => u.status === 'inactive' && !u.organization) ?? { ...ws.users.find((u) => u.status === 'inactive')!, organization: null };
    const text = readBack(writeGoogleUsers([{ ...active, forcePasswordChange: true }, inactive], names));
    const col = (h: string) => text.header.headers.indexOf(h);
    expect(text.rows.map((r) => r[col('New Status [UPLOAD ONLY]')])).toEqual(['Active', 'Suspended']);
    expect(text.rows.map((r) => r[col('Change Password at Next Sign-In')])).toEqual(['TRUE', inactive.forcePasswordChange ? 'TRUE' : 'FALSE']);
    expect(text.rows.map((r) => r[col('Org Unit Path [Required]')])).toEqual([`/${names.organization(active.organization!)}`, '/']);
    expect(text.rows.map((r) => r[col('Password [Required]')])).toEqual(['', '']);
    expect(text.header.headers.some((h) => /READ ONLY/.test(h))).toBe(false);
  });
});
