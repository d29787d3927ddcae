import { COLUMNS, type Column } from '../csv/columns';
import { stateAction, type StateOutcome } from './state';
import type { MusterHeader, RecognisedHeader, StateColumn } from './types';

/**
 * A recognised file's rows as Muster's upload reads them: the mapping `readUpload` takes, the
 * columns `RowChecker` takes, each row's cells converted where a column says so, and the bulk
 * actions its state cells stand for.
 */

/** Per column, the Muster header it fills, or null: `readUpload`'s `mapping` argument. */
export function musterMapping(h: RecognisedHeader): (MusterHeader | null)[] {
  return h.columns.map((c) => (c.kind === 'field' ? c.header : null));
}

/** Per column, Muster's column, or null: `RowChecker`'s `columns` argument. */
export function musterColumns(h: RecognisedHeader): (Column | null)[] {
  return musterMapping(h).map((header) => (header ? (COLUMNS.find((c) => c.header === header) ?? null) : null));
}

/**
 * A row's cells as Muster reads them, one per column (so `RowChecker` still sees a short or long
 * row): Google's Org Unit Path becomes the organization's name. The same array when nothing needs
 * converting, as for every Muster file.
 */
export function musterCells(h: RecognisedHeader, cells: string[]): string[] {
  let out: string[] | null = null;
  h.columns.forEach((c, i) => {
    if (c.kind === 'field' && c.convert === 'org-unit-path' && i < cells.length) (out ??= [...cells])[i] = orgUnitName(cells[i]);
  });
  return out ?? cells;
}

/**
 * Google's organizational unit path as a Muster organization name: the last part ("/Sales/EMEA" →
 * "EMEA"). "/" is the top-level unit, which has no Muster organization: blank, so the user's
 * organization is left alone (a blank cell never changes anything).
 */
export function orgUnitName(path: string): string {
  const parts = path
    .trim()
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.length ? parts[parts.length - 1] : '';
}

export interface RowState {
  /** The column (0-based) and its header as written. */
  index: number;
  header: string;
  state: StateColumn;
  /** The cell as written. */
  value: string;
  outcome: StateOutcome;
}

/** The state cells of one row and what each asks for; blank cells are left out. */
export function rowStates(h: RecognisedHeader, cells: readonly string[]): RowState[] {
  const out: RowState[] = [];
  h.columns.forEach((c, index) => {
    if (c.kind !== 'state') return;
    const value = cells[index] ?? '';
    const outcome = stateAction(c.state, value);
    if ('error' in outcome || outcome.action !== null) out.push({ index, header: h.headers[index], state: c.state, value, outcome });
  });
  return out;
}
