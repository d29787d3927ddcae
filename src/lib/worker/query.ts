import { compileFilter, type Filter, type Sort } from '../domain/filters';
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
}

export function toRow(u: User): UserRow {
  const { passwordHash, ...rest } = u;
  return { ...rest, hasPassword: passwordHash !== null };
}

/** Cache of the last filter's matching ids in sort order, so scrolling pages cost a slice. */
let last: { key: string; version: number; ids: number[] } | null = null;

export function matchingIds(store: Store, filter: Filter, sort: Sort): number[] {
  const key = JSON.stringify([filter, sort]);
  if (last && last.key === key && last.version === store.version) return last.ids;
  const match = compileFilter(filter, store.settings.today);
  const { users, texts } = store.order(sort.key);
  const ids: number[] = [];
  const n = users.length;
  const asc = sort.dir === 'asc';
  for (let i = 0; i < n; i++) {
    const j = asc ? i : n - 1 - i;
    if (match(users[j], texts[j])) ids.push(users[j].id);
  }
  last = { key, version: store.version, ids };
  return ids;
}

export function queryUsers(store: Store, filter: Filter, sort: Sort, offset: number, limit: number): QueryResult {
  const ids = matchingIds(store, filter, sort);
  const start = Math.max(0, Math.min(offset, ids.length));
  const rows = ids.slice(start, start + Math.max(0, Math.min(limit, 1000))).map((id) => toRow(store.users.get(id)!));
  return { total: ids.length, offset: start, rows, version: store.version };
}
