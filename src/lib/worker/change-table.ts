import { changeRows, RECORD_FIELD, type ChangeRow, type Names } from '../domain/report-rows';
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

/**
 * Changed fields as people read them, one row each, searchable by user and filtered by field: a
 * report's changes, or what a preview says will change. Kept flattened in the worker, so typing in
 * its search box or scrolling reads nothing twice.
 */
export class ChangeTable {
  private texts: string[];
  readonly fields: RowsPage['fields'];

  constructor(readonly rows: ChangeRow[]) {
    this.texts = rows.map((r) => `${r.name}\n${r.email}`.toLowerCase());
    const counts = new Map<string, { field: string; label: string; count: number }>();
    for (const r of rows) {
      const f = counts.get(r.field) ?? { field: r.field, label: r.label, count: 0 };
      f.count++;
      counts.set(r.field, f);
    }
    this.fields = [...counts.values()].sort((a, b) => a.label.localeCompare(b.label));
  }

  page(q: RowsQuery, offset: number, limit: number): RowsPage {
    const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const hits: ChangeRow[] = [];
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      if (q.field && r.field !== q.field) continue;
      if (words.length && !words.every((w) => this.texts[i].includes(w))) continue;
      hits.push(r);
    }
    return { total: hits.length, all: this.rows.length, rows: hits.slice(offset, offset + limit), fields: this.fields };
  }
}

/**
 * Each distinct change with how many users it happens to, straight from a change log: values are
 * grouped as they are stored and only the distinct ones are put in words (a preview of 60,000
 * users has a handful).
 */
export function summarizeChanges(log: readonly UserChange[], names: Names, limit = 12): { summary: ChangeSummary[]; changes: number } {
  const groups = new Map<string, { field: string; before: unknown; after: unknown; count: number }>();
  let changes = 0;
  const key = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : `${typeof v}:${String(v)}`);
  for (const c of log) {
    if (c.snapshot) {
      changes++;
      const k = `record\u0000${c.snapshot.kind}`;
      const g = groups.get(k);
      if (g) g.count++;
      else groups.set(k, { field: RECORD_FIELD, before: c.snapshot.kind === 'removed' ? 'In the directory' : '', after: c.snapshot.kind === 'removed' ? 'Removed permanently' : 'Created', count: 1 });
    }
    for (const f of c.changes) {
      changes++;
      const k = `${f.field}\u0000${key(f.before)}\u0000${key(f.after)}`;
      const g = groups.get(k);
      if (g) g.count++;
      else groups.set(k, { field: f.field, before: f.before, after: f.after, count: 1 });
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

/**
 * The last preview's changes, kept for the dialog to page and search; an older preview's id reads
 * nothing. Put in words only when first paged: many previews are applied without scrolling.
 */
export class PreviewTables {
  private counter = 0;
  private last: { id: number; log: readonly UserChange[]; names: Names; table?: ChangeTable } | null = null;

  keep(log: readonly UserChange[], names: Names): number {
    this.last = { id: ++this.counter, log, names };
    return this.counter;
  }

  page(id: number, q: RowsQuery, offset: number, limit: number): RowsPage {
    const last = this.last;
    if (last?.id !== id) return { total: 0, all: 0, rows: [], fields: [] };
    last.table ??= new ChangeTable(changeRows([...last.log], last.names));
    return last.table.page(q, offset, limit);
  }

  forget() {
    this.last = null;
  }
}
