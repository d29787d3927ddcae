import type { ScimFilter } from '../domain/scim/filter';
import type { Company, Organization, Settings } from '../domain/directory';
import { searchText, type SortKey } from '../domain/filters';
import type { Role } from '../domain/roles';
import type { User } from '../domain/user';
import { Interner } from './interner';
import { TextIndex } from './text-index';

export interface SortedView {
  users: User[];
  texts: string[];
  /** Each user's place in `users`, by id. */
  at: Map<number, number>;
  /** Built on the first search in this order. */
  index?: TextIndex;
}

/**
 * The engine's in-memory copy of the workspace: every user plus the indexes filters, sorting and
 * email uniqueness need. IndexedDB holds the same data in chunks; this is what queries read.
 */
export class Store {
  users = new Map<number, User>();
  /** Each user by email key: one lookup matches an upload row or a sign-in. */
  byEmail = new Map<string, User>();
  search = new Map<number, string>();
  roles = new Map<string, Role>();
  organizations = new Map<string, Organization>();
  companies = new Map<string, Company>();
  settings!: Settings;
  lastOpId = 0;
  /** Bumped on every committed change; caches keyed on it go stale by themselves. */
  version = 0;
  private sorted = new Map<SortKey, SortedView>();
  /** Users written since the last commit, and whether any was added or removed. */
  private changed = new Set<number>();
  private reshaped = false;
  /** The last query's matching ids in sort order (query.ts), valid while `version` is. */
  lastQuery: { key: string; version: number; ids: number[] } | null = null;
  /** SCIM expressions compiled to predicates, by text (query.ts): they read no data, so never go stale. */
  readonly scimFilters = new Map<string, ScimFilter>();
  /** One copy of each repeated value: what keeps 1,000,000 users in a few hundred MiB. */
  private readonly interner = new Interner();
  /** Called after every committed write (the engine tells the other tabs). */
  onCommit: (() => void) | null = null;

  load(users: Iterable<User>) {
    this.clear();
    for (const u of users) this.put(u);
    this.touch();
  }

  /** Forgets every user: a load follows, with put() for each and touch() at the end. */
  clear() {
    this.reshaped = true;
    this.users.clear();
    this.byEmail.clear();
    this.search.clear();
  }

  put(u: User) {
    this.interner.user(u);
    const old = this.users.get(u.id);
    if (old) this.changed.add(u.id);
    else this.reshaped = true;
    if (old && old.emailKey !== u.emailKey) this.byEmail.delete(old.emailKey);
    this.users.set(u.id, u);
    this.byEmail.set(u.emailKey, u);
    this.search.set(u.id, searchText(u));
  }

  remove(id: number) {
    const old = this.users.get(id);
    if (!old) return;
    this.reshaped = true;
    this.users.delete(id);
    this.byEmail.delete(old.emailKey);
    this.search.delete(id);
  }

  touch() {
    this.version++;
    if (this.reshaped) this.sorted.clear();
    else for (const [key, view] of this.sorted) if (!this.refresh(key, view)) this.sorted.delete(key);
    this.changed.clear();
    this.reshaped = false;
  }

  /**
   * Keeps a sorted order across a write that moved nobody in it (a bulk status change leaves the
   * name order as it was): changed users are swapped in place instead of sorting 100,000 again.
   * False when some changed user's sort key moved, so the order must be computed anew.
   */
  private refresh(key: SortKey, view: SortedView): boolean {
    const sortKey = this.sortKeyOf(key);
    for (const id of this.changed) {
      const i = view.at.get(id);
      if (i === undefined || sortKey(view.users[i]) !== sortKey(this.users.get(id)!)) return false;
    }
    for (const id of this.changed) {
      const i = view.at.get(id)!;
      const text = this.search.get(id) ?? '';
      if (view.texts[i] !== text) view.index = undefined;
      view.users[i] = this.users.get(id)!;
      view.texts[i] = text;
    }
    return true;
  }

  /** Every user in ascending order of `key` (ties by id); cached until the data changes. */
  order(key: SortKey): SortedView {
    let view = this.sorted.get(key);
    if (!view) {
      view = this.computeOrder(key);
      this.sorted.set(key, view);
    }
    return view;
  }

  /** The search index of an order (built once per order and data version). */
  textIndex(key: SortKey): TextIndex {
    const view = this.order(key);
    return (view.index ??= new TextIndex(view.texts));
  }

  hasOrder(key: SortKey): boolean {
    return this.sorted.has(key);
  }

  private computeOrder(key: SortKey): SortedView {
    const sortKey = this.sortKeyOf(key);
    const entries: { u: User; k: string }[] = [];
    for (const u of this.users.values()) entries.push({ u, k: sortKey(u) });
    // Plain string comparison on pre-lowercased keys: a collator costs ~10x more at 100k rows.
    entries.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.u.id - b.u.id));
    // Users and their search text side by side: scanning arrays in order is several times faster
    // than looking each id up in a Map.
    return {
      users: entries.map((e) => e.u),
      texts: entries.map((e) => this.search.get(e.u.id) ?? ''),
      at: new Map(entries.map((e, i) => [e.u.id, i]))
    };
  }

  sortKeyOf(key: SortKey): (u: User) => string {
    const lower = (s: string | null | undefined) => (s ?? '').toLowerCase();
    // Empty values sort last in ascending order.
    const last = (s: string | null) => (s === null || s === '' ? '\uffff' : s);
    switch (key) {
      case 'name':
        return (u) => `${lower(u.lastName)}\u0000${lower(u.firstName)}`;
      case 'email':
        return (u) => u.emailKey;
      case 'status':
        return (u) => u.status;
      case 'userType':
        return (u) => u.userType;
      case 'roles':
        return (u) => u.roles.map((r) => lower(this.roles.get(r)?.name ?? r)).sort().join(',');
      case 'organization':
        return (u) => last(lower(u.organization && this.organizations.get(u.organization)?.name));
      case 'company':
        return (u) => last(lower(u.company && this.companies.get(u.company)?.name));
      case 'timeZone':
        return (u) => u.timeZone;
      case 'lastSignInAt':
        return (u) => last(u.lastSignInAt);
      case 'accessExpiresAt':
        return (u) => last(u.accessExpiresAt);
      case 'createdAt':
        return (u) => u.createdAt;
    }
  }
}
