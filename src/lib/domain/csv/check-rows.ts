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
  private readonly cellColumns: { index: number; column: Column; field: keyof RowValues }[] = [];
  /** The first row naming each existing user, by id (0: none yet). */
  private readonly firstRowOfUser: Int32Array;
  private readonly firstRowOfNew = new Map<string, number>();
  /** Where each cell's value is read into before it is compared or kept. */
  private readonly scratch: RowValues = {};

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
      if (column?.writable && column.field !== 'email') this.cellColumns.push({ index, column, field: column.field as keyof RowValues });
    });
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
    const read = this.scratch;
    for (const { index, column, field } of this.cellColumns) {
      const raw = cell(cells, index);
      if (raw === '') continue;
      const v = raw.trim();
      if (v === '') continue;
      const problem = setValue(column, v, read, ctx);
      if (problem) {
        errors.push({ row, column: column.header, value: raw, message: problem });
        continue;
      }
      const after = read[field];
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
      else if (typeChange) errors.push({ row, column: 'user_type', value: read.userType!, message: `cannot change an existing user’s type (${user.userType})` });
      else if (changes || actions) diff.updated.push({ row, user, changes: changes ?? [] });
      else {
        diff.unchanged.rows.push(row);
        diff.unchanged.users.push(user);
      }
    }
    if (errors.length > before) diff.invalidRows++;
    else if (actions) diff.actions.set(row, actions);
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

/** Missing columns named in a short row's message; the rest are counted. */
const MAX_NAMED = 5;

/** A cell as written, with the apostrophe Muster's exports put before formula-like text removed. */
function cell(cells: string[], index: number): string {
  const c = cells[index] ?? '';
  return c.charCodeAt(0) === APOSTROPHE ? unneutralise(c) : c;
}
