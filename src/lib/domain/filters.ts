import { accessExpired, dayOf } from './dates';
import type { TwoFactor, User, UserStatus, UserType } from './user';

export const FLAG_FILTERS = {
  locked: 'Locked',
  forcePasswordChange: 'Must change password',
  hasFlaggedFields: 'Has flagged fields',
  ownsContent: 'Owns content',
  accessExpired: 'Access expired'
} as const;
export type FlagFilter = keyof typeof FLAG_FILTERS;

export interface DateRange {
  from?: string;
  to?: string;
}

/** What the directory is narrowed to. Empty lists and absent keys mean "any". */
export interface Filter {
  q?: string;
  /** A SCIM filter expression (RFC 7644 §3.4.2.2), the search box's advanced mode: `title pr`. */
  scim?: string;
  status?: UserStatus[];
  type?: UserType[];
  role?: string[];
  organization?: string[];
  company?: string[];
  timeZone?: string[];
  twoFactor?: TwoFactor[];
  flags?: FlagFilter[];
  lastSignIn?: DateRange;
  invited?: DateRange;
  accessExpiry?: DateRange;
}

/** Why a filter cannot narrow (a SCIM expression that does not parse): it then matches nobody. */
export interface FilterError {
  message: string;
  /** 0-based offset in the expression, when the error has a place. */
  position?: number;
}

export const SORT_KEYS = [
  'name',
  'email',
  'status',
  'userType',
  'roles',
  'organization',
  'company',
  'timeZone',
  'lastSignInAt',
  'accessExpiresAt',
  'createdAt'
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}
export const DEFAULT_SORT: Sort = { key: 'name', dir: 'asc' };

/** The text a query is matched against: name and email, lowercased once per user. */
export function searchText(u: Pick<User, 'firstName' | 'lastName' | 'email'>): string {
  return `${u.firstName} ${u.lastName} ${u.email}`.toLowerCase();
}

/** The words of a search, lowercased: a user matches when their search text holds every one. */
export function searchTerms(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

function inRange(value: string | null, range: DateRange | undefined): boolean {
  if (!range || (!range.from && !range.to)) return true;
  if (value === null) return false;
  const day = dayOf(value);
  return (!range.from || day >= range.from) && (!range.to || day <= range.to);
}

const any = <T>(list: readonly T[] | undefined): list is readonly T[] => !!list && list.length > 0;

/**
 * Builds the predicate once per filter: only the criteria in use become checks, so the per-user
 * test is a handful of comparisons. It runs 100,000 times per keystroke; the engine passes each
 * user's precomputed search text.
 */
export type UserPredicate = (u: User, text?: string) => boolean;

export function compileFilter(filter: Filter, today: string): UserPredicate {
  const checks: ((u: User, text: string) => boolean)[] = [];
  const oneOf = <T>(list: readonly T[] | undefined, get: (u: User) => T) => {
    if (!any(list)) return;
    const set = new Set<T>(list);
    checks.push((u) => set.has(get(u)));
  };
  oneOf(filter.status, (u) => u.status);
  oneOf(filter.type, (u) => u.userType);
  oneOf(filter.organization, (u) => u.organization ?? '');
  oneOf(filter.company, (u) => u.company ?? '');
  oneOf(filter.timeZone, (u) => u.timeZone);
  oneOf(filter.twoFactor, (u) => u.twoFactor);
  if (any(filter.role)) {
    const roles = filter.role;
    checks.push((u) => roles.some((r) => u.roles.includes(r)));
  }
  const flags = new Set(filter.flags ?? []);
  if (flags.has('locked')) checks.push((u) => u.locked);
  if (flags.has('forcePasswordChange')) checks.push((u) => u.forcePasswordChange);
  if (flags.has('hasFlaggedFields')) checks.push((u) => u.flaggedFields.length > 0);
  if (flags.has('ownsContent')) checks.push((u) => u.ownedContent > 0);
  if (flags.has('accessExpired')) checks.push((u) => accessExpired(u.accessExpiresAt, today));
  const range = (r: DateRange | undefined, get: (u: User) => string | null) => {
    if (r?.from || r?.to) checks.push((u) => inRange(get(u), r));
  };
  range(filter.lastSignIn, (u) => u.lastSignInAt);
  range(filter.invited, (u) => u.invitation?.sentAt ?? null);
  range(filter.accessExpiry, (u) => u.accessExpiresAt);
  const terms = searchTerms(filter.q);
  if (terms.length === 1) {
    const term = terms[0];
    checks.push((_u, text) => text.includes(term));
  } else if (terms.length > 1) checks.push((_u, text) => terms.every((t) => text.includes(t)));

  if (checks.length === 0) return () => true;
  const needsText = terms.length > 0;
  // The engine passes precomputed search text; other callers get it computed on the fly.
  if (checks.length === 1) {
    const only = checks[0];
    return (u, text) => only(u, needsText ? (text ?? searchText(u)) : '');
  }
  return (u, text) => {
    const t = needsText ? (text ?? searchText(u)) : '';
    return checks.every((c) => c(u, t));
  };
}

/** True when the filter narrows nothing. */
export function isEmptyFilter(f: Filter): boolean {
  return Object.entries(f).every(([, v]) => {
    if (v === undefined || v === '') return true;
    if (Array.isArray(v)) return v.length === 0;
    if (typeof v === 'object' && v) return !(v as DateRange).from && !(v as DateRange).to;
    return false;
  });
}
