import { MusterDB, type SettingsRecord } from '../db/schema';
import type { Plan, Settings } from '../domain/directory';
import { type Filter, type Sort, DEFAULT_SORT } from '../domain/filters';
import { displayName, type User } from '../domain/user';
import { hasAdministrativeRole } from '../domain/roles';
import { planBulk, prepare, runEvaluation, summarise, type PreviewResult, type Refusal } from './bulk';
import { commit, describeError, CancelledError, type CommitHooks, type CommitPlan } from './commit';
import { Jobs, breathe, type Progress } from './jobs';
import { queryUsers, type QueryResult } from './query';
import type { Selection } from './selection';
import { Store } from './store';
import { seedDemo, demoWorkspace, writeWorkspace, DEFAULT_DEMO_SIZE } from './seed';
import { actionMenu, type MenuItem } from './menu';
import { previewCsv } from './preview-csv';
import { resolveSelection } from './selection';
import { matchingIds, toRow, type UserRow } from './query';
import { loadWorkspace } from './load';
import { readOperation, readOperations, readChanges, readAllChanges, ReportRows, type ReportPage, type AuditQuery, type AuditPage, type RowsQuery, type RowsPage } from './reports';
import { prepareRevert, summariseRevert, namer, revertCommitPlan, type RevertPreview } from './revert';
import { reportCsv, reportJson, type Names } from '../domain/report-rows';
import { SignIns, type SignInAnswer, type StepAnswer, type SessionView } from './signin';
import { linkInfo, useLink, type LinkInfo } from './links';
import { advanceClock, type ClockAnswer } from './clock';
import type { FlaggableField } from '../domain/user';
import { exportBackup, importBackup, type ImportResult } from './backup';
import { Tabs, type EngineEvent } from './tabs';
import type { Operation } from '../domain/operations';
import { readOutbox, type OutboxPage } from './outbox';
import { previewUpload, groupPage, type UploadSession, type UploadPreview, type UploadGroup, type GroupRow } from './upload';
import { planUpload, resultsCsv, type UploadOptions, type UploadOutcome } from './upload-apply';
import { exportUsers, templateCsv } from '../domain/csv/export';
import { csvDocument } from '../domain/csv/sanitize';
import type { Delimiter } from '../domain/csv/parse';
import { reach } from '../domain/permissions';

export type { Selection } from './selection';
export type { QueryResult, UserRow } from './query';
export type { PreviewResult, PreviewOk, SkipSummary } from './bulk';
export type { ProgressEvent } from './jobs';
export type { MenuItem } from './menu';
export type { UploadPreview, UploadSummary, UploadGroup, GroupRow } from './upload';
export type { UploadOptions } from './upload-apply';
export type { AuditQuery, AuditPage, RowsQuery, RowsPage } from './reports';
export type { RevertPreview } from './revert';
export type { SignInAnswer, StepAnswer, SessionView } from './signin';
export type { LinkInfo } from './links';
export type { ClockAnswer } from './clock';
export type { ImportResult } from './backup';
export type { EngineEvent } from './tabs';

export interface EngineOptions {
  dbName?: string;
  hooks?: CommitHooks;
}

export interface Meta {
  settings: Settings;
  roles: { id: string; name: string; administrative: boolean; permissions: string[] }[];
  organizations: { id: string; name: string }[];
  companies: { id: string; name: string }[];
  /** Who Muster can act as: active users holding an administrative role. */
  administrators: { id: number; name: string; email: string; roles: string[] }[];
  total: number;
}

export type ApplyResult =
  | { ok: true; reportId: number; applied: number; skipped: number; emailsSent: number }
  | (Refusal & { cancelled?: boolean });

/**
 * The engine: the one place that reads and writes Muster's data (DESIGN.md). A plain object of
 * async functions, exposed with Comlink in the browser and called directly in Node tests.
 */
