import type { SortKey } from '../domain/filters';
import type { User } from '../domain/user';
import { slices, SLICE, type Steps } from './steps';

/*
 * Sorting every user by one key, stably (users arrive in id order, so ties stay in id order): the
 * store's cold sorts (store.ts). Each user object is read once, in the order given (the order they
 * were made in, close to their order in memory); the sorting itself moves positions in typed
 * arrays. Reading user objects in an order they are scattered in cost more at a million users than
 * the sorting did.
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
 * The positions of `users` stably sorted by `parts` (the first part first, ties by the next, then
 * by position). Values that are each user's own (`unique`, one part) are sorted by their strings;
 * others are ranked and counting-sorted, last part first, in slices of `size` users (steps.ts); a
 * sort by unique values is one slice.
 */
export function* sortedPositionSteps(users: readonly User[], parts: readonly SortPart[], unique: boolean, size = SLICE): Steps<Int32Array> {
  if (unique && parts.length === 1) return sortByValue(users.map(partKey(parts[0])));
  let order = identity(users.length);
  for (let p = parts.length - 1; p >= 0; p--) {
    const { rank, count } = yield* ranks(users, parts[p], size);
    yield;
    order = yield* byRank(order, rank, count, size);
  }
  return order;
}

/**
 * Each user's rank by `part`, by position: one lookup per user numbers the distinct values as they
 * come, only those are put in words and compared (values with the same words share a rank).
 */
function* ranks(users: readonly User[], part: SortPart, size: number): Steps<{ rank: Int32Array; count: number }> {
  const n = users.length;
  const seen = new Map<unknown, number>();
  const distinct: unknown[] = [];
  const rank = new Int32Array(n);
  yield* slices(n, size, (from, to) => {
    for (let i = from; i < to; i++) {
      const v = part.raw(users[i]);
      let d = seen.get(v);
      if (d === undefined) {
        d = distinct.length;
        seen.set(v, d);
        distinct.push(v);
      }
      rank[i] = d;
    }
  });
  // Plain string comparison on pre-lowercased values: a collator costs ~10x more.
  const keys = distinct.map(part.key);
  const byKey = Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const rankOf = new Int32Array(distinct.length);
  let r = -1;
  for (let k = 0; k < byKey.length; k++) {
    if (k === 0 || keys[byKey[k]] !== keys[byKey[k - 1]]) r++;
    rankOf[byKey[k]] = r;
  }
  yield* slices(n, size, (from, to) => {
    for (let i = from; i < to; i++) rank[i] = rankOf[rank[i]];
  });
  return { rank, count: r + 1 };
}

/** `order` stably re-sorted by the rank of each position: a counting sort. */
function* byRank(order: Int32Array, rank: Int32Array, count: number, size: number): Steps<Int32Array> {
  const starts = new Int32Array(count + 1);
  yield* slices(order.length, size, (from, to) => {
    for (let k = from; k < to; k++) starts[rank[order[k]] + 1]++;
  });
  for (let q = 1; q < starts.length; q++) starts[q] += starts[q - 1];
  const out = new Int32Array(order.length);
  yield* slices(order.length, size, (from, to) => {
    for (let k = from; k < to; k++) out[starts[rank[order[k]]]++] = order[k];
  });
  return out;
}

/** 0, 1, …, n - 1 (a loop: `Int32Array.from` with a mapping function took ~75 ms for a million). */
function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** Below this many strings, a run is sorted by comparing them. */
const SMALL = 24;
/** Positions within a run take the low bits of each packed number. */
const POSITION_BITS = 20;

/**
 * The positions of `keys` in the order `<` gives (UTF-16 code units), ties by position. A radix
 * sort from the first character: each run of strings that agree so far is sorted on its next one
 * or two characters, packed with the string's place in the run into one exact number, by the
 * engine's native sort of a Float64Array; runs still tied go one level deeper. Sorting a million
 * emails with `Array.prototype.sort` compared strings scattered over the heap ~20 million times
 * (~3 s in Node); this reads each string's characters a few times.
 */
export function sortByValue(keys: readonly string[]): Int32Array {
  const order = identity(keys.length);
  // Runs still to sort: [start, end, depth] triples.
  const runs: number[] = [0, keys.length, 0];
  while (runs.length > 0) {
    const depth = runs.pop()!;
    const end = runs.pop()!;
    const start = runs.pop()!;
    const size = end - start;
    if (size < SMALL) {
      insertionSort(keys, order, start, end);
      continue;
    }
    if (size > 2 ** (POSITION_BITS + 1)) {
      // More than two million ties so far: compared directly (not met below that many users).
      const part = Array.from(order.subarray(start, end)).sort((a, b) => compare(keys, a, b));
      order.set(part, start);
      continue;
    }
    // The next characters of each string, packed with its place in the run into one exact double
    // (53 bits): four at a level while they are all below 255 (8 bits each), else two of 16 bits
    // (one when the run is over 2^20 strings). A character counts as its code + 1; 0 once the string
    // has ended, so shorter strings sort first.
    const places = size <= 2 ** POSITION_BITS ? POSITION_BITS : POSITION_BITS + 1;
    const shift = 2 ** places;
    const packed = new Float64Array(size);
    let width = places === POSITION_BITS ? 4 : 1;
    let base = places === POSITION_BITS ? 256 : 65537;
    if (!pack(keys, order, start, packed, depth, width, base, shift)) {
      width = places === POSITION_BITS ? 2 : 1;
      base = 65537;
      pack(keys, order, start, packed, depth, width, base, shift);
    }
    packed.sort();
    const before = order.slice(start, end);
    for (let k = 0; k < size; k++) order[start + k] = before[packed[k] % shift];
    // Runs that agree on these characters and have not ended (last character 0) go one level deeper.
    for (let k = 0; k < size; ) {
      const c = Math.floor(packed[k] / shift);
      let j = k + 1;
      while (j < size && Math.floor(packed[j] / shift) === c) j++;
      if (j - k > 1 && c % base !== 0) runs.push(start + k, start + j, depth + width);
      k = j;
    }
  }
  return order;
}

/** Packs `width` characters from `depth` of each string of the run with its place; false if one is not below `base`. */
function pack(keys: readonly string[], order: Int32Array, start: number, packed: Float64Array, depth: number, width: number, base: number, shift: number): boolean {
  for (let k = 0; k < packed.length; k++) {
    const s = keys[order[start + k]];
    let c = 0;
    for (let j = 0, at = depth; j < width; j++, at++) {
      // Past the end (or after it), 0.
      const ch = at < s.length && (j === 0 || c % base !== 0) ? s.charCodeAt(at) + 1 : 0;
      if (ch >= base) return false;
      c = c * base + ch;
    }
    packed[k] = c * shift + k;
  }
  return true;
}

function compare(keys: readonly string[], a: number, b: number): number {
  return keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b;
}

function insertionSort(keys: readonly string[], order: Int32Array, start: number, end: number) {
  for (let i = start + 1; i < end; i++) {
    const p = order[i];
    let j = i - 1;
    while (j >= start && compare(keys, order[j], p) > 0) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = p;
  }
}
