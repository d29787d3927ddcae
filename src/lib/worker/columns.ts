import type { Filter } from '../domain/filters';
import { Shapes } from '../domain/rule-shape';
import type { TrackedField, User } from '../domain/user';
import { done, finish, SLICE, type Steps } from './steps';

/** The filter panel's one-of criteria, each with the user's value it tests (filters.ts compileFilter). */
const COLUMNS = {
  status: (u: User) => u.status,
  type: (u: User) => u.userType,
  organization: (u: User) => u.organization ?? '',
  company: (u: User) => u.company ?? '',
  timeZone: (u: User) => u.timeZone,
  twoFactor: (u: User) => u.twoFactor
} as const satisfies Partial<Record<keyof Filter, (u: User) => string>>;

type ColumnKey = keyof typeof COLUMNS;
const KEYS = Object.keys(COLUMNS) as ColumnKey[];

/** The user fields a column holds, and its key. */
const FIELD_COLUMNS: Partial<Record<TrackedField, ColumnKey>> = {
  status: 'status',
  userType: 'type',
  organization: 'organization',
  company: 'company',
  timeZone: 'timeZone',
  twoFactor: 'twoFactor'
};

/** Codes fit 16 bits; a column with more distinct values than that is not used (the predicate is). */
const MAX_CODES = 0xffff;

/** One criterion as arrays: the user's value code by id, and which codes the filter admits. */
export interface ColumnTest {
  codes: Uint16Array;
  admits: Uint8Array;
}

/**
 * Each user's status, type, organization, company, time zone and 2-step setting as a small number,
 * in arrays by user id, and their shape (rule-shape.ts), which the action menu's counts and the
 * previews group users by. Ticking "Status: Active" at 100,000 users tested each user object's
 * field (a memory read per user, scattered over the heap: ~90 ms in Chromium); here it is one
 * byte-sized lookup in an array that fits the cache. The rest of a filter (search, roles, dates,
 * flags, SCIM) still tests the user.
 */
export class Columns {
  private readonly dicts = new Map<ColumnKey, Map<string, number>>(KEYS.map((k) => [k, new Map()]));
  private readonly codes = new Map<ColumnKey, Uint16Array>(KEYS.map((k) => [k, new Uint16Array(1024)]));
  /** Each user's shape on `shapes.today` (rule-shape.ts) by id, 0 for no user: made on first use, kept on every put. */
  private shapes: Shapes | null = null;
  private shapeCodes = new Uint32Array(0);
  /** Numbering every user's shape, under way in the background (store.ts). */
  private numbering: Steps<Uint32Array> | null = null;

  put(u: User) {
    if (this.shapes) this.putShape(u);
    for (const key of KEYS) {
      let codes = this.codes.get(key)!;
      if (u.id >= codes.length) {
        const grown = new Uint16Array(Math.max(u.id + 1, codes.length * 2));
        grown.set(codes);
        this.codes.set(key, (codes = grown));
      }
      codes[u.id] = this.code(key, COLUMNS[key](u));
    }
  }

  /** A removed user's codes are left (no order holds its id any more, so no query reads them), but for its shape. */
  remove(id: number) {
    if (id < this.shapeCodes.length) this.shapeCodes[id] = 0;
  }

  clear() {
    for (const key of KEYS) {
      this.dicts.get(key)!.clear();
      this.codes.set(key, new Uint16Array(1024));
    }
    this.shapes = null;
    this.shapeCodes = new Uint32Array(0);
    this.numbering = null;
  }

  /** Every user's shape number on `today`, by id (0: nobody holds the id); numbered anew when the day moves. */
  shapesOn(today: string, users: Iterable<User>): Uint32Array {
    return finish(this.shapeSteps(today, users));
  }

  /**
   * The same, numbering `size` users a slice (steps.ts); what is left is numbered by the next call
   * of either. Users put meanwhile are numbered by put(), removed ones are not iterated.
   */
  shapeSteps(today: string, users: Iterable<User>, size = SLICE): Steps<Uint32Array> {
    if (this.shapes?.today !== today) {
      this.shapes = new Shapes(today);
      this.shapeCodes = new Uint32Array(0);
      this.numbering = this.number(users, size);
    }
    return this.numbering ?? done(this.shapeCodes);
  }

  private *number(users: Iterable<User>, size: number): Steps<Uint32Array> {
    let k = 0;
    for (const u of users) {
      this.putShape(u);
      if (++k % size === 0) yield;
    }
    this.numbering = null;
    return this.shapeCodes;
  }

  /** A field's codes by id, when a column holds it with one code per value. */
  codesOf(field: TrackedField): Uint16Array | null {
    const key = FIELD_COLUMNS[field];
    return key && this.dicts.get(key)!.size < MAX_CODES ? this.codes.get(key)! : null;
  }

  private putShape(u: User) {
    if (u.id >= this.shapeCodes.length) {
      const grown = new Uint32Array(Math.max(u.id + 1, this.shapeCodes.length * 2, 1024));
      grown.set(this.shapeCodes);
      this.shapeCodes = grown;
    }
    this.shapeCodes[u.id] = this.shapes!.of(u);
  }

  /**
   * Splits a filter into the criteria these columns answer and the rest, which is tested on each
   * user as before. A column with too many distinct values stays in the rest.
   */
  split(filter: Filter): { tests: ColumnTest[]; rest: Filter } {
    const tests: ColumnTest[] = [];
    const rest: Filter = { ...filter };
    for (const key of KEYS) {
      const wanted = filter[key] as readonly string[] | undefined;
      if (!wanted || wanted.length === 0) continue;
      const dict = this.dicts.get(key)!;
      if (dict.size >= MAX_CODES) continue;
      // Code 0 is no value yet: it admits nobody, whatever the filter asks.
      const admits = new Uint8Array(dict.size + 2);
      for (const v of wanted) {
        const c = dict.get(v);
        if (c !== undefined) admits[c] = 1;
      }
      tests.push({ codes: this.codes.get(key)!, admits });
      delete rest[key];
    }
    return { tests, rest };
  }

  private code(key: ColumnKey, value: string): number {
    const dict = this.dicts.get(key)!;
    let c = dict.get(value);
    if (c === undefined) {
      // Past the limit every new value shares the last code; split() no longer uses the column.
      c = Math.min(dict.size + 1, MAX_CODES);
      dict.set(value, c);
    }
    return c;
  }
}

/** True when every column test admits this id. */
export function admitted(tests: readonly ColumnTest[], id: number): boolean {
  for (let t = 0; t < tests.length; t++) if (tests[t].admits[tests[t].codes[id]] !== 1) return false;
  return true;
}
