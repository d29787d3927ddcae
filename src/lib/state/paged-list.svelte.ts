const PAGE = 200;

/**
 * A long list read from the engine a page at a time as it scrolls: the total, and the pages
 * fetched so far. A new query starts over; an answer to an older query is dropped.
 */
export class PagedList<Row> {
  total = $state(0);
  loaded = $state(false);
  pages = $state.raw(new Map<number, Row[]>());
  private generation = 0;
  private pending = new Set<number>();

  constructor(private fetch: (offset: number, limit: number) => Promise<{ total: number; rows: Row[] }>) {}

  async reset() {
    const gen = ++this.generation;
    this.pending.clear();
    const res = await this.fetch(0, PAGE);
    if (gen !== this.generation) return;
    this.total = res.total;
    this.pages = new Map([[0, res.rows]]);
    this.loaded = true;
  }

  row(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  }

  async ensure(start: number, end: number) {
    const gen = this.generation;
    for (let p = Math.floor(start / PAGE); p <= Math.floor(Math.max(start, end - 1) / PAGE); p++) {
      if (this.pages.has(p) || this.pending.has(p) || p * PAGE >= this.total) continue;
      this.pending.add(p);
      const res = await this.fetch(p * PAGE, PAGE);
      this.pending.delete(p);
      if (gen !== this.generation) return;
      this.pages = new Map(this.pages).set(p, res.rows);
    }
  }
}
