import { mapColumns, checkMapping, COLUMNS, type Column } from '../domain/csv/columns';
import { decodeCsvBytes } from '../domain/csv/decode';
import { detectDelimiter, parseCsv, type Delimiter } from '../domain/csv/parse';
import { byName, validateRows, type CellError, type RowValues } from '../domain/csv/validate';
import { diffUpload, type UploadDiff } from '../domain/csv/diff';
import type { Store } from './store';
import type { Progress } from './jobs';

/** An upload being previewed: kept in the worker so 100,000 rows never cross to the page. */
export interface UploadSession {
  id: string;
  fileName: string;
  rows: number;
  diff: UploadDiff;
  errors: CellError[];
  invalidRows: number;
  storeVersion: number;
}

export interface UploadSummary {
  ok: true;
  sessionId: string;
  encoding: string;
  warning: string | null;
  delimiter: Delimiter;
  headers: string[];
  mapping: (string | null)[];
  unknown: string[];
  duplicates: string[];
  readOnly: string[];
  mappingError: string | null;
  counts: { rows: number; created: number; updated: number; unchanged: number; invalid: number; deleted: number };
}

export type UploadPreview = UploadSummary | { ok: false; error: string; line?: number };

let counter = 0;

/** Decode → parse → map → validate → diff, all in the worker (SPEC §5 steps 2–5). */
export function previewUpload(
  store: Store,
  bytes: Uint8Array,
  fileName: string,
  opts: { delimiter?: Delimiter; mapping?: (string | null)[] },
  progress?: Progress
): { summary: UploadPreview; session: UploadSession | null } {
  const step = (phase: string, done: number) => progress?.({ phase, done, total: 4 });
  step('Decoding the file', 0);
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { summary: decoded, session: null };
  const delimiter = opts.delimiter ?? detectDelimiter(decoded.text);
  step('Reading rows', 1);
  const parsed = parseCsv(decoded.text, delimiter);
  if (!parsed.ok) return { summary: { ok: false, error: parsed.error, line: parsed.line }, session: null };
  const [header, ...rows] = parsed.rows;
  if (!header) return { summary: { ok: false, error: 'The file is empty.' }, session: null };
  if (rows.length === 0) return { summary: { ok: false, error: 'The file has a header row but no users below it.' }, session: null };
  const auto = mapColumns(header.cells);
  const columns: (Column | null)[] = opts.mapping
    ? header.cells.map((_, i) => COLUMNS.find((c) => c.header === opts.mapping![i]) ?? null)
    : auto.columns;
  const mappingError = opts.mapping ? checkMapping(columns) : auto.error;
  const ctx = {
    roleByName: byName(store.roles.values()),
    organizationByName: byName(store.organizations.values()),
    companyByName: byName(store.companies.values()),
    userByEmailKey: (k: string) => {
      const id = store.byEmail.get(k);
      return id === undefined ? undefined : store.users.get(id);
    }
  };
  step(`Checking ${rows.length.toLocaleString('en-US')} rows`, 2);
  const v = mappingError ? { valid: [], errors: [], invalidRows: 0 } : validateRows(rows, columns, ctx);
  step('Comparing with the directory', 3);
  const diff = diffUpload(v.valid, ctx.userByEmailKey);
  const errors = [...v.errors, ...diff.errors].sort((a, b) => a.row - b.row);
  const invalidRows = v.invalidRows + new Set(diff.errors.map((e) => e.row)).size;
  const session: UploadSession = { id: `upload-${++counter}`, fileName, rows: rows.length, diff, errors, invalidRows, storeVersion: store.version };
  const names = (list: { header: string }[]) => list.map((x) => x.header);
  return {
    session,
    summary: {
      ok: true,
      sessionId: session.id,
      encoding: decoded.encoding,
      warning: decoded.warning,
      delimiter,
      headers: header.cells,
      mapping: columns.map((c) => c?.header ?? null),
      unknown: opts.mapping ? [] : names(auto.unknown),
      duplicates: opts.mapping ? [] : names(auto.duplicates),
      readOnly: opts.mapping ? [] : names(auto.readOnly),
      mappingError,
      counts: {
        rows: rows.length,
        created: diff.created.length,
        updated: diff.updated.length,
        unchanged: diff.unchanged.length,
        invalid: invalidRows,
        deleted: diff.deleted.length
      }
    }
  };
}

export type UploadGroup = 'created' | 'updated' | 'unchanged' | 'deleted' | 'invalid';

export interface GroupRow {
  row: number;
  email: string;
  name: string;
  detail: string;
  changes?: { field: keyof RowValues; before: unknown; after: unknown }[];
}

/** One page of a preview group, for the page to browse. */
export function groupPage(s: UploadSession, group: UploadGroup, offset: number, limit: number): { total: number; rows: GroupRow[] } {
  const name = (v: RowValues, fallback = '') => `${v.firstName ?? ''} ${v.lastName ?? ''}`.trim() || fallback;
  const full = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;
  let rows: GroupRow[];
  switch (group) {
    case 'created':
      rows = s.diff.created.slice(offset, offset + limit).map((r) => ({ row: r.row, email: r.email, name: name(r.values), detail: 'new user' }));
      return { total: s.diff.created.length, rows };
    case 'updated':
      rows = s.diff.updated.slice(offset, offset + limit).map((u) => ({ row: u.row.row, email: u.user.email, name: full(u.user), detail: `${u.changes.length} field${u.changes.length === 1 ? '' : 's'}`, changes: u.changes }));
      return { total: s.diff.updated.length, rows };
    case 'unchanged':
      rows = s.diff.unchanged.slice(offset, offset + limit).map((u) => ({ row: u.row.row, email: u.user.email, name: full(u.user), detail: 'no change' }));
      return { total: s.diff.unchanged.length, rows };
    case 'deleted':
      rows = s.diff.deleted.slice(offset, offset + limit).map((u) => ({ row: u.row.row, email: u.user.email, name: full(u.user), detail: 'matches a deleted user' }));
      return { total: s.diff.deleted.length, rows };
    case 'invalid':
      rows = s.errors.slice(offset, offset + limit).map((e) => ({ row: e.row, email: '', name: e.column, detail: `${e.column}: ${e.message}${e.value ? ` (“${e.value}”)` : ''}` }));
      return { total: s.errors.length, rows };
  }
}
