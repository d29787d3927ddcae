import { sameValue } from '../changes';
import { emailKey, isValidEmailKey, shownEmail } from '../email';
import type { User } from '../user';
import type { Column } from './columns';
import { unneutralise } from './sanitize';
import { setValue, type CellError, type RowValues, type ValidationContext, type ValidRow } from './validate';

export interface FieldDiff {
  field: keyof RowValues;
  before: unknown;
  after: unknown;
}

export interface UploadDiff {
  created: ValidRow[];
  updated: { row: ValidRow; user: User; changes: FieldDiff[] }[];
  /** Rows that match a user and would change nothing: only the row number is kept. */
  unchanged: { row: number; user: User }[];
  /** Rows matching a deleted user: skipped unless the administrator chooses to undelete. */
  deleted: { row: ValidRow; user: User }[];
  /** Every problem, in row order: cells, emails, and what the directory forbids. */
  errors: CellError[];
  /** Rows with at least one error. */
  invalidRows: number;
}

const APOSTROPHE = 39;

/**
 * Checks each row as the file is read and compares it with the directory in the same step
 * (SPEC §5 steps 4–5), so a 100,000-row upload keeps no per-row copy it does not need. Rows are
 * numbered as a spreadsheet shows them (header = row 1). A blank cell sets nothing. Duplicate
 * emails (after normalisation) are errors on every row after the first.
 */
export class RowChecker {
  readonly diff: UploadDiff = { created: [], updated: [], unchanged: [], deleted: [], errors: [], invalidRows: 0 };
  private readonly emailColumn: number;
  private readonly cellColumns: { index: number; column: Column; field: keyof RowValues }[] = [];
  /** The first row naming each existing user, by id (0: none yet). */
  private readonly firstRowOfUser: Int32Array;
  private readonly firstRowOfNew = new Map<string, number>();

  constructor(
    private readonly columns: (Column | null)[],
    private readonly ctx: ValidationContext
  ) {
    this.emailColumn = columns.findIndex((c) => c?.field === 'email');
    columns.forEach((column, index) => {
      if (column?.writable && column.field !== 'email') this.cellColumns.push({ index, column, field: column.field as keyof RowValues });
    });
    this.firstRowOfUser = new Int32Array(ctx.idLimit);
  }

  add(cells: string[], row: number): void {
    const errors = this.diff.errors;
    const before = errors.length;
    const email = this.emailColumn < 0 ? '' : cell(cells, this.emailColumn).trim();
    let values: RowValues | null = null;
    for (const { index, column } of this.cellColumns) {
      const raw = cell(cells, index);
      const v = raw.trim();
      if (v === '') continue;
      values ??= {};
      const problem = setValue(column, v, values, this.ctx);
      if (problem) errors.push({ row, column: column.header, value: raw, message: problem });
    }
    if (cells.length > this.columns.length)
      errors.push({ row, column: '(row)', value: '', message: `has ${cells.length} cells but the header has ${this.columns.length} columns` });

    // Most rows name an existing user exactly as stored: one lookup, no normalising.
    let user = email === '' ? undefined : this.ctx.userByEmailKey(email);
    const key = user ? email : emailKey(email);
    user ??= this.ctx.userByEmailKey(key);
    const first = user ? this.firstRowOfUser[user.id] || undefined : this.firstRowOfNew.get(key);
    const problem = !email
      ? 'is required'
      : !user && !isValidEmailKey(key)
        ? 'is not a valid email address'
        : first !== undefined
          ? `duplicates row ${first} (emails match ignoring case and spaces)`
          : null;
    if (problem) errors.push({ row, column: 'email', value: email, message: problem });
    else if (user) this.firstRowOfUser[user.id] = row;
    else this.firstRowOfNew.set(key, row);

    if (errors.length === before) this.compare(row, email, key, values, user);
    if (errors.length > before) this.diff.invalidRows++;
  }

  /** A valid row against the directory. */
  private compare(row: number, email: string, key: string, given: RowValues | null, user: User | undefined) {
    const { diff } = this;
    if (user && !given && user.status !== 'deleted') {
      diff.unchanged.push({ row, user });
      return;
    }
    const values = given ?? {};
    if (!user) {
      if (!values.firstName) diff.errors.push({ row, column: 'first_name', value: '', message: 'is required for a new user' });
      if (!values.lastName) diff.errors.push({ row, column: 'last_name', value: '', message: 'is required for a new user' });
      if (values.firstName && values.lastName) diff.created.push({ row, email: shownEmail(email), emailKey: key, values });
      return;
    }
    if (user.status === 'deleted') {
      diff.deleted.push({ row: { row, email: shownEmail(email), emailKey: key, values }, user });
      return;
    }
    if (values.userType && values.userType !== user.userType) {
      diff.errors.push({ row, column: 'user_type', value: values.userType, message: `cannot change an existing user’s type (${user.userType})` });
      return;
    }
    const changes: FieldDiff[] = [];
    for (const { field } of this.cellColumns) {
      if (field === 'userType' || !(field in values)) continue;
      const after = values[field];
      const before = user[field];
      if (before !== after && !sameValue(before, after)) changes.push({ field, before, after });
    }
    if (changes.length) diff.updated.push({ row: { row, email: shownEmail(email), emailKey: key, values }, user, changes });
    else diff.unchanged.push({ row, user });
  }
}

/** A cell as written, with the apostrophe Muster's exports put before formula-like text removed. */
function cell(cells: string[], index: number): string {
  const c = cells[index] ?? '';
  return c.charCodeAt(0) === APOSTROPHE ? unneutralise(c) : c;
}
