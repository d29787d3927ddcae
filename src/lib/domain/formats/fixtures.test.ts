import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { decodeCsvBytes } from '../csv/decode';
import { parseCsv } from '../csv/parse';
import { detectFileDelimiter } from './header-text';
import { recogniseHeader } from './recognise';
import { musterCells, rowStates } from './rows';
import type { ColumnRead, FormatId, Purpose, RecognisedHeader } from './types';

const fixture = (name: string): string[][] => {
  const decoded = decodeCsvBytes(new Uint8Array(fs.readFileSync(path.join(__dirname, '../../../../tests/fixtures', name))));
  if (!decoded.ok) throw new Error(decoded.error);
  const parsed = parseCsv(decoded.text, detectFileDelimiter(decoded.text));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows.map((r) => r.cells);
};

/** Header → Muster header or state column; every other column must be ignored with a reason. */
type Expected = { file: string; format: FormatId; label: string; purpose: Purpose; headerIndex: number; read: Record<string, string> };

const GOOGLE_READ = {
  'First Name [Required]': 'first_name',
  'Last Name [Required]': 'last_name',
  'Email Address [Required]': 'email',
  'Org Unit Path [Required]': 'organization',
  'Employee Title': 'title',
  Department: 'department',
  'Change Password at Next Sign-In': 'state:google-change-password',
  'New Status [UPLOAD ONLY]': 'state:google-new-status'
};
const ENTRA_CREATE_READ = {
  'User name [userPrincipalName] Required': 'email',
  'Block sign in (Yes/No) [accountEnabled] Required': 'state:entra-block-sign-in',
  'First name [givenName]': 'first_name',
  'Last name [surname]': 'last_name',
  'Job title [jobTitle]': 'title',
  'Department [department]': 'department'
};

const FIXTURES: Expected[] = [
  { file: 'google-workspace-update.csv', format: 'google', label: 'Google Workspace users file', purpose: 'update', headerIndex: 0, read: GOOGLE_READ },
  { file: 'google-workspace-export.csv', format: 'google', label: 'Google Workspace users file', purpose: 'update', headerIndex: 0, read: GOOGLE_READ },
  { file: 'entra-bulk-create.csv', format: 'entra-create', label: 'Entra ID bulk create file', purpose: 'update', headerIndex: 1, read: ENTRA_CREATE_READ },
  {
    file: 'entra-bulk-invite.csv',
    format: 'entra-invite',
    label: 'Entra ID bulk invite file',
    purpose: 'invite',
    headerIndex: 1,
    read: { 'Email address to invite [inviteeEmail] Required': 'email' }
  },
  {
    file: 'entra-bulk-delete.csv',
    format: 'entra-delete',
    label: 'Entra ID bulk delete file',
    purpose: 'delete',
    headerIndex: 1,
    read: { 'User name [userPrincipalName] Required': 'email' }
  },
  {
    file: 'entra-users-download.csv',
    format: 'entra-download',
    label: 'Entra ID users download',
    purpose: 'update',
    headerIndex: 0,
    read: {
      userPrincipalName: 'email',
      givenName: 'first_name',
      surname: 'last_name',
      jobTitle: 'title',
      department: 'department',
      companyName: 'company',
      accountEnabled: 'state:entra-account-enabled'
    }
  },
  {
    file: 'okta-import.csv',
    format: 'okta',
    label: 'Okta user import file',
    purpose: 'update',
    headerIndex: 0,
    read: {
      email: 'email',
      firstName: 'first_name',
      lastName: 'last_name',
      title: 'title',
      department: 'department',
      organization: 'organization',
      timezone: 'time_zone'
    }
  }
];

const shown = (c: ColumnRead) => (c.kind === 'field' ? c.header : c.kind === 'state' ? `state:${c.state}` : null);

/** Every column is read, or ignored with a sentence: none is left unaccounted for. */
function expectAccounted(h: RecognisedHeader, read: Record<string, string>) {
  expect(h.columns).toHaveLength(h.headers.length);
  const got: Record<string, string> = {};
  h.columns.forEach((c, i) => {
    const s = shown(c);
    if (s) got[h.headers[i]] = s;
    else if (c.kind === 'ignored') expect(c.reason, h.headers[i]).toMatch(/^[A-Z“].{10,}[.)]$/);
  });
  expect(got).toEqual(read);
}

describe('vendor files recognised from their header row (tests/fixtures)', () => {
  it.each(FIXTURES)('$file is a $label', ({ file, format, label, purpose, headerIndex, read }) => {
    const records = fixture(file);
    const h = recogniseHeader(records.slice(0, 2));
    expect(h).toMatchObject({ format, label, purpose, headerIndex, error: null });
    expect(h.headers).toEqual(records[headerIndex]);
    expectAccounted(h, read);
  });

  it('Entra’s version line is neither the header nor a row', () => {
    for (const file of ['entra-bulk-create.csv', 'entra-bulk-invite.csv', 'entra-bulk-delete.csv']) {
      const records = fixture(file);
      expect(records[0][0]).toBe('version:v1.0');
      const h = recogniseHeader(records);
      expect(h.headerIndex).toBe(1);
      expect(h.headers[0]).not.toMatch(/version/);
    }
  });

  it('Org Unit Path gives the organization’s name; "/" leaves it alone', () => {
    const records = fixture('google-workspace-update.csv');
    const h = recogniseHeader(records);
    const i = h.headers.indexOf('Org Unit Path [Required]');
    expect(h.columns[i]).toMatchObject({ kind: 'field', header: 'organization', convert: 'org-unit-path', note: expect.stringMatching(/“\/”/) });
    expect(records.slice(1).map((r) => musterCells(h, r)[i])).toEqual(['Engineering', '', 'EMEA', 'Finance']);
    // Cells of other columns pass through unchanged.
    expect(musterCells(h, records[1])[2]).toBe('ada.lovelace@example.com');
  });

  it.each([
    ['google-workspace-update.csv', [['activate', 'force_password_change'], ['cancel_force_password_change', 'deactivate'], ['must be “Active” or “Suspended”'], ['must be “TRUE” or “FALSE”']]],
    ['entra-bulk-create.csv', [['activate'], ['deactivate'], ['activate'], ['must be “Yes” or “No”']]],
    ['entra-users-download.csv', [['activate'], ['deactivate'], ['activate'], ['must be “True” or “False”']]]
  ])('the state cells of %s give actions, and bad values a message', (file, expected) => {
    const records = fixture(file);
    const h = recogniseHeader(records);
    const got = records.slice(h.headerIndex + 1).map((r) =>
      rowStates(h, r)
        .map((s) => ('error' in s.outcome ? s.outcome.error : s.outcome.action))
        .sort()
    );
    expect(got).toEqual(expected.map((e) => [...e].sort()));
  });
});
