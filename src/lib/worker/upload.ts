import { decodeCsvBytes } from '../domain/csv/decode';
import type { Delimiter } from '../domain/csv/parse';
import { byName, type RowValues, type ValidationContext } from '../domain/csv/validate';
import type { UploadDiff } from '../domain/csv/check-rows';
import { csvRecords, readUpload, type RecordSource, type UploadReadResult } from '../domain/csv/read-upload';
import { detectFileDelimiter, FORMAT_LABELS, type ColumnRead, type FormatId, type Purpose } from '../domain/formats';
import { readListResponse } from '../domain/scim';
import { getAction } from '../domain/actions';
import type { Store } from './store';
import type { Names } from '../domain/report-rows';
import { describeValue } from '../domain/values';
import { FIELD_LABELS } from '../domain/user';
import type { Progress } from './jobs';
import { fail, isFailure, type Failure } from './failure';
import type { UploadOutcome } from './upload-apply';

/** An upload being previewed: kept in the worker so 100,000 rows never cross to the page. */
export interface UploadSession {
  id: string;
  fileName: string;
  rows: number;
  diff: UploadDiff;
  storeVersion: number;
  /** What the file's rows are for: update (most files), or a list of users to delete or invite. */
  purpose: Purpose;
}

export interface UploadSummary {
  ok: true;
  sessionId: string;
  encoding: string;
  warning: string | null;
  delimiter: Delimiter;
  /** Which directory's file this is: Muster's CSV, Google Workspace, Entra ID, Okta, SCIM. */
  format: { id: FormatId; label: string; purpose: Purpose };
  headers: string[];
  mapping: (string | null)[];
  /** What each column of the file means to Muster: a field, a state read as a bulk action, or ignored and why. */
  columns: ColumnRead[];
  mappingError: string | null;
  counts: { rows: number; created: number; updated: number; unchanged: number; invalid: number; deleted: number };
  /** The group the preview opens on (the first non-empty of invalid, updated, created, deleted), first page. */
  firstGroup: { group: UploadGroup; total: number; rows: GroupRow[] };
}

export type UploadPreview = UploadSummary | (Failure & { line?: number });

/** The previews this engine holds until they are applied or replaced (none in module scope). */
export class UploadSessions {
  private counter = 0;
  private sessions = new Map<string, UploadSession & { results?: UploadOutcome[] }>();

  nextId(): string {
    return `upload-${++this.counter}`;
  }
  get(id: string) {
    return this.sessions.get(id);
  }
  set(s: UploadSession) {
    this.sessions.set(s.id, s);
  }
  clear() {
    this.sessions.clear();
  }
}

const FIRST_PAGE = 100;

/** How a file was read: its rows checked and compared, and how its text was taken. */
export interface FileRead {
  read: UploadReadResult;
  encoding: string;
  warning: string | null;
  delimiter: Delimiter;
  /** A SCIM ListResponse, not a CSV. */
  json: boolean;
}

export type UploadOpts = { delimiter?: Delimiter; mapping?: (string | null)[] };

/** What the upload's checks look up in the directory: names to ids, emails to users. */
export function validationContext(store: Store): ValidationContext {
  return {
    roleByName: byName(store.roles.values()),
    organizationByName: byName(store.organizations.values()),
    companyByName: byName(store.companies.values()),
    userByEmailKey: (k: string) => store.byEmail.get(k),
    idLimit: store.settings.nextUserId
  };
}

export const READING = 'Reading and checking rows';

