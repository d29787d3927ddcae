/** What the engine tells the page it serves. */
export type EngineEvent =
  /** Another tab changed the workspace; this engine has reloaded it. */
  | { type: 'changed' }
  /** A newer Muster upgraded the database in another tab: this tab must reload. */
  | { type: 'outdated' };

/**
 * Several tabs, one database (SPEC §8): each engine announces its commits on a BroadcastChannel
 * named for its database; the others reload from IndexedDB and tell their page to refetch.
 */
export class Tabs {
  private channel: BroadcastChannel | null;
  private readonly id = Math.random().toString(36).slice(2);
  private listeners = new Set<(e: EngineEvent) => void>();

  constructor(dbName: string, onOtherTabChanged: () => Promise<void>) {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`muster:${dbName}`);
    this.channel?.addEventListener('message', (m: MessageEvent<{ from: string }>) => {
      if (m.data?.from === this.id) return;
      void onOtherTabChanged().then(() => this.emit({ type: 'changed' }));
    });
  }

  /** Announces a committed change to the other tabs. */
  changed() {
    this.channel?.postMessage({ from: this.id });
  }

  watch(fn: (e: EngineEvent) => void) {
    this.listeners.add(fn);
  }

  emit(e: EngineEvent) {
    for (const fn of this.listeners) fn(e);
  }

  close() {
    this.channel?.close();
    this.channel = null;
    this.listeners.clear();
  }
}
