import type { SortKey } from '../domain/filters';
import type { User } from '../domain/user';

/*
 * Sorting every user by one key, stably (users arrive in id order, so ties stay in id order): the
 * store's cold sorts (store.ts). Values that repeat are ranked and counting-sorted; values that are
 * each user's own are compared directly.
 */

/** Sort keys whose values are (nearly) each user's own. */
export const UNIQUE_KEYS: ReadonlySet<SortKey> = new Set(['email', 'createdAt', 'lastSignInAt']);

/** `users` stably sorted by `part`, comparing each user's value directly. */
export function sortByValue(users: User[], part: (u: User) => string): User[] {
  const entries = users.map((u) => ({ u, v: part(u) }));
  // Stable: users come in id order, so ties stay in id order.
  entries.sort((x, y) => (x.v < y.v ? -1 : x.v > y.v ? 1 : 0));
  return entries.map((e) => e.u);
}

/** `users` stably sorted by `part`: its distinct values ranked, then a counting sort by rank. */
export function sortByRank(users: User[], part: (u: User) => string): User[] {
  const n = users.length;
  const values: string[] = new Array(n);
  const rank = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const v = part(users[i]);
    values[i] = v;
    rank.set(v, 0);
  }
  // Plain string comparison on pre-lowercased values: a collator costs ~10x more.
  const distinct = [...rank.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let r = 0; r < distinct.length; r++) rank.set(distinct[r], r);
  const ranks = new Int32Array(n);
  const starts = new Int32Array(distinct.length + 1);
  for (let i = 0; i < n; i++) starts[(ranks[i] = rank.get(values[i])!) + 1]++;
  for (let r = 1; r < starts.length; r++) starts[r] += starts[r - 1];
  const out: User[] = new Array(n);
  for (let i = 0; i < n; i++) out[starts[ranks[i]]++] = users[i];
  return out;
}
