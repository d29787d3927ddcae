import { engine } from '../client/engine';
import type { Filter, Sort } from '../domain/filters';
import { DEFAULT_SORT } from '../domain/filters';
import type { Meta, UserRow } from '../worker/api';

const PAGE = 100;

/**
 * The directory as the page sees it: the current filter and sort, the total, and the rows fetched
 * so far, page by page, as the table scrolls. Rows come from the engine; nothing is filtered here.
 */
export class DirectoryState {
  meta = $state<Meta | null>(null);
  filter = $state<Filter>({});
  sort = $state<Sort>(DEFAULT_SORT);
  total = $state(0);
  ready = $state(false);
  error = $state<string | null>(null);
  /** Rows by page number; replaced (not mutated) so the table re-renders. */
  pages = $state.raw(new Map<number, UserRow[]>());
  private generation = 0;
  private pending = new Set<number>();

  roleName = (id: string) => this.meta?.roles.find((r) => r.id === id)?.name ?? id;
  orgName = (id: string | null) => (id ? (this.meta?.organizations.find((o) => o.id === id)?.name ?? id) : '');

  async start() {
    try {
      await engine().open();
      this.meta = await engine().meta();
      await this.refresh();
      this.ready = true;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** Re-runs the query from the top (filter or sort changed, or data changed). */
  async refresh() {
    const gen = ++this.generation;
    this.pending.clear();
    const res = await engine().query({ filter: $state.snapshot(this.filter), sort: $state.snapshot(this.sort), offset: 0, limit: PAGE });
    if (gen !== this.generation) return;
    this.total = res.total;
    this.pages = new Map([[0, res.rows]]);
  }

  row(index: number): UserRow | undefined {
    return this.pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  }

  /** Makes sure the rows [start, end) are loaded; called by the table as it scrolls. */
  async ensure(start: number, end: number) {
    const gen = this.generation;
    for (let p = Math.floor(start / PAGE); p <= Math.floor(Math.max(start, end - 1) / PAGE); p++) {
      if (this.pages.has(p) || this.pending.has(p) || p * PAGE >= this.total) continue;
      this.pending.add(p);
      const res = await engine().query({ filter: $state.snapshot(this.filter), sort: $state.snapshot(this.sort), offset: p * PAGE, limit: PAGE });
      this.pending.delete(p);
      if (gen !== this.generation) return;
      const next = new Map(this.pages);
      next.set(p, res.rows);
      this.pages = next;
    }
  }
}
