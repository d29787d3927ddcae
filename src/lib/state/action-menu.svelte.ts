import { engine } from '../client/engine';
import { Latest } from '../client/latest';
import type { MenuItem, Selection } from '../worker/api';

/** The action menu's items and counts for a selection, as the engine computes them; a late answer is dropped. */
export class ActionMenuState {
  items = $state.raw<MenuItem[] | null>(null);
  private latest = new Latest();

  async load(selection: Selection) {
    this.items = null;
    await this.latest.run(
      () => engine().actionMenu(selection),
      (items) => (this.items = items)
    );
  }

  forget() {
    this.latest.drop();
  }
}
