import { SvelteSet } from 'svelte/reactivity';
import type { Filter } from '../domain/filters';
import type { Selection } from '../worker/api';

/**
 * Which users the administrator has ticked: a set of ids, or "every user matching a filter" minus
 * the ones unticked since. The second form stays small however many users match.
 */
export class SelectionState {
  ids = new SvelteSet<number>();
  /** When set, everyone matching this filter is selected, except `except`. */
  allMatching = $state<{ filter: Filter; total: number } | null>(null);
  except = new SvelteSet<number>();
  /** The row index last toggled, for shift-click ranges. */
  anchor = $state<number | null>(null);

  count = $derived(this.allMatching ? this.allMatching.total - this.except.size : this.ids.size);

  has(id: number): boolean {
    return this.allMatching ? !this.except.has(id) : this.ids.has(id);
  }

  set(id: number, on: boolean) {
    if (this.allMatching) {
      if (on) this.except.delete(id);
      else this.except.add(id);
    } else if (on) this.ids.add(id);
    else this.ids.delete(id);
  }

  setMany(ids: number[], on: boolean) {
    for (const id of ids) this.set(id, on);
  }

  selectAllMatching(filter: Filter, total: number) {
    this.ids.clear();
    this.except.clear();
    this.allMatching = { filter: $state.snapshot(filter) as Filter, total };
  }

  clear() {
    this.ids.clear();
    this.except.clear();
    this.allMatching = null;
    this.anchor = null;
  }

  /** The plain-data form the engine takes. */
  toSelection(): Selection {
    if (this.allMatching) return { filter: this.allMatching.filter, except: [...this.except] };
    return { ids: [...this.ids] };
  }
}
