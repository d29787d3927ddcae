import { Latest } from '../client/latest';
import { workspace } from './workspace.svelte';

const PAGE = 200;

/**
 * A long list read from the engine a page at a time as it scrolls: the total, and the pages
 * fetched so far. A new query starts over; an answer to an older query is dropped.
 * `Page` is what one fetch answers; besides the rows it may say more about the query (counts,
 * the fields to filter by), kept from the first page as `head`.
 */
export class PagedList<Row, Page extends { total: number; rows: Row[] } = { total: number; rows: Row[] }> {
  total = $state(0);
  loaded = $state(false);
  pages = $state.raw(new Map<number, Row[]>());
  /** The newest query's first page, whole. */
  head = $state.raw<Page | null>(null);
  private latest = new Latest();
  private pending = new Set<number>();

  constructor(private fetch: (offset: number, limit: number) => Promise<Page>) {}

  /**
   * Starts over from the first page. With `wait` (ms) it asks only once that long passes without
   * another reset, so typing asks once per pause. `onshow` runs as the answer is shown (to scroll
   * back to the top in the same update). Resolves whether this answer was shown.
   */
  async reset(opts: { wait?: number; onshow?: () => void } = {}): Promise<boolean> {
    this.pending.clear();
    try {
      return await this.latest.run(
        () => this.fetch(0, PAGE),
        (res) => {
          this.total = res.total;
          this.pages = new Map([[0, res.rows]]);
          this.head = res;
          this.loaded = true;
          opts.onshow?.();
        },
        { wait: opts.wait }
      );
    } catch (e) {
      workspace.fail(e);
      return false;
    }
  }

  row(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  }

  async ensure(start: number, end: number) {
    for (let p = Math.floor(start / PAGE); p <= Math.floor(Math.max(start, end - 1) / PAGE); p++) {
      if (this.pages.has(p) || this.pending.has(p) || p * PAGE >= this.total) continue;
      this.pending.add(p);
      let shown = false;
      try {
        shown = await this.latest.more(
          () => this.fetch(p * PAGE, PAGE),
          (res) => (this.pages = new Map(this.pages).set(p, res.rows))
        );
      } catch (e) {
        workspace.fail(e);
      } finally {
        this.pending.delete(p);
      }
      if (!shown) return;
    }
  }
}
