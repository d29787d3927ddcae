import { Latest } from '../client/latest';

const PAGE = 200;

/**
 * A long list read from the engine a page at a time as it scrolls: the total, and the pages
 * fetched so far. A new query starts over; an answer to an older query is dropped.
 */
export class PagedList<Row> {
  total = $state(0);
  loaded = $state(false);
  pages = $state.raw(new Map<number, Row[]>());
  private latest = new Latest();
  private pending = new Set<number>();

  constructor(private fetch: (offset: number, limit: number) => Promise<{ total: number; rows: Row[] }>) {}

  async reset() {
    this.pending.clear();
    await this.latest.run(
      () => this.fetch(0, PAGE),
      (res) => {
        this.total = res.total;
        this.pages = new Map([[0, res.rows]]);
        this.loaded = true;
      }
    );
  }

  row(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  }

  async ensure(start: number, end: number) {
    for (let p = Math.floor(start / PAGE); p <= Math.floor(Math.max(start, end - 1) / PAGE); p++) {
      if (this.pages.has(p) || this.pending.has(p) || p * PAGE >= this.total) continue;
      this.pending.add(p);
      const shown = await this.latest.more(
        () => this.fetch(p * PAGE, PAGE),
        (res) => (this.pages = new Map(this.pages).set(p, res.rows))
      );
      this.pending.delete(p);
      if (!shown) return;
    }
  }
}
