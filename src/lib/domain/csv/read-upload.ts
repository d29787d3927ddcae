import { checkMapping, COLUMNS, mapColumns, type Column, type ColumnMapping } from './columns';
import { emptyDiff, RowChecker, type UploadDiff } from './check-rows';
import { eachRecord, type Delimiter } from './parse';
import type { ValidationContext } from './validate';

export interface UploadRead {
  ok: true;
  headers: string[];
  columns: (Column | null)[];
  /** How the header was matched; empty lists when the administrator gave the mapping. */
  auto: Pick<ColumnMapping, 'unknown' | 'duplicates' | 'readOnly'>;
  mappingError: string | null;
  rows: number;
  diff: UploadDiff;
}
export type UploadReadResult = UploadRead | { ok: false; error: string; line?: number };

/**
 * Text → header mapping → every row checked and compared with the directory, in one pass over the
 * file (SPEC §5 steps 3–5). `mapping` is the administrator's choice of column per header cell.
 * `onRows` hears how far the reading is, as a fraction of the text, every few thousand rows.
 */
export function readUpload(
  text: string,
  delimiter: Delimiter,
  mapping: (string | null)[] | undefined,
  ctx: ValidationContext,
  onRows?: (fraction: number) => void
): UploadReadResult {
  let headers: string[] | null = null;
  let columns: (Column | null)[] = [];
  let auto: UploadRead['auto'] = { unknown: [], duplicates: [], readOnly: [] };
  let mappingError: string | null = null;
  let checker: RowChecker | null = null;
  let rows = 0;
  const read = eachRecord(text, delimiter, (cells, _line, offset) => {
    if (!headers) {
      headers = cells;
      if (mapping) {
        columns = cells.map((_, i) => COLUMNS.find((c) => c.header === mapping[i]) ?? null);
        mappingError = checkMapping(columns);
      } else {
        const m = mapColumns(cells);
        ({ columns, error: mappingError } = m);
        auto = { unknown: m.unknown, duplicates: m.duplicates, readOnly: m.readOnly };
      }
      if (!mappingError) checker = new RowChecker(columns, ctx, cells);
      return;
    }
    rows++;
    checker?.add(cells, rows + 1);
    if (onRows && rows % 16384 === 0) onRows(offset / text.length);
  });
  if (!read.ok) return read;
  if (!headers) return { ok: false, error: 'The file is empty.' };
  if (rows === 0) return { ok: false, error: 'The file has a header row but no users below it.' };
  const diff = (checker as RowChecker | null)?.diff ?? emptyDiff();
  return { ok: true, headers, columns, auto, mappingError, rows, diff };
}
