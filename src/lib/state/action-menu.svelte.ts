import { engine } from '../client/engine';
import type { MenuItem, Selection } from '../worker/api';

/** The action menu's items and counts for a selection, as the engine computes them; a late answer is dropped. */
export class ActionMenuState {
  items = $state.raw<MenuItem[] | null>(null);
  private asked = 0;

  async load(selection: Selection) {
    const n = ++this.asked;
    this.items = null;
    const items = await engine().actionMenu(selection);
    if (n === this.asked) this.items = items;
  }

  forget() {
    this.asked++;
  }
}
