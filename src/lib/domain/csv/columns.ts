/**
 * The CSV columns of Muster's template, directory export and upload (SPEC §5): one list, so an
 * export can be edited and uploaded back. Read-only columns are exported for context and ignored
 * on upload.
 */
export interface Column {
  /** Header as written in templates and exports. */
  header: string;
  /** The user field it fills. */
  field: string;
  writable: boolean;
  description: string;
}

export const COLUMNS: Column[] = [
  { header: 'email', field: 'email', writable: true, description: 'Required. Matches existing users, ignoring case and spaces.' },
  { header: 'first_name', field: 'firstName', writable: true, description: 'Required for new users.' },
  { header: 'last_name', field: 'lastName', writable: true, description: 'Required for new users.' },
  { header: 'title', field: 'title', writable: true, description: 'Job title.' },
  { header: 'department', field: 'department', writable: true, description: 'Department.' },
  { header: 'company', field: 'company', writable: true, description: 'Company name, as listed in Muster.' },
  { header: 'organization', field: 'organization', writable: true, description: 'Organization name, as listed in Muster.' },
  { header: 'account_executive', field: 'accountExecutive', writable: true, description: 'Email of a user with the Account Executive role.' },
  { header: 'time_zone', field: 'timeZone', writable: true, description: 'IANA time zone, e.g. Europe/London.' },
  { header: 'user_type', field: 'userType', writable: true, description: 'regular or directory. New users only.' },
  { header: 'roles', field: 'roles', writable: true, description: 'Role names separated by semicolons.' },
  { header: 'access_expires', field: 'accessExpiresAt', writable: true, description: 'YYYY-MM-DD; "never" removes the end date.' },
  { header: 'status', field: 'status', writable: false, description: 'Read only: change status with bulk actions.' },
  { header: 'last_sign_in', field: 'lastSignInAt', writable: false, description: 'Read only.' }
];

/** "First Name", "first_name", "FIRST-NAME" and "firstName" are one column. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

const byKey = new Map<string, Column>();
for (const c of COLUMNS) {
  byKey.set(normaliseHeader(c.header), c);
  byKey.set(normaliseHeader(c.field), c);
}
// Common spellings in other products' files.
for (const [alias, header] of [
  ['emailaddress', 'email'],
  ['mail', 'email'],
  ['firstname', 'first_name'],
  ['givenname', 'first_name'],
  ['surname', 'last_name'],
  ['familyname', 'last_name'],
  ['jobtitle', 'title'],
  ['timezone', 'time_zone'],
  ['tz', 'time_zone'],
  ['role', 'roles'],
  ['type', 'user_type'],
  ['expirationdate', 'access_expires'],
  ['accessexpiry', 'access_expires']
] as const)
  byKey.set(alias, COLUMNS.find((c) => c.header === header)!);

export interface ColumnMapping {
  /** For each column of the file, in order: the Muster column it fills, or null (ignored). */
  columns: (Column | null)[];
  unknown: { index: number; header: string }[];
  duplicates: { index: number; header: string; sameAs: number }[];
  readOnly: { index: number; header: string }[];
  /** A message when the file cannot be used as it is mapped (no email column). */
  error: string | null;
}

/** Matches a file's header row to Muster's columns; the admin may correct the result. */
export function mapColumns(headers: string[]): ColumnMapping {
  const columns: (Column | null)[] = [];
  const unknown: ColumnMapping['unknown'] = [];
  const duplicates: ColumnMapping['duplicates'] = [];
  const readOnly: ColumnMapping['readOnly'] = [];
  const seen = new Map<string, number>();
  headers.forEach((header, index) => {
    const col = byKey.get(normaliseHeader(header)) ?? null;
    if (!col) {
      unknown.push({ index, header });
      columns.push(null);
    } else if (seen.has(col.header)) {
      duplicates.push({ index, header, sameAs: seen.get(col.header)! });
      columns.push(null);
    } else {
      seen.set(col.header, index);
      if (!col.writable) readOnly.push({ index, header });
      columns.push(col);
    }
  });
  return { columns, unknown, duplicates, readOnly, error: checkMapping(columns) };
}

export function checkMapping(columns: (Column | null)[]): string | null {
  return columns.some((c) => c?.field === 'email')
    ? null
    : 'The file has no email column. Muster matches users by email: add a column named "email", or choose which column holds the email addresses.';
}
