import type { SortKey } from '../domain/filters';
import type { User } from '../domain/user';

/*
 * Sorting every user by one key, stably (users arrive in id order, so ties stay in id order): the
 * store's cold sorts (store.ts). Values that repeat are ranked and counting-sorted; values that are
 * each user's own are compared directly.
 */

/** Sort keys whose values are (nearly) each user's own. */
export const UNIQUE_KEYS: ReadonlySet<SortKey> = new Set(['email', 'createdAt', 'lastSignInAt']);

/**
 * One part of a sort key: a user's value as held (users holding the same value mostly share one
 * copy or one frozen list) and its comparable string, worked out once per distinct value.
 */
export interface SortPart {
  raw: (u: User) => unknown;
  key: (v: unknown) => string;
}

/** The part's comparable string for a user. */
export function partKey(p: SortPart): (u: User) => string {
  return (u) => p.key(p.raw(u));
}

/**
 * `users` stably sorted by `part`, for values that are (nearly) each user's own: the values sorted
 * in the engine's own string order (no script function called for each of the n log n
 * comparisons), then each value's users, in the id order they came in.
 */
export function sortByValue(users: User[], part: SortPart): User[] {
  const held = new Map<string, User | User[]>();
  const values: string[] = [];
  for (const u of users) {
    const v = part.key(part.raw(u));
    const h = held.get(v);
    if (h === undefined) {
      held.set(v, u);
      values.push(v);
    } else if (Array.isArray(h)) h.push(u);
    else held.set(v, [h, u]);
  }
  // Without a comparison function, sort() compares UTF-16 code units: the order `<` gives.
  values.sort();
  const out: User[] = [];
  for (const v of values) {
    const h = held.get(v)!;
    if (Array.isArray(h)) for (const u of h) out.push(u);
    else out.push(h);
  }
  return out;
}

/**
 * `users` stably sorted by `part`: one lookup per user numbers the distinct values as they come,
 * only those are put in words and compared (values with the same words share a rank), then a
 * counting sort by rank.
 */
export function sortByRank(users: User[], part: SortPart): User[] {
  const n = users.length;
  const seen = new Map<unknown, number>();
  const distinct: unknown[] = [];
  const first = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = part.raw(users[i]);
    let d = seen.get(v);
    if (d === undefined) {
      d = distinct.length;
      seen.set(v, d);
      distinct.push(v);
    }
    first[i] = d;
  }
  // Plain string comparison on pre-lowercased values: a collator costs ~10x more.
  const keys = distinct.map(part.key);
  const byKey = Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const rank = new Int32Array(distinct.length);
  let r = -1;
  for (let k = 0; k < byKey.length; k++) {
    if (k === 0 || keys[byKey[k]] !== keys[byKey[k - 1]]) r++;
    rank[byKey[k]] = r;
  }
  const starts = new Int32Array(r + 2);
  for (let i = 0; i < n; i++) starts[rank[first[i]] + 1]++;
  for (let q = 1; q < starts.length; q++) starts[q] += starts[q - 1];
  const out: User[] = new Array(n);
  for (let i = 0; i < n; i++) out[starts[rank[first[i]]]++] = users[i];
  return out;
}