/** Decode → parse → map → validate → diff, all in the worker (SPEC §5 steps 2–5), from the whole file's bytes. */
export function readFileBytes(store: Store, bytes: Uint8Array, opts: UploadOpts, progress?: Progress): FileRead | Failure {
  const step = (phase: string, done: number) => progress?.({ phase, done, total: 3 });
  step('Decoding the file', 0);
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return fail('invalid', decoded.error);
  // A SCIM ListResponse (what GET /Users returns) is read into the same cells as a CSV.
  const json = /^\s*[[{]/.test(decoded.text);
  let source: RecordSource;
  let size = decoded.text.length;
  const delimiter = opts.delimiter ?? (json ? ',' : detectFileDelimiter(decoded.text));
  if (json) {
    const scim = readListResponse(decoded.text);
    if (!scim.ok) return fail('invalid', scim.error, scim.line === undefined ? {} : { line: scim.line });
    size = scim.records.length + 1;
    source = (onRecord) => {
      onRecord(scim.headers, 1, 0);
      scim.records.forEach((r, i) => onRecord(r, i + 2, i + 1));
      return { ok: true, records: scim.records.length + 1, line: scim.records.length + 2 };
    };
  } else source = csvRecords(decoded.text, delimiter);
  step(READING, 1);
  const read = readUpload(source, opts.mapping, validationContext(store), (f) => step(READING, 1 + 2 * f), size);
  return { read, encoding: decoded.encoding, warning: decoded.warning, delimiter, json };
}

/** The preview of a file read: its session kept in the worker, and the summary the page shows. */
export function previewUpload(store: Store, names: Names, id: string, fileName: string, file: FileRead | Failure): { summary: UploadPreview; session: UploadSession | null } {
  if (isFailure(file)) return { summary: file, session: null };
  const { read, json, delimiter } = file;
  if (!read.ok) return { summary: fail('invalid', read.error, read.line === undefined ? {} : { line: read.line }), session: null };
  const { diff } = read;
  const session: UploadSession = { id, fileName, rows: read.rows, diff, storeVersion: store.version, purpose: read.recognised.purpose };
  const format = json ? ({ id: 'scim', label: FORMAT_LABELS.scim, purpose: 'update' } as const) : { id: read.recognised.format, label: read.recognised.label, purpose: read.recognised.purpose };
  const counts = {
    rows: read.rows,
    created: diff.created.length,
    updated: diff.updated.length,
    unchanged: diff.unchanged.rows.length,
    invalid: diff.invalidRows,
    deleted: diff.deleted.length
  };
  // What needs attention first: invalid rows, then what will change.
  const group: UploadGroup = counts.invalid ? 'invalid' : counts.updated ? 'updated' : counts.created ? 'created' : counts.deleted ? 'deleted' : 'unchanged';
  return {
    session,
    summary: {
      ok: true,
      sessionId: session.id,
      encoding: file.encoding,
      warning: file.warning,
      delimiter,
      format,
      headers: read.headers,
      mapping: read.columns.map((c) => c?.header ?? null),
      columns: read.recognised.columns,
      mappingError: read.mappingError,
      counts,
      firstGroup: { group, ...groupPage(session, group, 0, FIRST_PAGE, names) }
    }
  };
}

export type UploadGroup = 'created' | 'updated' | 'unchanged' | 'deleted' | 'invalid';

export interface GroupRow {
  row: number;
  email: string;
  name: string;
  detail: string;
  /** An updated row's changes, in words (names of roles, organizations and people, not ids). */
  changes?: { field: keyof RowValues; label: string; before: string; after: string }[];
  /** The bulk actions the row's state cells ask for, after its fields: "Deactivate", from "New Status: Suspended". */
  actions?: { label: string; from: string }[];
}

/** One page of a preview group, for the page to browse. */
export function groupPage(s: UploadSession, group: UploadGroup, offset: number, limit: number, names: Names): { total: number; rows: GroupRow[] } {
  const words = (changes: { field: keyof RowValues; before: unknown; after: unknown }[]) =>
    changes.map((c) => ({ field: c.field, label: FIELD_LABELS[c.field] ?? c.field, before: describeValue(c.field, c.before, names), after: describeValue(c.field, c.after, names) }));
  const name = (v: RowValues, fallback = '') => `${v.firstName ?? ''} ${v.lastName ?? ''}`.trim() || fallback;
  const full = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;
  // What the row's state cells ask for ("New Status: Suspended" → Deactivate), said after its fields.
  const then = (row: number) => {
    const actions = s.diff.actions.get(row);
    return actions ? { actions: actions.map((a) => ({ label: getAction(a.action)?.label ?? a.action, from: `${a.header}: ${a.value}` })) } : {};
  };
  let rows: GroupRow[];
  switch (group) {
    case 'created':
      rows = s.diff.created.slice(offset, offset + limit).map((r) => ({ row: r.row, email: r.email, name: name(r.values), detail: 'new user', ...then(r.row) }));
      return { total: s.diff.created.length, rows };
    case 'updated':
      rows = s.diff.updated.slice(offset, offset + limit).map((u) => ({ row: u.row, email: u.user.email, name: full(u.user), detail: `${u.changes.length} field${u.changes.length === 1 ? '' : 's'}`, changes: words(u.changes), ...then(u.row) }));
      return { total: s.diff.updated.length, rows };
    case 'unchanged':
      rows = s.diff.unchanged.users.slice(offset, offset + limit).map((u, i) => ({ row: s.diff.unchanged.rows[offset + i], email: u.email, name: full(u), detail: 'no change' }));
      return { total: s.diff.unchanged.rows.length, rows };
    case 'deleted':
      rows = s.diff.deleted.slice(offset, offset + limit).map((u) => ({ row: u.row.row, email: u.user.email, name: full(u.user), detail: 'matches a deleted user' }));
      return { total: s.diff.deleted.length, rows };
    case 'invalid':
      rows = s.diff.errors.slice(offset, offset + limit).map((e) => ({ row: e.row, email: '', name: e.column, detail: `${e.column}: ${e.message}${e.value ? ` (“${e.value}”)` : ''}` }));
      return { total: s.diff.errors.length, rows };
  }
}
