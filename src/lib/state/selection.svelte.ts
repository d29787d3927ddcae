import { engine } from '../client/engine';
import { Latest } from '../client/latest';
import type { Filter, Sort } from '../domain/filters';
import type { Selection } from '../worker/api';
import { workspace } from './workspace.svelte';

/**
 * Which users the administrator has ticked: one byte per user id, so ticking one of 600,000
 * selected users costs one write rather than copying a 600,000-entry Set, and "Select all N
 * matching" marks the ids the engine hands over (moved, not copied) in a few milliseconds. Every
 * row shows its true state whatever filter is shown later, and what is previewed is exactly what
 * was ticked.
 */
export class SelectionState {
  /** 1 where the user with that id is selected; grown as larger ids are ticked. */
  private bits = new Uint8Array(0);
  /** Bumped on every change: readers of `has` re-render (the bytes themselves are not reactive). */
  private changes = $state(0);
  /** The selected ids in ascending order, made once per change and handed to the engine. */
  private listed: { at: number; ids: Int32Array } | null = null;
  /** The row index last toggled, for shift-click ranges. */
  anchor = $state<number | null>(null);

  count = $state(0);
  /** How many selected users the filter last asked about (`countHidden`) hides. */
  hidden = $state(0);
  private hiddenLoads = new Latest();
  /** The selection (its change) and filter `hidden` was counted for. */
  private counted: { at: number; filter: string } | null = null;

  has(id: number): boolean {
    void this.changes;
    return this.bits[id] === 1;
  }

  set(id: number, on: boolean) {
    this.setMany([id], on);
  }

  setMany(ids: ArrayLike<number>, on: boolean) {
    let top = 0;
    for (let i = 0; i < ids.length; i++) if (ids[i] > top) top = ids[i];
    if (on && top >= this.bits.length) {
      const grown = new Uint8Array(Math.max(top + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const bits = this.bits;
    const want = on ? 1 : 0;
    let count = this.count;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id >= bits.length || bits[id] === want) continue;
      bits[id] = want;
      count += on ? 1 : -1;
    }
    this.count = count;
    this.changes++;
  }

  /** The selected ids, ascending. */
  ids(): Int32Array {
    if (this.listed?.at !== this.changes) {
      const ids = new Int32Array(this.count);
      for (let id = 0, n = 0; n < ids.length; id++) if (this.bits[id] === 1) ids[n++] = id;
      this.listed = { at: this.changes, ids };
    }
    return this.listed.ids;
  }

  /** Exactly these ids selected (a selection kept while visiting a user's page, brought back). */
  replace(ids: ArrayLike<number>) {
    this.clear();
    this.setMany(ids, true);
  }

  /**
   * Selects every user `filter` matches. Who the filter hides is unchanged — only users it shows
   * were added —, so a count known before is known after, without sending the engine 600,000 ids
   * to count again.
   */
  async selectAllMatching(filter: Filter, sort: Sort) {
    try {
      const ids = await engine().allIds({ filter, sort });
      const known = this.countedFor(filter);
      this.setMany(ids, true);
      if (known) this.counted = { at: this.changes, filter: JSON.stringify(filter) };
    } catch (e) {
      workspace.fail(e);
    }
  }

  private countedFor(filter: Filter): boolean {
    return this.counted !== null && this.counted.at === this.changes && this.counted.filter === JSON.stringify(filter);
  }

  clear() {
    this.bits = new Uint8Array(0);
    this.count = 0;
    this.changes++;
    this.anchor = null;
  }

  /**
   * Asks the engine how many selected users `filter` hides, into `hidden`. Reads the selection and
   * the filter at once (an effect calling it re-asks when either changes); an answer to an earlier
   * question is dropped, so a slow count for the previous filter never replaces the newest one.
   */
  async countHidden(filter: Filter) {
    if (this.countedFor(filter)) return;
    const counted = { at: this.changes, filter: JSON.stringify(filter) };
    if (this.count === 0) {
      this.hiddenLoads.drop();
      this.hidden = 0;
      this.counted = counted;
      return;
    }
    const selection = this.toSelection();
    try {
      await this.hiddenLoads.run(
        () => engine().selectionInfo(selection, filter),
        (info) => {
          this.hidden = info.hidden;
          this.counted = counted;
        }
      );
    } catch (e) {
      workspace.fail(e);
    }
  }

  /** The plain-data form the engine takes. */
  toSelection(): Selection {
    return { ids: this.ids() };
  }
}
