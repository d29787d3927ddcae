import type { ScimFilter } from '../domain/scim/filter';
import type { Company, Organization, Settings } from '../domain/directory';
import { searchText, type SortKey } from '../domain/filters';
import { isActiveAdministrator } from '../domain/policy';
import type { Role } from '../domain/roles';
import type { User } from '../domain/user';
import { Columns } from './columns';
import { Interner } from './interner';
import { SearchTexts } from './search-texts';
import { TextIndex } from './text-index';
import { partKey, sortedPositionSteps, UNIQUE_KEYS, type SortPart } from './sort-users';
import { finish, runFor, slices, SLICE, type Steps } from './steps';

export interface SortedView {
  users: User[];
  /** The same users' ids, in the same order: a filter on columns reads no user object. */
  ids: Int32Array;
  texts: string[];
  /** Each user's place in `users` plus one, by id (0: not in this order). */
  at: Int32Array;
}

/**
 * The engine's in-memory copy of the workspace: every user plus the indexes filters, sorting and
 * email uniqueness need. IndexedDB holds the same data in chunks; this is what queries read.
 */
/** How long the engine waits after a request that asked for an order before preparing it in the background. */
export const QUIET_MS = 250;
/** How long one background task of preparing an order or the shapes runs before it lets requests in. */
export const BUDGET_MS = 20;

export class Store {
  users = new Map<number, User>();
  /** Each user by email key: one lookup matches an upload row or a sign-in. */
  byEmail = new Map<string, User>();
  /** Each user's search text by id. */
  readonly search = new SearchTexts();
  /** The search texts joined for searching (text-index.ts): one for every order, by id. */
  private readonly index: TextIndex;
  /** Set once a search used the index: after a write, it is joined again at once, not on the next keystroke. */
  private searched = false;
  roles = new Map<string, Role>();
  organizations = new Map<string, Organization>();
  companies = new Map<string, Company>();
  settings!: Settings;
  lastOpId = 0;
  /** Active users holding the Administrator role, kept as users are put and removed (the write gate's last-administrator rule). */
  activeAdministrators = 0;
  /** Bumped on every committed change; caches keyed on it go stale by themselves. */
  version = 0;
  private sorted = new Map<SortKey, SortedView>();
  /** Users written (put) and removed since the last commit; disjoint. */
  private changed = new Set<number>();
  private removed = new Set<number>();
  /** Set when every user was read again: orders are sorted anew. */
  private reloaded = false;
  /** The largest id held, for the id-indexed arrays of the orders. */
  private maxId = 0;
  /** The last query's matching ids in sort order (query.ts), valid while `version` is. */
  lastQuery: { key: string; version: number; ids: Int32Array } | null = null;
  /** SCIM expressions compiled to predicates, by text (query.ts): they read no data, so never go stale. */
  readonly scimFilters = new Map<string, ScimFilter>();
  /** One copy of each repeated value: what keeps 1,000,000 users in a few hundred MiB. */
  private readonly interner = new Interner();
  /** Status, type, organization, company, time zone and 2-step setting as codes by id (columns.ts). */
  readonly columns = new Columns();
  /** Called after every committed write (the engine tells the other tabs). */
  onCommit: (() => void) | null = null;
  /** Orders being sorted in the background, a slice at a time (dropped when the data changes). */
  private readonly building = new Map<SortKey, Steps<SortedView>>();

  /** `slice` and `budgetMs` set how the background preparation is cut into tasks (steps.ts), `slice` the index's segments too. */
  constructor(
    private readonly slice = SLICE,
    private readonly budgetMs = BUDGET_MS
  ) {
    this.index = new TextIndex(this.search, slice);
  }

  load(users: Iterable<User>) {
    this.clear();
    for (const u of users) this.put(u);
    this.touch();
  }

  /** Forgets every user: a load follows, with put() for each and touch() at the end. */
  clear() {
    this.reloaded = true;
    this.building.clear();
    this.users.clear();
    this.byEmail.clear();
    this.search.clear();
    this.index.clear();
    this.columns.clear();
    this.activeAdministrators = 0;
    this.changed.clear();
    this.removed.clear();
    this.maxId = 0;
  }

