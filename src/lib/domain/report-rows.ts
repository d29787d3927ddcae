import { csvDocument } from './csv/sanitize';
import type { Operation, UserChange } from './operations';
import { FIELD_LABELS } from './user-fields';
import { describeValue, type Names } from './values';

export type { Names };

/** One changed field of one user, as people read it: a report row, a line of the CSV export. */
export interface ChangeRow {
  userId: number;
  email: string;
  name: string;
  field: string;
  label: string;
  before: string;
  after: string;
}

/** The record row of a user a report created or removed. */
export const RECORD_FIELD = 'record';

/** How many rows a user's change makes: its record row (created or removed), then one per field. */
export function rowCount(c: Pick<UserChange, 'changes' | 'snapshot'>): number {
  return (c.snapshot ? 1 : 0) + c.changes.length;
}

/** Row `k` of a user's change, in words (the record row first, then each field in turn). */
export function changeRow(c: UserChange, k: number, names: Names): ChangeRow {
  const who = { userId: c.userId, email: c.email, name: c.name };
  if (c.snapshot) {
    if (k === 0)
      return c.snapshot.kind === 'removed'
        ? { ...who, field: RECORD_FIELD, label: 'User', before: 'In the directory', after: 'Removed permanently' }
        : { ...who, field: RECORD_FIELD, label: 'User', before: '', after: 'Created' };
    k--;
  }
  const f = c.changes[k];
  return { ...who, field: f.field, label: FIELD_LABELS[f.field] ?? f.field, before: describeValue(f.field, f.before, names), after: describeValue(f.field, f.after, names) };
}

/** The field row `k` of a user's change is about (RECORD_FIELD for the record row). */
export function rowField(c: Pick<UserChange, 'changes' | 'snapshot'>, k: number): string {
  return c.snapshot ? (k === 0 ? RECORD_FIELD : c.changes[k - 1].field) : c.changes[k].field;
}

/** Flattens a change log into one row per changed field (a created or removed user is one row). */
export function changeRows(log: readonly UserChange[], names: Names): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const c of log) for (let k = 0, n = rowCount(c); k < n; k++) rows.push(changeRow(c, k, names));
  return rows;
}

export const REPORT_CSV_HEADER = ['operation', 'time', 'actor', 'user id', 'email', 'field', 'before', 'after'];

/** SPEC §6 export: one row per changed field, through the one cell sanitiser. */
export function reportCsv(op: Operation, rows: ChangeRow[]): string {
  const name = `#${op.id} ${op.label}`;
  return csvDocument(
    REPORT_CSV_HEADER,
    rows.map((r) => [name, op.at, op.actorName, r.userId, r.email, r.label, r.before, r.after])
  );
}

/** The JSON export: the header, skipped users and the raw change log, password digests withheld. */
export function reportJson(op: Operation, skipGroups: { reason: string; ids: number[] }[], log: UserChange[], failures: { row: number; message: string }[] = []): string {
  const redact = <T extends { passwordHash?: unknown }>(u: T): T => ({ ...u, passwordHash: u.passwordHash ? '[withheld]' : null });
  const changes = log.map((c) => ({
    ...c,
    changes: c.changes.map((f) => (f.field === 'passwordHash' ? { ...f, before: f.before ? '[withheld]' : null, after: f.after ? '[withheld]' : null } : f)),
    ...(c.snapshot ? { snapshot: { ...c.snapshot, user: redact(c.snapshot.user) } } : {})
  }));
  return JSON.stringify({ format: 'muster-report', version: 1, report: op, skipped: skipGroups, ...(failures.length ? { invalidRows: failures } : {}), changes }, null, 2);
}
