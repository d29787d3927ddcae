import { engine } from '../client/engine';
import { Latest } from '../client/latest';
import type { OutboxEmail } from '../domain/operations';
import { workspace } from './workspace.svelte';

/** How many of the newest matching emails the page lists; a search finds the others. */
const LIMIT = 200;

/**
 * The outbox as its page shows it: the newest emails to recipients matching a search, and the one
 * open beside them. Each keystroke asks the engine; an answer to an older search is dropped.
 */
export class OutboxState {
  rows = $state.raw<OutboxEmail[]>([]);
  total = $state(0);
  loaded = $state(false);
  open = $state.raw<OutboxEmail | null>(null);
  private latest = new Latest();

  /** `wanted`: the id of an email to open once it is listed (a link from a user's page). */
  constructor(private wanted: number | null = null) {}

  async load(query: string) {
    await this.latest.run(
      () => workspace.ready().then(() => engine().outbox(query, 0, LIMIT)),
      (res) => {
        this.rows = res.rows;
        this.total = res.total;
        this.loaded = true;
        if (this.wanted !== null) {
          const wanted = this.wanted;
          this.wanted = null;
          this.open = res.rows.find((e) => e.id === wanted) ?? this.open;
        } else if (this.open) {
          // The open email as it is now (its link may have been used since).
          const id = this.open.id;
          this.open = res.rows.find((e) => e.id === id) ?? this.open;
        }
      }
    );
  }
}
