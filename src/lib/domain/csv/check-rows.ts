import { sameValue } from '../changes';
import { emailKey, isValidEmailKey, shownEmail } from '../email';
import type { User } from '../user';
import type { Column } from './columns';
import { alreadyInState, type RowState, type StateAction } from '../formats';
import { unneutralise } from './sanitize';
import { setValue, type CellError, type RowValues, type ValidationContext, type ValidRow } from './validate';

export interface FieldDiff {
  field: keyof RowValues;
  before: unknown;
  after: unknown;
}

export interface UploadDiff {
  created: ValidRow[];
  /** Rows that change a user: the fields that differ, before and after. */
  updated: { row: number; user: User; changes: FieldDiff[] }[];
  /** Rows that match a user and would change nothing: row numbers and users, side by side (no object per row). */
  unchanged: { rows: number[]; users: User[] };
  /** Rows matching a deleted user: skipped unless the administrator chooses to undelete. */
  deleted: { row: ValidRow; user: User }[];
  /** Every problem, in row order: cells, emails, and what the directory forbids. */
  errors: CellError[];
  /** Rows with at least one error. */
  invalidRows: number;
  /**
   * The bulk actions a valid row's state cells ask for (Google's "New Status", Entra's "Block sign
   * in"), by row: applied after the row's fields, by the actions' own rules.
   */
  actions: Map<number, RowAction[]>;
}

export interface RowAction {
  /** A state cell's action, or the one a whole file asks for (Entra's bulk delete and bulk invite files). */
  action: StateAction | 'delete' | 'invite';
  /** The column and cell that asked for it, as written. */
  header: string;
  value: string;
}

const APOSTROPHE = 39;
/** What a row creating a user starts as, for its state cells. */
const NEW_USER = { status: 'profile_only', forcePasswordChange: false };

export function emptyDiff(): UploadDiff {
  return { created: [], updated: [], unchanged: { rows: [], users: [] }, deleted: [], errors: [], invalidRows: 0, actions: new Map() };
}

/**
 * Checks each row as the file is read and compares it with the directory in the same step
 * (SPEC §5 steps 4–5), so a 100,000-row upload keeps no per-row copy it does not need. Rows are
 * numbered as a spreadsheet shows them (header = row 1). A blank cell sets nothing. Duplicate
 * emails (after normalisation) are errors on every row after the first. A row with more or fewer
 * cells than the header has columns is invalid: nothing from it is applied.
 */
export class RowChecker {
  readonly diff: UploadDiff = emptyDiff();
  private readonly emailColumn: number;
  private readonly cellColumns: { index: number; column: Column; field: keyof RowValues; asStored: boolean; remember: boolean }[] = [];
  /** The first row naming each existing user, by id (0: none yet). */
  private readonly firstRowOfUser: Int32Array;
  private readonly firstRowOfNew = new Map<string, number>();
  /**
   * Per column, what each distinct cell text reads as: its value or what is wrong with it. A
   * directory repeats its organizations, companies, account executives and roles, so each is
   * looked up once, not once per row.
   */
  private readonly readings: Map<string, Reading>[] = [];

  /** `headers`: the header row as written, to name the columns a short row lacks. */
  constructor(
    private readonly columns: (Column | null)[],
    private readonly ctx: ValidationContext,
    private readonly headers: readonly string[] = [],
    /** The file lists existing users to act on (a delete or invite file): an unknown email is an error, not a new user. */
    private readonly listsExisting = false
  ) {
    this.emailColumn = columns.findIndex((c) => c?.field === 'email');
    columns.forEach((column, index) => {
      if (!column?.writable || column.field === 'email') return;
      const field = column.field as keyof RowValues;
      this.cellColumns.push({ index, column, field, asStored: AS_STORED.has(field), remember: REMEMBERED.has(field) });
    });
    this.readings = this.cellColumns.map(() => new Map());
    this.firstRowOfUser = new Int32Array(ctx.idLimit);
  }