  put(u: User) {
    const old = this.users.get(u.id);
    this.interner.user(u, old);
    // While loading, every order is sorted anew at the end: no need to note who changed.
    if (!this.reloaded) {
      this.changed.add(u.id);
      this.removed.delete(u.id);
    }
    if (u.id > this.maxId) this.maxId = u.id;
    this.activeAdministrators += Number(isActiveAdministrator(u)) - Number(isActiveAdministrator(old ?? null));
    if (old && old.emailKey !== u.emailKey) this.byEmail.delete(old.emailKey);
    this.users.set(u.id, u);
    this.byEmail.set(u.emailKey, u);
    const text = searchText(u);
    if (this.search.get(u.id) !== text) {
      this.search.set(u.id, text);
      this.index.touch(u.id);
    }
    this.columns.put(u);
  }

  remove(id: number) {
    const old = this.users.get(id);
    if (!old) return;
    this.changed.delete(id);
    this.removed.add(id);
    this.activeAdministrators -= Number(isActiveAdministrator(old));
    this.users.delete(id);
    this.byEmail.delete(old.emailKey);
    this.search.delete(id);
    this.index.touch(id);
    this.columns.remove(id);
  }

  touch() {
    this.version++;
    this.building.clear();
    if (this.reloaded) this.sorted.clear();
    else for (const [key, view] of this.sorted) if (!this.refresh(key, view)) this.sorted.delete(key);
    // Someone who searched searches again: the segments the write changed are joined now, one a
    // task, while the administrator reads the result of the write, not on their next keystroke.
    if (this.searched && !this.reloaded && !this.index.complete) {
      const version = this.version;
      const step = () => this.version === version && this.index.step() && setTimeout(step, 0);
      setTimeout(step, 0);
    }
    this.changed.clear();
    this.removed.clear();
    this.reloaded = false;
  }

