import { changeRow, changeRows, RECORD_FIELD, rowCount, rowField, type ChangeRow, type Names } from '../domain/report-rows';
import { describeValue } from '../domain/values';
import type { UserChange } from '../domain/operations';
import { FIELD_LABELS } from '../domain/user';

export interface RowsQuery {
  /** Words matched against the user's name and email. */
  q?: string;
  field?: string;
}

export interface RowsPage {
  total: number;
  /** Rows in the whole table, before the search. */
  all: number;
  rows: ChangeRow[];
  fields: { field: string; label: string; count: number }[];
}

/** One distinct change and how many users it happens to ("Organization: North → South — 412 users"). */
export interface ChangeSummary {
  label: string;
  before: string;
  after: string;
  count: number;
}

/** A change log read entry by entry: a list, or a preview's users made on demand (bulk-preview.ts). */
export interface ChangeLog {
  readonly length: number;
  entry(i: number): UserChange;
  /** Entry i's changes and snapshot, which counting and filtering rows read: may belong to another user. */
  parts(i: number): Pick<UserChange, 'changes' | 'snapshot'>;
  /** Rows by field over the whole log, when the log knows them without reading each entry. */
  fieldCounts?(): Map<string, number>;
}

function asLog(log: readonly UserChange[] | ChangeLog): ChangeLog {
  if (!Array.isArray(log)) return log as ChangeLog;
  const entry = (i: number) => log[i];
  return { length: log.length, entry, parts: entry };
}

