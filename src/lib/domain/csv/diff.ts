import { sameValue } from '../changes';
import type { User } from '../user';
import type { CellError, RowValues, ValidRow } from './validate';

export interface FieldDiff {
  field: keyof RowValues;
  before: unknown;
  after: unknown;
}

export interface UploadDiff {
  created: ValidRow[];
  updated: { row: ValidRow; user: User; changes: FieldDiff[] }[];
  unchanged: { row: ValidRow; user: User }[];
  /** Rows matching a deleted user: skipped unless the administrator chooses to undelete. */
  deleted: { row: ValidRow; user: User }[];
  /** Errors found by comparing with the directory (new users missing names, type changes). */
  errors: CellError[];
}

/** The upload against the directory (SPEC §5 step 5). Blank cells never appear in `values`. */
export function diffUpload(rows: ValidRow[], userByEmailKey: (key: string) => User | undefined): UploadDiff {
  const out: UploadDiff = { created: [], updated: [], unchanged: [], deleted: [], errors: [] };
  for (const row of rows) {
    const user = userByEmailKey(row.emailKey);
    if (!user) {
      const missing = (['firstName', 'lastName'] as const).filter((f) => !row.values[f]);
      if (missing.length) {
        for (const f of missing)
          out.errors.push({ row: row.row, column: f === 'firstName' ? 'first_name' : 'last_name', value: '', message: 'is required for a new user' });
        continue;
      }
      out.created.push(row);
      continue;
    }
    if (user.status === 'deleted') {
      out.deleted.push({ row, user });
      continue;
    }
    if (row.values.userType && row.values.userType !== user.userType) {
      out.errors.push({ row: row.row, column: 'user_type', value: row.values.userType, message: `cannot change an existing user’s type (${user.userType})` });
      continue;
    }
    const changes: FieldDiff[] = [];
    for (const field in row.values) {
      if (field === 'userType') continue;
      const after = row.values[field as keyof RowValues];
      const before = user[field as keyof User];
      if (before !== after && !sameValue(before, after)) changes.push({ field: field as keyof RowValues, before, after });
    }
    if (changes.length) out.updated.push({ row, user, changes });
    else out.unchanged.push({ row, user });
  }
  return out;
}