  /**
   * Keeps a sorted order across a write instead of sorting every user again: a changed user whose
   * sort key did not move is swapped in place (a bulk status change leaves the name order as it
   * was); removed users are dropped, and added users and those whose key moved are sorted among
   * themselves and merged in, each placed by a binary search. One pass over the order: at a
   * million users that is milliseconds where a sort takes seconds. False when so many users moved
   * (a quarter) that a fresh sort is as cheap.
   */
  private refresh(key: SortKey, view: SortedView): boolean {
    const sortKey = this.sortKeyOf(key);
    const { users, texts, at } = view;
    const gone = new Uint8Array(users.length);
    let goneCount = 0;
    const movers: { k: string; u: User }[] = [];
    for (const id of this.removed) {
      const i = id < at.length ? at[id] - 1 : -1;
      if (i >= 0) (gone[i] = 1), goneCount++;
    }
    for (const id of this.changed) {
      const u = this.users.get(id)!;
      const i = id < at.length ? at[id] - 1 : -1;
      const k = sortKey(u);
      if (i >= 0 && sortKey(users[i]) === k) {
        users[i] = u;
        texts[i] = this.search.get(id) ?? '';
        continue;
      }
      if (i >= 0) (gone[i] = 1), goneCount++;
      movers.push({ k, u });
    }
    if (goneCount === 0 && movers.length === 0) return true;
    if ((goneCount + movers.length) * 4 > users.length) return false;
    movers.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.u.id - b.u.id));
    // Where each mover goes: before the first user of the old order that sorts after it.
    // The first steps of every search probe the same places: their keys are worked out once.
    const probed = new Map<number, string>();
    const keyAt = (i: number) => {
      let k = probed.get(i);
      if (k === undefined) probed.set(i, (k = sortKey(users[i])));
      return k;
    };
    const place = movers.map(({ k, u }) => {
      let lo = 0;
      let hi = users.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const mk = keyAt(mid);
        if (mk < k || (mk === k && users[mid].id < u.id)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    });
    const size = users.length - goneCount + movers.length;
    const nextUsers: User[] = new Array(size);
    const nextTexts: string[] = new Array(size);
    let w = 0;
    let m = 0;
    for (let i = 0; i <= users.length; i++) {
      for (; m < movers.length && place[m] === i; m++, w++) {
        nextUsers[w] = movers[m].u;
        nextTexts[w] = this.search.get(movers[m].u.id) ?? '';
      }
      if (i < users.length && !gone[i]) {
        nextUsers[w] = users[i];
        nextTexts[w++] = texts[i];
      }
    }
    view.users = nextUsers;
    view.ids = idsOf(nextUsers);
    view.texts = nextTexts;
    view.at = this.positions(view.ids);
    return true;
  }

  /** Each user's place plus one, by id. */
  private positions(ids: Int32Array): Int32Array {
    const at = new Int32Array(this.maxId + 1);
    for (let i = 0; i < ids.length; i++) at[ids[i]] = i + 1;
    return at;
  }

  /** Every user in ascending order of `key` (ties by id); cached until the data changes. */
  order(key: SortKey): SortedView {
    return this.sorted.get(key) ?? finish(this.building.get(key) ?? this.orderSteps(key));
  }

  /** Orders to prepare when the wait after a request ends (soon). */
  private pending = new Set<SortKey>();
  private waiting = false;

  /**
   * Joins the search index, then sorts `key`, then numbers each user's shape, in tasks of
   * BUDGET_MS unless the data changes first: a request that arrives meanwhile is answered between
   * them (at a million users the sort took ~0.7 s and the shapes ~0.2 s as one task each, and a
   * keystroke waited behind them), and a request that needs what is not ready yet finishes it.
   * The first order after the workspace opens is prepared at once; a later one QUIET_MS after the
   * request that asked, so a person's next click (the same column sorted the other way) is
   * answered from its first page before the sort starts, not after it.
   */
  soon(key: SortKey) {
    if (this.sorted.size === 0 && this.building.size === 0 && !this.waiting) return this.prepare(key);
    this.pending.add(key);
    if (this.waiting) return;
    this.waiting = true;
    setTimeout(() => {
      this.waiting = false;
      const keys = [...this.pending];
      this.pending.clear();
      for (const k of keys) this.prepare(k);
    }, QUIET_MS);
  }

  private prepare(key: SortKey) {
    if (this.building.has(key)) return;
    const version = this.version;
    const later = (work: () => void) => setTimeout(() => this.version === version && work(), 0);
    const shapes = () => runFor(this.shapeSteps(), this.budgetMs) || later(shapes);
    const order = () => later(this.sorted.has(key) || runFor(this.building.get(key) ?? this.orderSteps(key), this.budgetMs) ? shapes : order);
    // The search index first, one segment a task (text-index.ts): a search is answered from it
    // while the order is still being sorted (query.ts firstPage).
    const index = () => later(this.index.step() ? index : order);
    later(index);
  }

  /** Every user's shape number on Muster's today, by id (columns.ts, rule-shape.ts). */
  shapes(): Uint32Array {
    return finish(this.shapeSteps());
  }

  private shapeSteps(): Steps<Uint32Array> {
    return this.columns.shapeSteps(this.settings.today, this.users.values(), this.slice);
  }

  /** The search index (text-index.ts), for a search. */
  searchIndex(): TextIndex {
    this.searched = true;
    return this.index;
  }

  /** Whether every search text is joined (the background's first step after opening). */
  get indexed(): boolean {
    return this.index.complete;
  }

  hasOrder(key: SortKey): boolean {
    return this.sorted.has(key);
  }

  /**
   * Every user in order of `key`, ties by id: users taken in id order, then sorted by their
   * positions (sort-users.ts). Only the distinct values of a repeated key are compared (a
   * directory's surnames, statuses, organizations repeat: 600 surnames for 100,000 people), so a
   * million users sort in a fraction of the time a comparison sort of a million keys takes.
   */
  private orderSteps(key: SortKey): Steps<SortedView> {
    const steps = this.sortSteps(key);
    this.building.set(key, steps);
    return steps;
  }

  /** In slices (steps.ts), held in `building` until done, when the order is held in `sorted`. */
  private *sortSteps(key: SortKey): Steps<SortedView> {
    const { users: byId, ids: idsById } = yield* this.usersById();
    const n = byId.length;
    const positions = yield* sortedPositionSteps(byId, this.sortParts(key), UNIQUE_KEYS.has(key), this.slice);
    const users: User[] = new Array(n);
    const ids = new Int32Array(n);
    yield;
    // Ids from the copy read in id order and texts by id: no user object is read in this order.
    yield* slices(n, this.slice, (from, to) => {
      for (let i = from; i < to; i++) {
        users[i] = byId[positions[i]];
        ids[i] = idsById[positions[i]];
      }
    });
    yield;
    const texts: string[] = new Array(n);
    yield* slices(n, this.slice, (from, to) => {
      for (let i = from; i < to; i++) texts[i] = this.search.get(ids[i]) ?? '';
    });
    const view = { users, ids, texts, at: this.positions(ids) };
    this.building.delete(key);
    this.sorted.set(key, view);
    return view;
  }

  /** Every user and their ids, in id order, read in slices. */
  private *usersById(): Steps<{ users: User[]; ids: Int32Array }> {
    // Each array of users is made in a slice of its own: one of a million takes ~40 ms to make.
    const n = this.users.size;
    const users: User[] = new Array(n);
    const ids = new Int32Array(n);
    const all = this.users.values();
    let inOrder = true;
    yield;
    yield* slices(n, this.slice, (from, to) => {
      for (let i = from; i < to; i++) {
        const u = all.next().value!;
        users[i] = u;
        ids[i] = u.id;
        if (i > 0 && ids[i - 1] > u.id) inOrder = false;
      }
    });
    if (inOrder) return { users, ids };
    users.sort((a, b) => a.id - b.id);
    return { users, ids: idsOf(users) };
  }

  /** A user's place in `key`'s order as one string (parts joined by NUL, which sorts first). */
  sortKeyOf(key: SortKey): (u: User) => string {
    const parts = this.sortParts(key);
    if (parts.length === 1) return partKey(parts[0]);
    const [a, b] = parts.map(partKey);
    return (u) => `${a(u)}\u0000${b(u)}`;
  }

  /**
   * The parts of a sort key: each user's value as held (shared copies repeat, store.ts) and, worked
   * out once per distinct value, the comparable string: lowercased, names for ids, empty last.
   */
  private sortParts(key: SortKey): SortPart[] {
    const lower = (s: string | null | undefined) => (s ?? '').toLowerCase();
    // Empty values sort last in ascending order.
    const last = (s: string | null) => (s === null || s === '' ? '\uffff' : s);
    const once = <V>(f: (v: V) => string) => {
      const seen = new Map<V, string>();
      return (v: V) => {
        let k = seen.get(v);
        if (k === undefined) seen.set(v, (k = f(v)));
        return k;
      };
    };
    // Cheap keys (the value itself, empty last) are not remembered: an email is each user's own.
    const part = <V>(raw: (u: User) => V, key: (v: V) => string, cheap = false): SortPart => ({ raw, key: (cheap ? key : once(key)) as (v: unknown) => string });
    const name = <T extends { name: string }>(m: Map<string, T>) => (id: string | null) => last(lower(id && m.get(id)?.name));
    const same = (s: string) => s;
    switch (key) {
      case 'name':
        return [part((u) => u.lastName, lower), part((u) => u.firstName, lower)];
      case 'email':
        return [part((u) => u.emailKey, same, true)];
      case 'status':
        return [part((u) => u.status, same, true)];
      case 'userType':
        return [part((u) => u.userType, same, true)];
      case 'roles':
        return [part((u) => u.roles, (ids: readonly string[]) => ids.map((r) => lower(this.roles.get(r)?.name ?? r)).sort().join(','))];
      case 'organization':
        return [part((u) => u.organization, name(this.organizations))];
      case 'company':
        return [part((u) => u.company, name(this.companies))];
      case 'timeZone':
        return [part((u) => u.timeZone, same, true)];
      case 'lastSignInAt':
        return [part((u) => u.lastSignInAt, last, true)];
      case 'accessExpiresAt':
        return [part((u) => u.accessExpiresAt, last, true)];
      case 'createdAt':
        return [part((u) => u.createdAt, same, true)];
    }
  }
}

function idsOf(users: readonly User[]): Int32Array {
  const ids = new Int32Array(users.length);
  for (let i = 0; i < users.length; i++) ids[i] = users[i].id;
  return ids;
}