/** Rows by field, reading every entry. */
function countFields(log: ChangeLog): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < log.length; i++) {
    const c = log.parts(i);
    for (let k = 0, m = rowCount(c); k < m; k++) {
      const field = rowField(c, k);
      counts.set(field, (counts.get(field) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Changed fields as people read them, one row each, searchable by user and filtered by field: a
 * report's changes, or what a preview says will change. Rows are put in words only when a page
 * shows them: a preview of 60,000 users is opened, read a page or two, and applied or cancelled.
 * Pages of the whole table are found by walking the log; the index of every row is made for the
 * first search or field filter.
 */
export class ChangeTable {
  /** Each row's user change (index in the log) and its row within that change: made on the first search or filter. */
  private index?: { entry: Int32Array; part: Int32Array };
  /** Each change's user as searched (name and email, lowercased), made on the first search. */
  private texts?: string[];
  readonly fields: RowsPage['fields'];
  private readonly rows: number;
  private readonly log: ChangeLog;

  constructor(
    log: readonly UserChange[] | ChangeLog,
    private readonly names: Names
  ) {
    this.log = log = asLog(log);
    const counts = log.fieldCounts?.() ?? countFields(log);
    let rows = 0;
    for (const n of counts.values()) rows += n;
    this.rows = rows;
    const label = (field: string) => (field === RECORD_FIELD ? 'User' : (FIELD_LABELS[field] ?? field));
    this.fields = [...counts].map(([field, count]) => ({ field, label: label(field), count })).sort((a, b) => a.label.localeCompare(b.label));
  }

  private rowIndex() {
    if (this.index) return this.index;
    const { log } = this;
    const entry = new Int32Array(this.rows);
    const part = new Int32Array(this.rows);
    for (let i = 0, r = 0; i < log.length; i++)
      for (let k = 0, m = rowCount(log.parts(i)); k < m; k++, r++) {
        entry[r] = i;
        part[r] = k;
      }
    return (this.index = { entry, part });
  }

  /** Every row in words (a report's CSV export). */
  all(): ChangeRow[] {
    return changeRows(Array.from({ length: this.log.length }, (_, i) => this.log.entry(i)), this.names);
  }

  page(q: RowsQuery, offset: number, limit: number): RowsPage {
    const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const all = this.rows;
    const { log, names } = this;
    if (!q.field && words.length === 0) {
      // Walked from the first entry: no index of 60,000 rows for the first page.
      const rows: ChangeRow[] = [];
      const start = Math.max(0, offset);
      const end = Math.min(all, start + Math.max(0, limit));
      for (let i = 0, r = 0; i < log.length && r < end; i++)
        for (let k = 0, m = rowCount(log.parts(i)); k < m && r < end; k++, r++) if (r >= start) rows.push(changeRow(log.entry(i), k, names));
      return { total: all, all, rows, fields: this.fields };
    }
    const { entry, part } = this.rowIndex();
    const row = (r: number) => changeRow(log.entry(entry[r]), part[r], names);
    const texts = words.length ? (this.texts ??= this.searchTexts()) : [];
    const hits: number[] = [];
    for (let r = 0; r < all; r++) {
      const i = entry[r];
      if (q.field && rowField(log.parts(i), part[r]) !== q.field) continue;
      if (words.length && !words.every((w) => texts[i].includes(w))) continue;
      hits.push(r);
    }
    return { total: hits.length, all, rows: hits.slice(offset, offset + limit).map(row), fields: this.fields };
  }

  private searchTexts(): string[] {
    const texts: string[] = [];
    for (let i = 0; i < this.log.length; i++) {
      const c = this.log.entry(i);
      texts.push(`${c.name}\n${c.email}`.toLowerCase());
    }
    return texts;
  }
}

/**
 * Each distinct change with how many users it happens to, straight from a change log: values are
 * grouped as they are stored and only the distinct ones are put in words (a preview of 60,000
 * users has a handful).
 */
export function summarizeChanges(
  log: readonly UserChange[],
  names: Names,
  limit = 12,
  /** How many users each entry stands for (a preview judged by shape); 1 when absent. */
  weight = (_c: UserChange) => 1
): { summary: ChangeSummary[]; changes: number } {
  const groups = new Map<string, { field: string; before: unknown; after: unknown; count: number }>();
  let changes = 0;
  const key = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : `${typeof v}:${String(v)}`);
  for (const c of log) {
    const n = weight(c);
    if (c.snapshot) {
      changes += n;
      const k = `record\u0000${c.snapshot.kind}`;
      const g = groups.get(k);
      if (g) g.count += n;
      else groups.set(k, { field: RECORD_FIELD, before: c.snapshot.kind === 'removed' ? 'In the directory' : '', after: c.snapshot.kind === 'removed' ? 'Removed permanently' : 'Created', count: n });
    }
    for (const f of c.changes) {
      changes += n;
      const k = `${f.field}\u0000${key(f.before)}\u0000${key(f.after)}`;
      const g = groups.get(k);
      if (g) g.count += n;
      else groups.set(k, { field: f.field, before: f.before, after: f.after, count: n });
    }
  }
  const words = (field: string, v: unknown) => (field === RECORD_FIELD ? String(v) : describeValue(field, v, names));
  // A field whose old values all differ (content counts, names) reads as one line per new value.
  const perField = new Map<string, number>();
  for (const g of groups.values()) perField.set(g.field, (perField.get(g.field) ?? 0) + 1);
  const merged = new Map<string, { field: string; before: unknown; after: unknown; count: number; various?: boolean }>();
  for (const g of groups.values()) {
    if ((perField.get(g.field) ?? 0) <= 3) {
      merged.set(`${g.field}\u0000${key(g.before)}\u0000${key(g.after)}`, g);
      continue;
    }
    const k = `${g.field}\u0000*\u0000${key(g.after)}`;
    const m = merged.get(k);
    if (m) {
      m.count += g.count;
      m.various ||= key(m.before) !== key(g.before);
    } else merged.set(k, { ...g });
  }
  const summary = [...merged.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map((g) => ({
      label: g.field === RECORD_FIELD ? 'User' : (FIELD_LABELS[g.field] ?? g.field),
      before: 'various' in g && g.various ? 'various values' : words(g.field, g.before),
      after: words(g.field, g.after),
      count: g.count
    }));
  return { summary, changes };
}

/** The last preview's changes, kept for the dialog to page and search; an older preview's id reads nothing. */
export class PreviewTables {
  private counter = 0;
  private last: { id: number; log: readonly UserChange[] | ChangeLog; names: Names; table?: ChangeTable } | null = null;

  keep(log: readonly UserChange[] | ChangeLog, names: Names): number {
    this.last = { id: ++this.counter, log, names };
    return this.counter;
  }

  page(id: number, q: RowsQuery, offset: number, limit: number): RowsPage {
    const last = this.last;
    if (!last || last.id !== id) return { total: 0, all: 0, rows: [], fields: [] };
    last.table ??= new ChangeTable(last.log, last.names);
    return last.table.page(q, offset, limit);
  }

  forget() {
    this.last = null;
  }
}
