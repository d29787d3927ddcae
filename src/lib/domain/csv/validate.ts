import { emailKey, isValidEmailKey } from '../email';
import { isIsoDay } from '../dates';
import { isTimeZone } from '../timezones';
import { MAX_NAME, MAX_TEXT, USER_TYPES, type User, type UserType } from '../user';
import type { Column } from './columns';
import { unneutralise } from './sanitize';

/** What a CSV row may set. A blank cell sets nothing: the existing value stays (SPEC §5). */
export interface RowValues {
  firstName?: string;
  lastName?: string;
  title?: string;
  department?: string;
  company?: string;
  organization?: string;
  accountExecutive?: number;
  timeZone?: string;
  userType?: UserType;
  roles?: string[];
  accessExpiresAt?: string | null;
}

export interface CellError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface ValidRow {
  row: number;
  email: string;
  emailKey: string;
  values: RowValues;
}

export interface ValidationContext {
  roleByName: ReadonlyMap<string, string>;
  organizationByName: ReadonlyMap<string, string>;
  companyByName: ReadonlyMap<string, string>;
  userByEmailKey: (key: string) => User | undefined;
}

const key = (s: string) => s.trim().toLowerCase();

/** Lookup tables keyed by lowercased name, for the validation context. */
export function byName(items: Iterable<{ id: string; name: string }>): Map<string, string> {
  return new Map([...items].map((i) => [key(i.name), i.id]));
}

/**
 * Checks every row and cell. Rows are numbered as a spreadsheet shows them (header = row 1).
 * Duplicate emails (after normalisation) are errors on every row after the first.
 */
export function validateRows(
  rows: { cells: string[] }[],
  columns: (Column | null)[],
  ctx: ValidationContext
): { valid: ValidRow[]; errors: CellError[]; invalidRows: number } {
  const valid: ValidRow[] = [];
  const errors: CellError[] = [];
  const firstRowOf = new Map<string, number>();
  let invalidRows = 0;
  rows.forEach((r, i) => {
    const row = i + 2;
    const rowErrors: CellError[] = [];
    const fail = (column: string, value: string, message: string) => rowErrors.push({ row, column, value, message });
    const values: RowValues = {};
    let email = '';
    columns.forEach((col, c) => {
      if (!col || !col.writable) return;
      const raw = unneutralise(r.cells[c] ?? '');
      const v = raw.trim();
      if (col.field === 'email') {
        email = v;
        return;
      }
      if (v === '') return;
      setValue(col, v, values, ctx, (message) => fail(col.header, raw, message));
    });
    if (r.cells.length > columns.length) fail('(row)', '', `has ${r.cells.length} cells but the header has ${columns.length} columns`);
    const k = emailKey(email);
    if (!email) fail('email', email, 'is required');
    else if (!isValidEmailKey(k)) fail('email', email, 'is not a valid email address');
    else if (firstRowOf.has(k)) fail('email', email, `duplicates row ${firstRowOf.get(k)} (emails match ignoring case and spaces)`);
    else firstRowOf.set(k, row);
    if (rowErrors.length) {
      invalidRows++;
      errors.push(...rowErrors);
    } else valid.push({ row, email: email.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, ''), emailKey: k, values });
  });
  return { valid, errors, invalidRows };
}

function setValue(col: Column, v: string, out: RowValues, ctx: ValidationContext, fail: (message: string) => void) {
  switch (col.field) {
    case 'firstName':
    case 'lastName':
      if (v.length > MAX_NAME) return fail(`is longer than ${MAX_NAME} characters`);
      out[col.field] = v;
      return;
    case 'title':
    case 'department':
      if (v.length > MAX_TEXT) return fail(`is longer than ${MAX_TEXT} characters`);
      out[col.field] = v;
      return;
    case 'company':
    case 'organization': {
      const id = (col.field === 'company' ? ctx.companyByName : ctx.organizationByName).get(key(v));
      if (!id) return fail(`“${v}” is not a known ${col.field}`);
      out[col.field] = id;
      return;
    }
    case 'accountExecutive': {
      const ae = ctx.userByEmailKey(emailKey(v));
      if (!ae || ae.status === 'deleted') return fail(`no user has the email ${v}`);
      if (!ae.roles.includes('account_executive')) return fail(`${v} does not hold the Account Executive role`);
      out.accountExecutive = ae.id;
      return;
    }
    case 'timeZone':
      if (!isTimeZone(v)) return fail(`“${v}” is not a time zone (use an IANA name such as Europe/London)`);
      out.timeZone = v;
      return;
    case 'userType': {
      const t = key(v) as UserType;
      if (!USER_TYPES.includes(t)) return fail('must be “regular” or “directory”');
      out.userType = t;
      return;
    }
    case 'roles': {
      const names = v.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
      const ids = names.map((n) => ctx.roleByName.get(key(n)));
      const unknown = names.filter((_, i) => !ids[i]);
      if (unknown.length) return fail(`unknown role: ${unknown.join(', ')}`);
      out.roles = [...new Set(ids as string[])];
      return;
    }
    case 'accessExpiresAt':
      if (key(v) === 'never') out.accessExpiresAt = null;
      else if (isIsoDay(v)) out.accessExpiresAt = v;
      else fail('must be a date as YYYY-MM-DD, or “never”');
      return;
  }
}
