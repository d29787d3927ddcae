import type { ExportNames } from '../../domain/csv/export';
import { MusterDB } from '../../db/schema';
import { displayName, type User } from '../../domain/user';
import type { Names } from '../../domain/report-rows';
import { PreviewTables } from '../change-table';
import { commit, CancelledError, RefusedError, type CommitHooks, type CommitPlan, type Committed } from '../commit';
import { fail, faultMessage, isFailure, type Failure } from '../failure';
import { History } from '../history';
import { Jobs, breathe, type Progress } from '../jobs';
import { loadWorkspace } from '../load';
import { ReportRows } from '../reports';
import { seedDemo, DEFAULT_DEMO_SIZE } from '../seed';
import { SignIns } from '../signin';
import { Store } from '../store';
import { Tabs } from '../tabs';
import { UploadSessions } from '../upload';

export interface EngineOptions {
  dbName?: string;
  hooks?: CommitHooks;
}

export type ApplyResult = { ok: true; reportId: number; applied: number; skipped: number; emailsSent: number } | Failure;

/**
 * What every handler module works over: the database, the in-memory store, and the engine's own
 * session state (the acting administrator lives in the store's settings). Nothing lives in module
 * scope, so two engines in one process share nothing.
 */
export class EngineContext {
  readonly db: MusterDB;
  readonly store = new Store();
  readonly jobs = new Jobs();
  readonly uploads = new UploadSessions();
  readonly reportRows: ReportRows;
  readonly signIns: SignIns;
  readonly history: History;
  readonly previews = new PreviewTables();
  readonly tabs: Tabs;
  private opened: Promise<void> | null = null;

  constructor(readonly options: EngineOptions = {}) {
    this.db = new MusterDB(options.dbName ?? 'muster');
    this.reportRows = new ReportRows(this.db, () => this.names());
    this.signIns = new SignIns(this.db, this.store);
    this.history = new History(this.db, this.store);
    this.tabs = new Tabs(this.db.name, async () => {
      if (!this.opened) return;
      await this.opened;
      await this.reload();
    });
    this.store.onCommit = () => this.tabs.changed();
    // A newer Muster in another tab is upgrading the database: let it, and ask this tab to reload.
    this.db.on('versionchange', () => {
      this.db.close();
      this.tabs.emit({ type: 'outdated' });
      return false;
    });
  }

  /** Opens the workspace once, seeding the demo on the very first open. */
  async ensureOpen(demoSize?: number, onProgress?: Progress): Promise<void> {
    this.opened ??= (async () => {
      await this.db.open();
      if ((await this.db.settings.count()) === 0) await seedDemo(this.db, demoSize ?? DEFAULT_DEMO_SIZE);
      await loadWorkspace(this.db, this.store, onProgress);
    })();
    try {
      await this.opened;
    } catch (e) {
      this.opened = null;
      throw e;
    }
  }

  /** Forgets everything derived from the data (sessions, previews) and reads the workspace again. */
  async reload(onProgress?: Progress): Promise<void> {
    this.reportRows.forget();
    this.signIns.forgetAll();
    this.uploads.clear();
    this.history.forget();
    this.previews.forget();
    await loadWorkspace(this.db, this.store, onProgress);
  }

  /** Ids in words, for everything a person reads: previews, reports, their exports. */
  /** Names for the files people download and other directories read: names, and emails for people. */
  exportNames(): ExportNames {
    const { store } = this;
    const name = <T extends { name: string }>(m: Map<string, T>) => (id: string) => m.get(id)?.name ?? id;
    return { role: name(store.roles), organization: name(store.organizations), company: name(store.companies), emailOf: (id) => store.users.get(id)?.email ?? '' };
  }

  names(): Names {
    const { store } = this;
    return {
      role: (id) => store.roles.get(id)?.name ?? 'a role no longer defined',
      organization: (id) => store.organizations.get(id)?.name ?? 'an organization no longer defined',
      company: (id) => store.companies.get(id)?.name ?? 'a company no longer defined',
      user: (id) => {
        const u = store.users.get(id);
        return u ? `${displayName(u)} (${u.email})` : 'a user no longer in the directory';
      }
    };
  }

  /** The acting administrator: the engine's session state, changed only by setActor. */
  actor(): User | undefined {
    return this.store.users.get(this.store.settings.actorId);
  }

  close() {
    this.tabs.close();
    this.db.close();
    this.opened = null;
  }

  /**
   * A write run as a named, cancellable job: the plan is made (or refused), a cancel sent meanwhile
   * is honoured, then commit() passes it through the write gate and writes it in one transaction.
   * Every failure comes back in the one failure shape, with nothing changed.
   */
  async writeJob(
    jobId: string | undefined,
    onProgress: Progress | undefined,
    makePlan: () => Promise<CommitPlan | Failure> | CommitPlan | Failure,
    onCommitted?: (c: Committed) => void
  ): Promise<ApplyResult> {
    await this.ensureOpen();
    const job = this.jobs.watch(jobId);
    try {
      const plan = await makePlan();
      if (isFailure(plan)) return plan;
      await breathe(); // let a cancel sent meanwhile arrive before writing
      if (job.isCancelled()) throw new CancelledError();
      const committed = await commit(this.db, this.store, plan, { progress: onProgress, isCancelled: job.isCancelled, hooks: this.options.hooks });
      onCommitted?.(committed);
      const op = committed.plan.operation!;
      return { ok: true, reportId: committed.reportId!, applied: op.applied, skipped: op.skipped, emailsSent: committed.plan.emails.length };
    } catch (e) {
      if (e instanceof CancelledError) return fail('cancelled', e.message);
      if (e instanceof RefusedError) return fail('denied', e.message);
      return fail('fault', faultMessage(e));
    } finally {
      job.done();
    }
  }
}

/** Wraps a handler so it runs once the workspace is open (the first call opens it). */
export function whenOpen<A extends unknown[], R>(ctx: EngineContext, fn: (...args: A) => R): (...args: A) => Promise<Awaited<R>> {
  return async (...args: A): Promise<Awaited<R>> => {
    await ctx.ensureOpen();
    return await fn(...args);
  };
}
