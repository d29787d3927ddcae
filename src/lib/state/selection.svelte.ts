import { engine } from '../client/engine';
import { Latest } from '../client/latest';
import type { Filter, Sort } from '../domain/filters';
import type { Selection } from '../worker/api';
import { workspace } from './workspace.svelte';

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
  /** How many selected users the filter last asked about (`countHidden`) hides. */
  hidden = $state(0);
  private hiddenLoads = new Latest();

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
    try {
      this.setMany(await engine().rangeIds({ filter, sort }, 0, total), true);
    } catch (e) {
      workspace.fail(e);
    }
  }

  clear() {
    this.ids = new Set();
    this.anchor = null;
  }

  /**
   * Asks the engine how many selected users `filter` hides, into `hidden`. Reads the selection and
   * the filter at once (an effect calling it re-asks when either changes); an answer to an earlier
   * question is dropped, so a slow count for the previous filter never replaces the newest one.
   */
  async countHidden(filter: Filter) {
    if (this.count === 0) {
      this.hiddenLoads.drop();
      this.hidden = 0;
      return;
    }
    const selection = this.toSelection();
    try {
      await this.hiddenLoads.run(
        () => engine().selectionInfo(selection, filter),
        (info) => (this.hidden = info.hidden)
      );
    } catch (e) {
      workspace.fail(e);
    }
  }

  /** The plain-data form the engine takes. */
  toSelection(): Selection {
    return { ids: [...this.ids] };
  }
}
