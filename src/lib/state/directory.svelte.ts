import type { UserExportFormat } from '../domain/export-formats';
import { engine } from '../client/engine';
import { FileExport } from './file-export.svelte';
import { Latest } from '../client/latest';
import type { Filter, FilterError, Sort } from '../domain/filters';
import { DEFAULT_SORT } from '../domain/filters';
import type { Selection, UserRow } from '../worker/api';

const PAGE = 100;

/**
 * The directory as the page sees it: the current filter and sort (taken from the URL), the total,
 * and the rows fetched so far, page by page, as the table scrolls. Nothing is filtered here: the
 * engine answers, and an answer to an older query is dropped.
 */
export class DirectoryState {
  filter = $state.raw<Filter>({});
  sort = $state.raw<Sort>(DEFAULT_SORT);
  total = $state(0);
  /** Why the filter matches nobody (a SCIM expression that does not parse), as the engine said. */
  filterError = $state.raw<FilterError | null>(null);
  loaded = $state(false);
  busy = $state(false);
  /** Counts the answers shown, so tests and the benchmark can tell when a new one arrived. */
  answers = $state(0);
  /** Rows by page number; replaced (not mutated) so the table re-renders. */
  pages = $state.raw(new Map<number, UserRow[]>());
  private latest = new Latest();
  private pending = new Set<number>();

  /** Shows the directory for this filter and sort, from the first page. */
  async show(filter: Filter, sort: Sort) {
    // An error the engine found in the previous filter says nothing about this one.
    if (filter !== this.filter) this.filterError = null;
    this.filter = filter;
    this.sort = sort;
    await this.refresh();
  }

  async refresh() {
    this.pending.clear();
    this.busy = true;
    const query = { filter: this.filter, sort: this.sort, offset: 0, limit: PAGE };
    await this.latest.run(
      () => engine().query(query),
      (res) => {
        this.total = res.total;
        this.filterError = res.filterError ?? null;
        this.pages = new Map([[0, res.rows]]);
        this.loaded = true;
        this.busy = false;
        this.answers++;
      }
    );
  }

  row(index: number): UserRow | undefined {
    return this.pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  }

  /** Ids of rows [start, end): from the rows held when they cover it, else asked of the engine. */
  async rangeIds(start: number, end: number): Promise<ArrayLike<number>> {
    const held = this.idsBetween(start, end);
    return held.length === end - start ? held : engine().rangeIds({ filter: this.filter, sort: this.sort }, start, end);
  }

  idsBetween(start: number, end: number): number[] {
    const out: number[] = [];
    for (let i = start; i < end; i++) {
      const r = this.row(i);
      if (r) out.push(r.id);
    }
    return out;
  }

  /** Makes sure the rows [start, end) are loaded; called by the table as it scrolls. */
  async ensure(start: number, end: number) {
    for (let p = Math.floor(start / PAGE); p <= Math.floor(Math.max(start, end - 1) / PAGE); p++) {
      if (this.pages.has(p) || this.pending.has(p) || p * PAGE >= this.total) continue;
      this.pending.add(p);
      const query = { filter: this.filter, sort: this.sort, offset: p * PAGE, limit: PAGE };
      const shown = await this.latest.more(
        () => engine().query(query),
        (res) => (this.pages = new Map(this.pages).set(p, res.rows))
      );
      this.pending.delete(p);
      if (!shown) return;
    }
  }

  /** Writing an export, with its progress. */
  readonly exporting = new FileExport();

  /** These users (a selection, else everyone the filter shows) as a file in the chosen format. */
  download(selection: Selection | null, format: UserExportFormat) {
    return this.exporting.run((progress) => engine().exportUsers(selection ?? { filter: this.filter }, format, progress));
  }
}
