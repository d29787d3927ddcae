import { engine } from '../client/engine';
import type { Filter, Sort } from '../domain/filters';
import type { Selection } from '../worker/api';

/**
 * Which users the administrator has ticked, as a set of ids. "Select all N matching" asks the
 * engine for the ids once (100,000 numbers clone in a few milliseconds), so every row shows its
 * true state whatever filter is shown later, and what is previewed is exactly what was ticked.
 */
export class SelectionState {
  /** Replaced, never mutated, so readers re-render. */
  ids = $state.raw(new Set<number>());
  /** The row index last toggled, for shift-click ranges. */
  anchor = $state<number | null>(null);

  count = $derived(this.ids.size);

  has(id: number): boolean {
    return this.ids.has(id);
  }

  set(id: number, on: boolean) {
    this.setMany([id], on);
  }

  setMany(ids: number[], on: boolean) {
    const next = new Set(this.ids);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    this.ids = next;
  }

  async selectAllMatching(filter: Filter, sort: Sort, total: number) {
    const ids = await engine().rangeIds({ filter, sort }, 0, total);
    this.setMany(ids, true);
  }

  clear() {
    this.ids = new Set();
    this.anchor = null;
  }

  /** The plain-data form the engine takes. */
  /** How many selected users a filter hides (the engine knows both). */
  async hiddenBy(filter: Filter): Promise<number> {
    if (this.count === 0) return 0;
    return (await engine().selectionInfo(this.toSelection(), filter)).hidden;
  }

  toSelection(): Selection {
    return { ids: [...this.ids] };
  }
}
