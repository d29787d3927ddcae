import { engine } from '../client/engine';
import { messageOf } from '../client/errors';
import { Latest } from '../client/latest';
import { displayName } from '../domain/user-fields';
import { userIdsIn } from '../domain/values';
import type { HistoryEntry, UserPage } from '../worker/api';
import { workspace } from './workspace.svelte';

/** One user's page as the engine answers it: the user with names, the invitation, the actions. */
export class UserView {
  /** undefined while loading the first time; null when there is no such user. */
  page = $state.raw<UserPage | null | undefined>(undefined);
  error = $state<string | null>(null);
  private latest = new Latest();

  constructor(readonly id: number) {}

  async load() {
    try {
      await this.latest.run(
        async () => {
          await workspace.ready();
          return engine().userPage(this.id);
        },
        (page) => {
          this.page = page;
          this.error = null;
        }
      );
    } catch (e) {
      this.error = messageOf(e);
    }
  }
}

const PAGE = 50;

/**
 * Every operation that changed one user, newest first, read 50 at a time ("Load more"). People an
 * entry refers to by id (an account executive) are looked up by name once, for all entries shown.
 */
export class UserHistory {
  rows = $state.raw<HistoryEntry[]>([]);
  total = $state(0);
  loaded = $state(false);
  loading = $state(false);
  error = $state<string | null>(null);
  /** Names of the people the entries refer to, by user id. */
  people = $state.raw(new Map<number, string>());
  private latest = new Latest();

  constructor(readonly userId: number) {}

  get more(): number {
    return Math.max(0, this.total - this.rows.length);
  }

  /** Reads the history again from the newest entry, as many entries as were shown. */
  async reset() {
    await this.read(0, Math.max(PAGE, this.rows.length), true);
  }

  async loadMore() {
    await this.read(this.rows.length, PAGE, false);
  }

  name = (id: number) => this.people.get(id) ?? 'a user no longer in the directory';

  private async read(offset: number, limit: number, replace: boolean) {
    this.loading = true;
    try {
      await this.latest.run(
        async () => {
          const page = await engine().userHistory(this.userId, offset, limit);
          const ids = userIdsIn(page.rows.flatMap((r) => r.changes)).filter((id) => !this.people.has(id));
          return { page, found: ids.length ? await engine().rows(ids) : [] };
        },
        ({ page, found }) => {
          if (found.length) this.people = new Map([...this.people, ...found.map((u) => [u.id, displayName(u)] as const)]);
          this.rows = replace ? page.rows : [...this.rows, ...page.rows];
          this.total = page.total;
          this.loaded = true;
          this.error = null;
          this.loading = false;
        }
      );
    } catch (e) {
      this.error = messageOf(e);
      this.loading = false;
    }
  }
}