export function createEngine(options: EngineOptions = {}) {
  const db = new MusterDB(options.dbName ?? 'muster');
  const store = new Store();
  const jobs = new Jobs();
  let opened: Promise<void> | null = null;
  const uploads = new Map<string, UploadSession & { results?: UploadOutcome[] }>();
  const names = (): Names => ({
    role: (id) => store.roles.get(id)?.name ?? id,
    organization: (id) => store.organizations.get(id)?.name ?? id,
    company: (id) => store.companies.get(id)?.name ?? id,
    user: (id) => store.users.get(id)?.email ?? `user #${id}`
  });
  const reportRows = new ReportRows(db, names);
  const signIns = new SignIns(db, store);
  const forget = () => {
    reportRows.forget();
    signIns.forgetAll();
    uploads.clear();
  };
  const tabs = new Tabs(db.name, async () => {
    if (!opened) return;
    await opened;
    forget();
    await loadWorkspace(db, store);
  });
  store.onCommit = () => tabs.changed();
  // A newer Muster in another tab is upgrading the database: let it, and ask this tab to reload.
  db.on('versionchange', () => {
    db.close();
    tabs.emit({ type: 'outdated' });
    return false;
  });

  async function ensureOpen(demoSize?: number) {
    opened ??= (async () => {
      await db.open();
      if ((await db.settings.count()) === 0) await seedDemo(db, demoSize ?? DEFAULT_DEMO_SIZE);
      await loadWorkspace(db, store);
    })();
    try {
      await opened;
    } catch (e) {
      opened = null;
      throw e;
    }
  }

  async function saveSettings(patch: Partial<Settings>) {
    const next: SettingsRecord = { ...store.settings, ...patch, key: 'settings' };
    await db.settings.put(next);
    store.settings = { ...next };
    store.touch();
    tabs.changed();
  }

  /**
   * A write run as a named, cancellable job: the plan is made (or refused), a cancel sent meanwhile
   * is honoured, then one transaction commits it. Any failure comes back as a message, with
   * nothing changed.
   */
  async function writeJob(
    jobId: string | undefined,
    onProgress: Progress | undefined,
    makePlan: () => Promise<CommitPlan | Refusal> | CommitPlan | Refusal,
    onCommitted?: () => void
  ): Promise<ApplyResult> {
    await ensureOpen();
    const job = jobs.watch(jobId);
    try {
      const plan = await makePlan();
      if ('ok' in plan) return plan;
      await breathe(); // let a cancel sent meanwhile arrive before writing
      if (job.isCancelled()) throw new CancelledError();
      const reportId = await commit(db, store, plan, { progress: onProgress, isCancelled: job.isCancelled, hooks: options.hooks });
      onCommitted?.();
      return { ok: true, reportId: reportId!, applied: plan.operation!.applied, skipped: plan.operation!.skipped, emailsSent: plan.emails.length };
    } catch (e) {
      return { ok: false, error: describeError(e), cancelled: e instanceof CancelledError };
    } finally {
      job.done();
    }
  }

  const api = {
    /** Opens the workspace, seeding demo data on the very first open. */
    async open(opts: { demoSize?: number } = {}): Promise<{ total: number }> {
      await ensureOpen(opts.demoSize);
      return { total: store.users.size };
    },

    async meta(): Promise<Meta> {
      await ensureOpen();
      const administrators = [...store.users.values()]
        .filter((u) => u.status === 'active' && hasAdministrativeRole(u.roles, store.roles))
        .sort((a, b) => a.id - b.id)
        .map((u) => ({ id: u.id, name: displayName(u), email: u.email, roles: u.roles }));
      return {
        settings: { ...store.settings },
        roles: [...store.roles.values()].map((r) => ({ ...r, permissions: [...r.permissions] })),
        organizations: [...store.organizations.values()].sort((a, b) => a.name.localeCompare(b.name)),
        companies: [...store.companies.values()].sort((a, b) => a.name.localeCompare(b.name)),
        administrators,
        total: store.users.size
      };
    },

    async query(q: { filter?: Filter; sort?: Sort; offset?: number; limit?: number } = {}): Promise<QueryResult> {
      await ensureOpen();
      return queryUsers(store, q.filter ?? {}, q.sort ?? DEFAULT_SORT, q.offset ?? 0, q.limit ?? 100);
    },

    /** Ids of the rows [start, end) of a query: a shift-click range beyond the rows on screen. */
    async rangeIds(q: { filter: Filter; sort: Sort }, start: number, end: number): Promise<number[]> {
      await ensureOpen();
      return matchingIds(store, q.filter, q.sort).slice(Math.max(0, start), Math.max(0, end));
    },

    /** Rows for a list of ids (a skip group opened in the preview), at most 200 at a time. */
    async rows(ids: number[]): Promise<UserRow[]> {
      await ensureOpen();
      return ids.slice(0, 200).flatMap((id) => {
        const u = store.users.get(id);
        return u ? [toRow(u)] : [];
      });
    },

    async user(id: number): Promise<User | null> {
      await ensureOpen();
      return store.users.get(id) ?? null;
    },

    async preview(actionId: string, selection: Selection, params: unknown, actorId?: number): Promise<PreviewResult> {
      await ensureOpen();
      const p = prepare(store, actionId, params, actorId ?? store.settings.actorId);
      if (!('action' in p)) return p;
      const { ids, ev } = runEvaluation(store, p, selection);
      return summarise(p, ids.length, ev);
    },

    /** The downloadable preview: every selected user with what would happen to them. */
    async previewCsv(actionId: string, selection: Selection, params: unknown, actorId?: number): Promise<string | Refusal> {
      await ensureOpen();
      const p = prepare(store, actionId, params, actorId ?? store.settings.actorId);
      if (!('action' in p)) return p;
      return previewCsv(store, runEvaluation(store, p, selection).ev);
    },

    async actionMenu(selection: Selection, actorId?: number): Promise<MenuItem[]> {
      await ensureOpen();
      return actionMenu(store, selection, actorId ?? store.settings.actorId);
    },

    /** How many users are selected, and how many of them the current filter hides. */
    async selectionInfo(selection: Selection, filter: Filter): Promise<{ selected: number; hidden: number }> {
      await ensureOpen();
      const ids = resolveSelection(store, selection);
      const visible = new Set(matchingIds(store, filter, DEFAULT_SORT));
      return { selected: ids.length, hidden: ids.filter((id) => !visible.has(id)).length };
    },

    async apply(
      actionId: string,
      selection: Selection,
      params: unknown,
      opts: { actorId?: number; jobId?: string } = {},
      /** A separate argument: Comlink proxies only top-level callbacks. */
      onProgress?: Progress
    ): Promise<ApplyResult> {
      return writeJob(opts.jobId, onProgress, () => {
        const p = prepare(store, actionId, params, opts.actorId ?? store.settings.actorId);
        if (!('action' in p)) return p;
        onProgress?.({ phase: 'Checking users', done: 0, total: 1 });
        return planBulk(store, p, runEvaluation(store, p, selection).ev);
      });
    },

    async cancel(jobId: string): Promise<void> {
      jobs.cancel(jobId);
    },

    async report(id: number): Promise<(Operation & { skipGroups: { reason: string; ids: number[] }[] }) | null> {
      await ensureOpen();
      return readOperation(db, id);
    },

    async reportChanges(id: number, offset = 0, limit = 100): Promise<ReportPage> {
      await ensureOpen();
      return readChanges(db, id, offset, limit);
    },

    /** The audit log, newest first, filtered by kind, actor and days. */
    async operations(q: AuditQuery = {}, offset = 0, limit = 50): Promise<AuditPage> {
      await ensureOpen();
      return readOperations(db, q, offset, limit);
    },

    /** A report's changed fields, one row each, searchable by user and field. */
    async reportRows(id: number, q: RowsQuery = {}, offset = 0, limit = 100): Promise<RowsPage> {
      await ensureOpen();
      return reportRows.page(id, q, offset, limit);
    },

    async reportCsv(id: number): Promise<string | null> {
      await ensureOpen();
      const op = await db.operations.get(id);
      return op ? reportCsv(op, await reportRows.all(id)) : null;
    },

    async reportJson(id: number): Promise<string | null> {
      await ensureOpen();
      const op = await readOperation(db, id);
      if (!op) return null;
      const { skipGroups, ...header } = op;
      return reportJson(header, skipGroups, await readAllChanges(db, id));
    },

    /** What reverting a report would do now: fields that go back, conflicts left alone. */
    async revertPreview(id: number, actorId?: number): Promise<RevertPreview | Refusal> {
      await ensureOpen();
      const p = await prepareRevert(db, store, id, actorId ?? store.settings.actorId);
      if (!('plan' in p)) return p;
      return summariseRevert(p, namer(store, p.log));
    },

    /** Reverts a report in one transaction; the new report and the original link to each other. */
    async revert(id: number, opts: { actorId?: number; jobId?: string } = {}, onProgress?: Progress): Promise<ApplyResult> {
      return writeJob(opts.jobId, onProgress, async () => {
        onProgress?.({ phase: 'Reading the report', done: 0, total: 1 });
        const p = await prepareRevert(db, store, id, opts.actorId ?? store.settings.actorId);
        if (!('plan' in p)) return p;
        const plan = revertCommitPlan(p);
        if (plan.users.size === 0) return { ok: false, error: 'Every user of this report changed since: nothing can be reverted. See the conflicts in the preview.' };
        return plan;
      });
    },

    async outbox(q = '', offset = 0, limit = 50): Promise<OutboxPage> {
      await ensureOpen();
      return readOutbox(db, q, offset, limit);
    },

    async setActor(actorId: number): Promise<void> {
      await ensureOpen();
      const u = store.users.get(actorId);
      if (!u || u.status !== 'active' || !hasAdministrativeRole(u.roles, store.roles))
        throw new Error('Only an active administrator can be the acting administrator.');
      await saveSettings({ actorId });
    },

    async setPlan(plan: Plan): Promise<void> {
      await ensureOpen();
      if (plan !== 'standard' && plan !== 'enterprise') throw new Error(`Unknown plan “${plan}”.`);
      await saveSettings({ plan });
    },

    /** Reads, checks and diffs an uploaded CSV; the rows stay here, the page gets a summary. */
    async uploadPreview(
      file: Uint8Array | Blob,
      fileName: string,
      opts: { delimiter?: Delimiter; mapping?: (string | null)[] } = {},
      onProgress?: Progress
    ): Promise<UploadPreview> {
      const [bytes] = await Promise.all([file instanceof Uint8Array ? file : file.arrayBuffer().then((b) => new Uint8Array(b)), ensureOpen()]);
      const { summary, session } = previewUpload(store, bytes, fileName, opts, onProgress);
      if (session) uploads.set(session.id, session);
      return summary;
    },

    async uploadGroup(sessionId: string, group: UploadGroup, offset = 0, limit = 100): Promise<{ total: number; rows: GroupRow[] }> {
      const s = uploads.get(sessionId);
      return s ? groupPage(s, group, offset, limit) : { total: 0, rows: [] };
    },

    async uploadErrorsCsv(sessionId: string): Promise<string> {
      const s = uploads.get(sessionId);
      return csvDocument(['row', 'column', 'value', 'message'], (s?.diff.errors ?? []).map((e) => [e.row, e.column, e.value, e.message]));
    },

    /** Applies a previewed upload in one transaction; refuses if the directory changed since. */
    async uploadApply(sessionId: string, choices: UploadOptions, opts: { actorId?: number; jobId?: string } = {}, onProgress?: Progress): Promise<ApplyResult> {
      const s = uploads.get(sessionId);
      let results: UploadOutcome[] = [];
      return writeJob(
        opts.jobId,
        onProgress,
        () => {
          if (!s) return { ok: false, error: 'This upload preview has expired. Choose the file again.' };
          if (s.storeVersion !== store.version) return { ok: false, error: 'The directory changed since this preview. Preview the file again before applying.' };
          const actor = store.users.get(opts.actorId ?? store.settings.actorId);
          if (!actor) return { ok: false, error: 'The acting administrator is not in the directory.', denied: true };
          const r = reach(actor, store.settings.plan, 'users.upload', store.roles);
          if (r.kind === 'none') return { ok: false, error: r.reason, denied: true };
          const planned = planUpload(store, s, choices, actor, r);
          results = planned.results;
          return planned.plan;
        },
        () => (s!.results = results)
      );
    },

    async uploadResultsCsv(sessionId: string): Promise<string> {
      return resultsCsv(uploads.get(sessionId)?.results ?? []);
    },

    /** The directory (or a selection of it) in the upload's own columns. */
    async exportCsv(selection: Selection): Promise<string> {
      await ensureOpen();
      const ids = resolveSelection(store, selection);
      const name = <T extends { name: string }>(m: Map<string, T>) => (id: string) => m.get(id)?.name ?? id;
      return exportUsers(
        ids.map((id) => store.users.get(id)!),
        { role: name(store.roles), organization: name(store.organizations), company: name(store.companies), emailOf: (id) => store.users.get(id)?.email ?? '' }
      );
    },

    async templateCsv(): Promise<string> {
      await ensureOpen();
      const [company] = store.companies.values();
      const [organization] = store.organizations.values();
      return templateCsv({ company: company?.name ?? '', organization: organization?.name ?? '' });
    },

    /** Signs in as a user (SPEC §7 simulation); the session then walks the required steps. */
    async signIn(email: string, password: string): Promise<SignInAnswer> {
      await ensureOpen();
      return signIns.signIn(email, password);
    },

    async session(sessionId: string): Promise<SessionView | null> {
      await ensureOpen();
      return signIns.view(sessionId);
    },

    async changePassword(sessionId: string, password: string): Promise<StepAnswer> {
      await ensureOpen();
      return signIns.changePassword(sessionId, password);
    },

    async enrolTwoFactor(sessionId: string, code: string): Promise<StepAnswer> {
      await ensureOpen();
      return signIns.enrolTwoFactor(sessionId, code);
    },

    async updateFlaggedFields(sessionId: string, values: Partial<Record<FlaggableField, unknown>>): Promise<StepAnswer> {
      await ensureOpen();
      return signIns.updateFields(sessionId, values);
    },

    async signOut(sessionId: string): Promise<void> {
      signIns.signOut(sessionId);
    },

    /** What an emailed link (invitation, password reset) leads to. */
    async link(token: string): Promise<LinkInfo> {
      await ensureOpen();
      const { mail: _mail, ...info } = await linkInfo(db, store, token);
      return info;
    },

    /** Sets a password through an emailed link; an invitation also activates the account. */
    async useLink(token: string, password: string): Promise<{ ok: true } | { ok: false; error: string }> {
      await ensureOpen();
      return useLink(db, store, token, password);
    },

    /** Moves Muster's "today" forward; what expires on the way is recorded. */
    async advanceClock(to: string, actorId?: number): Promise<ClockAnswer> {
      await ensureOpen();
      const actor = store.users.get(actorId ?? store.settings.actorId);
      if (!actor) return { ok: false, error: 'The acting administrator is not in the directory.' };
      try {
        return await advanceClock(db, store, to, actor);
      } catch (e) {
        return { ok: false, error: describeError(e) };
      }
    },

    /** Replaces the whole workspace with fresh demo data of the given size (SPEC §8). */
    async resetDemo(size: number, onProgress?: Progress): Promise<{ total: number }> {
      if (![1000, 10000, 100000].includes(size)) throw new Error('Demo workspaces come in 1,000, 10,000 or 100,000 users.');
      await ensureOpen();
      onProgress?.({ phase: `Generating ${size.toLocaleString('en-US')} demo users`, done: 0, total: 3 });
      const ws = await demoWorkspace(size);
      onProgress?.({ phase: 'Writing them to this browser’s storage', done: 1, total: 3 });
      await writeWorkspace(db, ws);
      onProgress?.({ phase: 'Loading the new workspace', done: 2, total: 3 });
      forget();
      await loadWorkspace(db, store);
      onProgress?.({ phase: 'Done', done: 3, total: 3 });
      tabs.changed();
      return { total: store.users.size };
    },

    /** The whole workspace as one compressed file (SPEC §8 backup). */
    async exportWorkspace(): Promise<Uint8Array> {
      await ensureOpen();
      return exportBackup(db);
    },

    /** Replaces the workspace with a backup file, only if the whole file is valid. */
    async importWorkspace(bytes: Uint8Array): Promise<ImportResult> {
      await ensureOpen();
      const res = await importBackup(db, bytes);
      if (res.ok) {
        forget();
        await loadWorkspace(db, store);
        tabs.changed();
      }
      return res;
    },

    /** Events for the page: another tab changed the data, or this tab must reload. */
    async watch(fn: (e: EngineEvent) => void): Promise<void> {
      tabs.watch(fn);
    },

    /** Closes the database (tests, workspace replacement). */
    async close(): Promise<void> {
      tabs.close();
      db.close();
      opened = null;
    }
  };
  return api;
}

export type Engine = ReturnType<typeof createEngine>;