  /** `states`: the row's state cells, read (csv/formats rowStates); a bad value makes the row invalid. */
  add(cells: string[], row: number, states: readonly RowState[] = []): void {
    const { diff, ctx } = this;
    const errors = diff.errors;
    const before = errors.length;
    const email = this.emailColumn < 0 ? '' : cell(cells, this.emailColumn).trim();
    // Most rows name an existing user exactly as stored: one lookup, no normalising.
    let user = email === '' ? undefined : ctx.userByEmailKey(email);
    const key = user ? email : emailKey(email);
    user ??= ctx.userByEmailKey(key);

    // An active user's cells are compared as they are read; a new or deleted user's are kept.
    const target = user && user.status !== 'deleted' ? user : null;
    let values: RowValues | null = null;
    let changes: FieldDiff[] | null = null;
    let typeChange = false;
    let typeRead = '';
    for (let c = 0; c < this.cellColumns.length; c++) {
      const { index, column, field, asStored } = this.cellColumns[c];
      const raw = cell(cells, index);
      if (raw === '') continue;
      const v = raw.trim();
      if (v === '') continue;
      // A cell that says what the user already holds changes nothing: no need to read it.
      if (asStored && target && v === target[field]) continue;
      const reading = this.reading(c, v);
      if (reading.problem !== undefined) {
        errors.push({ row, column: column.header, value: raw, message: reading.problem });
        continue;
      }
      const after = reading.value;
      if (field === 'userType') typeRead = after as string;
      if (!target) (values ??= {} as Record<string, unknown>)[field] = after;
      else if (field === 'userType') typeChange ||= after !== target.userType;
      else {
        const was = target[field];
        if (was !== after && !sameValue(was, after)) (changes ??= []).push({ field, before: was, after });
      }
    }
    // A state the user is already in ("Suspended" for someone who cannot sign in) asks for nothing.
    let actions: RowAction[] | null = null;
    const now = target ?? NEW_USER;
    for (const s of states) {
      if ('error' in s.outcome) errors.push({ row, column: s.header, value: s.value, message: s.outcome.error });
      else if (s.outcome.action && !alreadyInState(s.outcome.action, now)) (actions ??= []).push({ action: s.outcome.action, header: s.header, value: s.value });
    }
    // Too many cells or too few are the same mistake (a shifted or cut-off line): the row is refused.
    if (cells.length !== this.columns.length) errors.push({ row, column: '(row)', value: '', message: this.countProblem(cells.length) });

    const first = user ? this.firstRowOfUser[user.id] || undefined : this.firstRowOfNew.get(key);
    // A row too short to reach the email column already says so: no second error for it.
    const missing = !email && this.emailColumn >= cells.length;
    const problem = missing
      ? null
      : !email
        ? 'is required'
        : !user && !isValidEmailKey(key)
          ? 'is not a valid email address'
          : first !== undefined
            ? `duplicates row ${first} (emails match ignoring case and spaces)`
            : null;
    if (problem) errors.push({ row, column: 'email', value: email, message: problem });
    else if (user) this.firstRowOfUser[user.id] = row;
    else if (email) this.firstRowOfNew.set(key, row);

    if (errors.length === before) {
      if (!user && this.listsExisting) errors.push({ row, column: 'email', value: email, message: 'no user in the directory has this email (this file acts on existing users)' });
      else if (!user) {
        const given = (values ?? {}) as RowValues;
        if (!given.firstName) errors.push({ row, column: 'first_name', value: '', message: 'is required for a new user' });
        if (!given.lastName) errors.push({ row, column: 'last_name', value: '', message: 'is required for a new user' });
        if (given.firstName && given.lastName) diff.created.push({ row, email: shownEmail(email), emailKey: key, values: given });
      } else if (!target) diff.deleted.push({ row: { row, email: shownEmail(email), emailKey: key, values: (values ?? {}) as RowValues }, user });
      else if (typeChange) errors.push({ row, column: 'user_type', value: typeRead, message: `cannot change an existing user’s type (${user.userType})` });
      else if (changes || actions) diff.updated.push({ row, user, changes: changes ?? [] });
      else {
        diff.unchanged.rows.push(row);
        diff.unchanged.users.push(user);
      }
    }
    if (errors.length > before) diff.invalidRows++;
    else if (actions) diff.actions.set(row, actions);
  }

  /** What the text `v` of cell column `c` reads as (remembered, for the columns worth it). */
  private reading(c: number, v: string): Reading {
    const { column, field, remember } = this.cellColumns[c];
    const known = remember ? this.readings[c].get(v) : undefined;
    if (known) return known;
    const out: RowValues = {};
    const problem = setValue(column, v, out, this.ctx);
    // A value read once is handed to every row with the same text: a list is frozen so none can change it for the others.
    const value = out[field];
    const reading: Reading = problem !== undefined ? { problem } : { value: Array.isArray(value) ? Object.freeze(value) : value };
    if (remember && this.readings[c].size < READINGS) this.readings[c].set(v, reading);
    return reading;
  }

  /** "has 3 cells but the header has 5 columns (missing: Time Zone, Company)", or too many. */
  private countProblem(found: number): string {
    const expected = this.columns.length;
    const message = `has ${found} cell${found === 1 ? '' : 's'} but the header has ${expected} columns`;
    if (found > expected) return message;
    const missing = this.columns.slice(found).map((c, i) => this.headers[found + i]?.trim() || c?.header || `column ${found + i + 1}`);
    const named = missing.length > MAX_NAMED ? `${missing.slice(0, MAX_NAMED - 1).join(', ')} and ${missing.length - MAX_NAMED + 1} more` : missing.join(', ');
    return `${message} (missing: ${named})`;
  }
}

type Reading = { value: unknown; problem?: undefined } | { value?: undefined; problem: string };

/** Distinct texts remembered per column: a column of unique values stops growing here. */
const READINGS = 20_000;
/**
 * Fields whose cell text is the stored value itself (names, titles, time zones, types, days): a
 * cell equal to it is the user's value, unchanged. The rest are stored as ids (organizations,
 * companies, account executives, roles): their texts are looked up by name once per distinct text.
 */
const AS_STORED: ReadonlySet<keyof RowValues> = new Set(['firstName', 'lastName', 'title', 'department', 'timeZone', 'userType', 'accessExpiresAt']);
const REMEMBERED: ReadonlySet<keyof RowValues> = new Set(['company', 'organization', 'accountExecutive', 'roles']);

/** Missing columns named in a short row's message; the rest are counted. */
const MAX_NAMED = 5;

/** A cell as written, with the apostrophe Muster's exports put before formula-like text removed. */
function cell(cells: string[], index: number): string {
  const c = cells[index] ?? '';
  return c.charCodeAt(0) === APOSTROPHE ? unneutralise(c) : c;
}
