import * as Comlink from 'comlink';
import { engine, onEngineStopped } from '../client/engine';
import { messageOf } from '../client/errors';
import { requestPersistence, type StorageState } from '../client/storage';
import type { EngineEvent, ProgressEvent } from '../worker/api';
import type { Plan } from '../domain/directory';
import type { Meta } from '../worker/api';

/**
 * What every page needs to know about the workspace: roles, organizations, companies, who Muster
 * acts as, the plan and the clock. One instance for the app; pages call `ready()` before use.
 */
class WorkspaceState {
  meta = $state<Meta | null>(null);
  error = $state<string | null>(null);
  /** Bumped whenever data changed, so open views refetch. */
  revision = $state(0);
  /** A newer Muster upgraded the database in another tab: this one must reload. */
  outdated = $state(false);
  /** The engine worker died: why, in words. Nothing more can happen until the page reloads. */
  stopped = $state<string | null>(null);
  /** A failure no flow caught (the one error handler): shown until dismissed. */
  failure = $state<string | null>(null);
  /** What the browser answered when asked to keep Muster's data persistently. */
  storage = $state<StorageState | null>(null);
  /** How far opening has read the workspace (seconds at a million users), until it is open. */
  opening = $state.raw<ProgressEvent | null>(null);
  private loading: Promise<void> | null = null;

  constructor() {
    onEngineStopped((e) => (this.stopped = e.message));
  }

  /** Every failure that no flow handled itself ends here, in words (never an exception's name). */
  fail(e: unknown) {
    if (this.stopped) return; // the stopped banner already says what to do
    this.failure = messageOf(e);
  }

  /** Asks once per visit for persistent storage; Settings and the Users page show the answer. */
  async checkStorage(): Promise<StorageState> {
    this.storage = await requestPersistence();
    return this.storage;
  }

  ready(): Promise<void> {
    this.loading ??= (async () => {
      try {
        // The worker starts in a task of its own, not in the one that first renders the page.
        await new Promise((resolve) => setTimeout(resolve, 0));
        await engine().open({}, Comlink.proxy((p: ProgressEvent) => (this.opening = p)));
        this.opening = null;
        this.meta = await engine().meta();
        // Changes made in other tabs arrive here once this tab's engine has reloaded them.
        await engine().watch(
          Comlink.proxy((e: EngineEvent) => {
            if (e.type === 'outdated') this.outdated = true;
            else void this.reload();
          })
        );
      } catch (e) {
        this.error = messageOf(e);
        this.loading = null;
      }
    })();
    return this.loading;
  }

  async reload() {
    this.meta = await engine().meta();
    this.revision++;
  }

  get actor() {
    const m = this.meta;
    return m?.administrators.find((a) => a.id === m.settings.actorId) ?? null;
  }

  roleName = (id: string) => this.meta?.roles.find((r) => r.id === id)?.name ?? id;
  orgName = (id: string | null) => (id ? (this.meta?.organizations.find((o) => o.id === id)?.name ?? id) : '');
  companyName = (id: string | null) => (id ? (this.meta?.companies.find((c) => c.id === id)?.name ?? id) : '');

  async setActor(id: number) {
    const res = await engine().setActor(id);
    if (!res.ok) this.failure = res.message;
    await this.reload();
  }

  async setPlan(plan: Plan) {
    const res = await engine().setPlan(plan);
    if (!res.ok) this.failure = res.message;
    await this.reload();
  }
}

export const workspace = new WorkspaceState();
