import { admitted } from './columns';
import { compileFilter, isEmptyFilter, searchTerms, type Filter, type FilterError, type Sort, type UserPredicate } from '../domain/filters';
import { parseScimFilter, type ScimFilter } from '../domain/scim/filter';
import type { ScimNames } from '../domain/scim/urns';
import type { User } from '../domain/user';
import type { Store } from './store';

/** What the table shows of a user: everything but the credential. */
export type UserRow = Omit<User, 'passwordHash'> & { hasPassword: boolean };

export interface QueryResult {
  total: number;
  offset: number;
  rows: UserRow[];
  /** The store version the answer was computed on: newer answers replace older ones. */
  version: number;
  /** Why the filter matches nobody: its SCIM expression does not parse (message and column). */
  filterError?: FilterError;
}

export function toRow(u: User): UserRow {
  const { passwordHash, ...rest } = u;
  return { ...rest, hasPassword: passwordHash !== null };
}

/**
 * A SCIM expression compiled to a predicate, kept on the store by its text: a query, its next
 * pages, "select all matching", the action menu's counts and an export of "these users" all
 * narrow by the same expression, so it is parsed once.
 */
function scimFilter(store: Store, text: string): ScimFilter {
  const cache = store.scimFilters;
  let compiled = cache.get(text);
  if (!compiled) {
    compiled = parseScimFilter(text);
    if (cache.size >= 16) cache.delete(cache.keys().next().value!);
    cache.set(text, compiled);
  }
  return compiled;
}

/** Names as a SCIM export writes them (role, organization, company), from the store's maps. */
function scimNames(store: Store): ScimNames {
  return {
    role: (id) => store.roles.get(id)?.name ?? id,
    organization: (id) => store.organizations.get(id)?.name ?? id,
    company: (id) => store.companies.get(id)?.name ?? id
  };
}

const hasScim = (filter: Filter): filter is Filter & { scim: string } => !!filter.scim?.trim();

/** Why this filter matches nobody (a SCIM expression that does not parse), or null. */
export function filterError(store: Store, filter: Filter): FilterError | null {
  if (!hasScim(filter)) return null;
  const compiled = scimFilter(store, filter.scim);
  return compiled.ok ? null : { message: compiled.message, ...(compiled.position !== undefined ? { position: compiled.position } : {}) };
}

/**
 * The one place a directory filter becomes the per-user test, wherever a filter narrows (the
 * table, its counts, select all matching, bulk actions, exports): the criteria of the filter panel
 * and the search first, then the SCIM expression on the users they leave. Null when the SCIM
 * expression does not parse: such a filter matches nobody, never everyone.
 */
function narrowing(store: Store, filter: Filter): UserPredicate | null {
  const base = compileFilter(filter, store.settings.today);
  if (!hasScim(filter)) return base;
  const scim = scimFilter(store, filter.scim);
  if (!scim.ok) return null;
  const names = scimNames(store);
  return (u, text) => base(u, text) && scim.test(u, names);
}

/**
 * The ids of the users a filter matches, in sort order. An Int32Array filled in place: at 100,000
 * users a growing array of numbers allocated and copied its way up, and the collections it set
 * off made the same query take 6 ms or 60.
 */
export function matchingIds(store: Store, filter: Filter, sort: Sort): Int32Array {
  // The store keeps the last filter's matching ids in sort order, so scrolling pages cost a slice.
  const key = JSON.stringify([filter, sort]);
  const last = store.lastQuery;
  if (last && last.key === key && last.version === store.version) return last.ids;
  if (filterError(store, filter)) return new Int32Array(0);
  const { users, ids: order, texts, at } = store.order(sort.key);
  const asc = sort.dir === 'asc';
  // A search narrows to the users whose text holds its longest word first, at their places in
  // this order; the full test runs on those only.
  const { terms, found: holding } = searched(store, filter);
  const candidates = holding && placesOf(holding, at, order.length);
  // The panel's one-of criteria are read from the store's columns by id; the rest tests each user
  // (a lone search word the index found needs no second test).
  const { tests, rest } = store.columns.split(candidates && terms.length === 1 ? { ...filter, q: undefined } : filter);
  const match = isEmptyFilter(rest) ? null : narrowing(store, rest)!;
  const n = candidates ? candidates.length : order.length;
  const out = new Int32Array(n);
  let found = 0;
  for (let i = 0; i < n; i++) {
    const k = asc ? i : n - 1 - i;
    const j = candidates ? candidates[k] : k;
    const id = order[j];
    if ((tests.length === 0 || admitted(tests, id)) && (match === null || match(users[j], texts[j]))) out[found++] = id;
  }
  const ids = found === n ? out : out.slice(0, found);
  store.lastQuery = { key, version: store.version, ids };
  return ids;
}

