import { DEFAULT_SORT, FLAG_FILTERS, SORT_KEYS, type DateRange, type Filter, type FlagFilter, type Sort, type SortKey } from './filters';
import { TWO_FACTOR_STATES, USER_STATUSES, USER_TYPES } from './user-fields';
import { isIsoDay } from './dates';

/**
 * The directory's whole state as URL search parameters, so reload, back/forward and a pasted link
 * restore it (SPEC §4). Unknown or malformed values are dropped, never trusted.
 */
const LISTS = ['status', 'type', 'role', 'organization', 'company', 'timeZone', 'twoFactor', 'flags'] as const;
const RANGES = ['lastSignIn', 'invited', 'accessExpiry'] as const;

const allowed: Partial<Record<(typeof LISTS)[number], readonly string[]>> = {
  status: USER_STATUSES,
  type: USER_TYPES,
  twoFactor: TWO_FACTOR_STATES,
  flags: Object.keys(FLAG_FILTERS) as FlagFilter[]
};

export function encodeState(filter: Filter, sort: Sort): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.q?.trim()) p.set('q', filter.q);
  if (filter.scim?.trim()) p.set('scim', filter.scim);
  for (const key of LISTS) {
    const list = filter[key];
    if (list?.length) p.set(key, list.join(','));
  }
  for (const key of RANGES) {
    const r = filter[key];
    if (r?.from || r?.to) p.set(key, `${r.from ?? ''}..${r.to ?? ''}`);
  }
  if (sort.key !== DEFAULT_SORT.key || sort.dir !== DEFAULT_SORT.dir) p.set('sort', `${sort.key}:${sort.dir}`);
  return p;
}

export function decodeState(p: URLSearchParams): { filter: Filter; sort: Sort } {
  const filter: Filter = {};
  const q = p.get('q');
  if (q) filter.q = q;
  const scim = p.get('scim');
  if (scim?.trim()) filter.scim = scim;
  for (const key of LISTS) {
    const raw = p.get(key);
    if (!raw) continue;
    const ok = allowed[key];
    const values = [...new Set(raw.split(',').filter((v) => v && (!ok || ok.includes(v))))];
    if (values.length) (filter as Record<string, string[]>)[key] = values;
  }
  for (const key of RANGES) {
    const raw = p.get(key);
    if (!raw) continue;
    const [from, to] = raw.split('..');
    const range: DateRange = {};
    if (from && isIsoDay(from)) range.from = from;
    if (to && isIsoDay(to)) range.to = to;
    if (range.from || range.to) filter[key] = range;
  }
  let sort = DEFAULT_SORT;
  const [key, dir] = (p.get('sort') ?? '').split(':');
  if ((SORT_KEYS as readonly string[]).includes(key) && (dir === 'asc' || dir === 'desc')) sort = { key: key as SortKey, dir };
  return { filter, sort };
}

/** The query string, keeping ',' and ':' readable: they need no escaping in a query value. */
export function stateQuery(filter: Filter, sort: Sort): string {
  return encodeState(filter, sort).toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}
