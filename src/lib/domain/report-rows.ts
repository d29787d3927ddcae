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

/** Flattens a change log into one row per changed field (a created or removed user is one row). */
export function changeRows(log: UserChange[], names: Names): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const c of log) {
    const who = { userId: c.userId, email: c.email, name: c.name };
    if (c.snapshot?.kind === 'removed') rows.push({ ...who, field: RECORD_FIELD, label: 'User', before: 'In the directory', after: 'Removed permanently' });
    if (c.snapshot?.kind === 'created') rows.push({ ...who, field: RECORD_FIELD, label: 'User', before: '', after: 'Created' });
    for (const f of c.changes)
      rows.push({ ...who, field: f.field, label: FIELD_LABELS[f.field] ?? f.field, before: describeValue(f.field, f.before, names), after: describeValue(f.field, f.after, names) });
  }
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