/** The search's words, and the ids (ascending) of the users whose text holds the longest (null: no search). */
function searched(store: Store, filter: Filter): { terms: string[]; found: number[] | null } {
  const terms = searchTerms(filter.q);
  const longest = [...terms].sort((a, b) => b.length - a.length)[0];
  return { terms, found: longest ? store.searchIndex().containing(longest) : null };
}

/**
 * The places of `ids` in an order of `size` users (its `at`), ascending: sorted when they are few,
 * else marked and read back in one pass (a one-letter search finds a fifth of everyone).
 */
function placesOf(ids: readonly number[], at: Int32Array, size: number): Int32Array {
  const places = new Int32Array(ids.length);
  let n = 0;
  if (ids.length * 16 < size) {
    for (const id of ids) if (id < at.length && at[id] > 0) places[n++] = at[id] - 1;
    return places.subarray(0, n).sort();
  }
  const marked = new Uint8Array(size);
  for (const id of ids) if (id < at.length && at[id] > 0) marked[at[id] - 1] = 1;
  for (let p = 0; p < size; p++) if (marked[p]) places[n++] = p;
  return places.subarray(0, n);
}

/**
 * Every id a filter matches, in no particular order, for a selection ("select all matching"):
 * from the sorted order when there is one, else one pass over the users, so selecting right after
 * a filter changed does not wait for 100,000 users to be sorted first.
 */
export function idsMatching(store: Store, filter: Filter, sort: Sort): Int32Array {
  if (store.hasOrder(sort.key) || filterError(store, filter)) return matchingIds(store, filter, sort);
  const { tests, rest } = store.columns.split(filter);
  const match = isEmptyFilter(rest) ? null : narrowing(store, rest)!;
  const out = new Int32Array(store.users.size);
  let found = 0;
  for (const u of store.users.values()) if ((tests.length === 0 || admitted(tests, u.id)) && (match === null || match(u, store.search.get(u.id)))) out[found++] = u.id;
  return out.subarray(0, found);
}

/**
 * The first page while no sorted order is cached (just after opening, or a sort not used yet): one pass
 * that keeps the best `end` users, instead of sorting 100,000 before showing anything; a search
 * passes over the users the search index finds only. The full sort follows right after, off the
 * critical path, for scrolling.
 */
function firstPage(store: Store, filter: Filter, sort: Sort, end: number): { total: number; users: User[] } {
  const match = narrowing(store, filter)!;
  const { found } = searched(store, filter);
  const users = found ? found.map((id) => store.users.get(id)!) : store.users.values();
  const keyOf = store.sortKeyOf(sort.key);
  const sign = sort.dir === 'asc' ? 1 : -1;
  const cmp = (a: { k: string; id: number }, b: { k: string; id: number }) => sign * (a.k < b.k ? -1 : a.k > b.k ? 1 : a.id - b.id);
  const best: { k: string; id: number; u: User }[] = [];
  let total = 0;
  for (const u of users) {
    if (!match(u, store.search.get(u.id))) continue;
    total++;
    const e = { k: keyOf(u), id: u.id, u };
    if (best.length === end && cmp(e, best[end - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(best[mid], e) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, e);
    if (best.length > end) best.pop();
  }
  store.soon(sort.key);
  return { total, users: best.map((e) => e.u) };
}

export function queryUsers(store: Store, filter: Filter, sort: Sort, offset: number, limit: number): QueryResult {
  const error = filterError(store, filter);
  if (error) return { total: 0, offset: 0, rows: [], version: store.version, filterError: error };
  if (!store.hasOrder(sort.key) && offset + limit <= 200) {
    const { total, users } = firstPage(store, filter, sort, offset + limit);
    return { total, offset, rows: users.slice(offset).map(toRow), version: store.version };
  }
  const ids = matchingIds(store, filter, sort);
  const start = Math.max(0, Math.min(offset, ids.length));
  const rows = Array.from(ids.subarray(start, start + Math.max(0, Math.min(limit, 1000))), (id) => toRow(store.users.get(id)!));
  return { total: ids.length, offset: start, rows, version: store.version };
}
