import type { ChangeRow } from '../domain/report-rows';

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

  /** The distinct changes, most frequent first. */
  summary(limit = 12): ChangeSummary[] {
    const groups = new Map<string, ChangeSummary>();
    for (const r of this.rows) {
      const key = `${r.label}\u0000${r.before}\u0000${r.after}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { label: r.label, before: r.before, after: r.after, count: 1 });
    }
    return [...groups.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, limit);
  }
}

/** The last preview's changes, kept for the dialog to page and search; an older preview's id reads nothing. */
export class PreviewTables {
  private counter = 0;
  private last: { id: number; table: ChangeTable } | null = null;

  keep(table: ChangeTable): number {
    this.last = { id: ++this.counter, table };
    return this.counter;
  }

  page(id: number, q: RowsQuery, offset: number, limit: number): RowsPage {
    return this.last?.id === id ? this.last.table.page(q, offset, limit) : { total: 0, all: 0, rows: [], fields: [] };
  }

  forget() {
    this.last = null;
  }
}
