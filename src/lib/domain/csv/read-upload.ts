import { checkMapping, COLUMNS, type Column } from './columns';
import { emptyDiff, RowChecker, type UploadDiff } from './check-rows';
import { eachRecord, type Delimiter, type ReadResult, type RecordHandler } from './parse';
import type { ValidationContext } from './validate';
import { isVersionLine, musterCells, musterColumns, recogniseHeader, rowStates, type ColumnRead, type RecognisedHeader, type RowState } from '../formats';

export interface UploadRead {
  ok: true;
  headers: string[];
  columns: (Column | null)[];
  /** Which directory's file this is, and what each of its columns means (mapped, a state, ignored and why). */
  recognised: RecognisedHeader;
  mappingError: string | null;
  rows: number;
  diff: UploadDiff;
}
export type UploadReadResult = UploadRead | { ok: false; error: string; line?: number };

const NO_STATES: readonly RowState[] = [];

/** Where records come from: a CSV text, or a SCIM ListResponse read into the same cells. */
export type RecordSource = (onRecord: RecordHandler) => ReadResult;

export const csvRecords =
  (text: string, delimiter: Delimiter): RecordSource =>
  (onRecord) =>
    eachRecord(text, delimiter, onRecord);

/**
 * Records → header recognised → every row checked and compared with the directory, in one pass
 * (SPEC §5 steps 3–5). The header may be Muster's or another directory's (Google Workspace,
 * Entra ID — after its `version:v1.0` line —, Okta): columns are mapped, state cells ("New
 * Status", "Block sign in") become bulk actions per row, the rest are ignored with a reason.
 * `mapping` is the administrator's own choice of Muster column per header cell. `onRows` hears
 * how far the reading is, as a fraction, every few thousand rows.
 */
export function readUpload(
  source: RecordSource,
  mapping: (string | null)[] | undefined,
  ctx: ValidationContext,
  onRows?: (fraction: number) => void,
  total = 1
): UploadReadResult {
  const reader = uploadReader(mapping, ctx, onRows, total);
  return reader.finish(source(reader.onRecord));
}

/**
 * `readUpload` fed record by record, for records that arrive in pieces (a file read as a stream):
 * `onRecord` for each, then `finish` with how the reading went.
 */
export function uploadReader(mapping: (string | null)[] | undefined, ctx: ValidationContext, onRows?: (fraction: number) => void, total = 1) {
  let preamble: string[] | null = null;
  let recognised: RecognisedHeader | null = null;
  let columns: (Column | null)[] = [];
  let mappingError: string | null = null;
  let checker: RowChecker | null = null;
  let rows = 0;
  let firstRow = 2;
  // Whether any column converts its cells or is a state: Muster's own files have neither.
  let converts = false;
  let states = false;
  const onRecord: RecordHandler = (cells, _line, offset) => {
    if (!recognised) {
      if (!preamble && isVersionLine(cells)) {
        preamble = cells;
        return;
      }
      recognised = recogniseHeader(preamble ? [preamble, cells] : [cells]);
      firstRow = preamble ? 3 : 2;
      if (mapping) {
        columns = cells.map((_, i) => COLUMNS.find((c) => c.header === mapping[i]) ?? null);
        recognised = withMapping(recognised, columns);
        mappingError = checkMapping(columns);
      } else {
        columns = musterColumns(recognised);
        mappingError = recognised.error;
      }
      if (!mappingError) checker = new RowChecker(columns, ctx, cells, recognised.purpose !== 'update');
      converts = recognised.columns.some((c) => c.kind === 'field' && c.convert !== undefined);
      states = recognised.columns.some((c) => c.kind === 'state');
      return;
    }
    const row = firstRow + rows++;
    checker?.add(converts ? musterCells(recognised, cells) : cells, row, states ? rowStates(recognised, cells) : NO_STATES);
    if (onRows && rows % 16384 === 0) onRows(offset / total);
  };
  const finish = (read: ReadResult): UploadReadResult => {
    if (!read.ok) return read;
    if (!recognised) return { ok: false, error: 'The file is empty.' };
    if (rows === 0) return { ok: false, error: 'The file has a header row but no users below it.' };
    const diff = checker?.diff ?? emptyDiff();
    return { ok: true, headers: recognised.headers, columns, recognised, mappingError, rows, diff };
  };
  return { onRecord, finish };
}

/** The administrator's mapping over a recognised header: their columns; states and reasons stay for the rest. */
function withMapping(h: RecognisedHeader, columns: (Column | null)[]): RecognisedHeader {
  const read = (c: Column | null, i: number): ColumnRead => {
    const was = h.columns[i];
    if (c) return was?.kind === 'field' && was.header === c.header ? was : { kind: 'field', header: c.header as never };
    return was?.kind === 'field' ? { kind: 'ignored', reason: 'Left out by your choice of mapping.' } : was;
  };
  return { ...h, columns: columns.map(read) };
}
