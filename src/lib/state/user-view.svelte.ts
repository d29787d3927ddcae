import { engine } from '../client/engine';
import { messageOf } from '../client/errors';
import { displayName } from '../domain/user-fields';
import { userIdsIn } from '../domain/values';
import type { HistoryEntry, UserPage } from '../worker/api';
import { workspace } from './workspace.svelte';

/** One user's page as the engine answers it: the user with names, the invitation, the actions. */
export class UserView {
  /** undefined while loading the first time; null when there is no such user. */
  page = $state.raw<UserPage | null | undefined>(undefined);
  error = $state<string | null>(null);
  private generation = 0;

  constructor(readonly id: number) {}

  async load() {
    const gen = ++this.generation;
    try {
      await workspace.ready();
      const page = await engine().userPage(this.id);
      if (gen !== this.generation) return;
      this.page = page;
      this.error = null;
    } catch (e) {
      if (gen === this.generation) this.error = messageOf(e);
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
  private generation = 0;

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
    const gen = ++this.generation;
    this.loading = true;
    try {
      const page = await engine().userHistory(this.userId, offset, limit);
      const ids = userIdsIn(page.rows.flatMap((r) => r.changes)).filter((id) => !this.people.has(id));
      const found = ids.length ? await engine().rows(ids) : [];
      if (gen !== this.generation) return;
      if (found.length) this.people = new Map([...this.people, ...found.map((u) => [u.id, displayName(u)] as const)]);
      this.rows = replace ? page.rows : [...this.rows, ...page.rows];
      this.total = page.total;
      this.loaded = true;
      this.error = null;
    } catch (e) {
      if (gen === this.generation) this.error = messageOf(e);
    } finally {
      if (gen === this.generation) this.loading = false;
    }
  }
}
