import { emailKey } from '../email';
import { isIsoDay } from '../dates';
import { isTimeZone } from '../timezones';
import { MAX_NAME, MAX_TEXT, USER_TYPES, type User, type UserType } from '../user';
import type { Column } from './columns';

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
  /** Every user id is below this (the workspace's next id). */
  idLimit: number;
}

const key = (s: string) => s.trim().toLowerCase();

/** Lookup tables keyed by lowercased name, for the validation context. */
export function byName(items: Iterable<{ id: string; name: string }>): Map<string, string> {
  return new Map([...items].map((i) => [key(i.name), i.id]));
}

/** Sets the cell's value on `out`, or returns what is wrong with it. */
export function setValue(col: Column, v: string, out: RowValues, ctx: ValidationContext): string | undefined {
  switch (col.field) {
    case 'firstName':
    case 'lastName':
      if (v.length > MAX_NAME) return `is longer than ${MAX_NAME} characters`;
      out[col.field] = v;
      return;
    case 'title':
    case 'department':
      if (v.length > MAX_TEXT) return `is longer than ${MAX_TEXT} characters`;
      out[col.field] = v;
      return;
    case 'company':
    case 'organization': {
      const id = (col.field === 'company' ? ctx.companyByName : ctx.organizationByName).get(key(v));
      if (!id) return `“${v}” is not a known ${col.field}`;
      out[col.field] = id;
      return;
    }
    case 'accountExecutive': {
      const ae = ctx.userByEmailKey(emailKey(v));
      if (!ae || ae.status === 'deleted') return `no user has the email ${v}`;
      if (!ae.roles.includes('account_executive')) return `${v} does not hold the Account Executive role`;
      out.accountExecutive = ae.id;
      return;
    }
    case 'timeZone':
      if (!isTimeZone(v)) return `“${v}” is not a time zone (use an IANA name such as Europe/London)`;
      out.timeZone = v;
      return;
    case 'userType': {
      const t = key(v) as UserType;
      if (!USER_TYPES.includes(t)) return 'must be “regular” or “directory”';
      out.userType = t;
      return;
    }
    case 'roles': {
      const names = v.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
      const ids = names.map((n) => ctx.roleByName.get(key(n)));
      const unknown = names.filter((_, i) => !ids[i]);
      if (unknown.length) return `unknown role: ${unknown.join(', ')}`;
      out.roles = [...new Set(ids as string[])];
      return;
    }
    case 'accessExpiresAt':
      if (key(v) === 'never') out.accessExpiresAt = null;
      else if (isIsoDay(v)) out.accessExpiresAt = v;
      else return 'must be a date as YYYY-MM-DD, or “never”';
      return;
  }
}
