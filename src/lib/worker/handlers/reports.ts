import { DEFAULT_SORT } from '../../domain/filters';
import type { Operation } from '../../domain/operations';
import { matchingIds } from '../query';
import { reportCsv, reportJson } from '../../domain/report-rows';
import { REPORT_EXPORT_LABELS, type ReportExportFormat, type UserExportFormat } from '../../domain/export-formats';
import { bulkRequest } from '../../domain/scim';
import { exportUsersAs } from '../export-users';
import { WrittenFile } from '../export-file';
import { paramLabel } from '../../domain/param-labels';
import { summarizeChanges } from '../change-table';
import { fail, isFailure, type Failure } from '../failure';
import { gatePlan } from '../gate';
import type { Progress } from '../jobs';
import { readOutbox, type OutboxPage } from '../outbox';
import { readAllChanges, readChanges, readOperation, readOperations, type AuditPage, type AuditQuery, type ReportPage, type RowsPage, type RowsQuery } from '../reports';
import { namer, prepareRevert, revertCommitPlan, summariseRevert, type RevertPreview } from '../revert';
import { whenOpen, type ApplyResult, type EngineContext } from './context';

/** Change reports, the audit log, their exports, and reverting a report. */
export function reportHandlers(ctx: EngineContext) {
  const { db, store, reportRows } = ctx;
  return {
    /** A report, with the people its parameters name (an account executive, a new owner) in words. */
    report: whenOpen(ctx, async (id: number) => {
      const op = await readOperation(db, id);
      if (!op) return null;
      const names = ctx.names();
      const people: Record<number, string> = {};
      for (const [key, value] of Object.entries(op.params)) if (paramLabel(key).value === 'user' && typeof value === 'number') people[value] = names.user(value);
      return { ...op, people };
    }),

    reportChanges: whenOpen(ctx, (id: number, offset: number = 0, limit: number = 100): Promise<ReportPage> => readChanges(db, id, offset, limit)),

    /** The audit log, newest first, filtered by kind, actor, days and the people an operation changed. */
    operations: whenOpen(ctx, async (q: AuditQuery = {}, offset: number = 0, limit: number = 50): Promise<AuditPage> => {
      const person = q.person?.trim();
      const only = person ? await ctx.history.operationsTouching(matchingIds(store, { q: person }, DEFAULT_SORT)) : null;
      return readOperations(db, q, offset, limit, only);
    }),

    /** A report's changed fields, one row each, searchable by user and field. */
    reportRows: whenOpen(ctx, (id: number, q: RowsQuery = {}, offset: number = 0, limit: number = 100): Promise<RowsPage> => reportRows.page(id, q, offset, limit)),

    /** A report as a file: its changed fields (CSV), the whole report (JSON), or a SCIM BulkRequest. */
    exportReport: whenOpen(ctx, async (id: number, format: ReportExportFormat): Promise<WrittenFile | null> => {
      const op = await readOperation(db, id);
      if (!op) return null;
      const { mime } = REPORT_EXPORT_LABELS[format];
      const { skipGroups, failures, ...header } = op;
      const base = `muster-report-${id}`;
      if (format === 'csv') return new WrittenFile(`${base}.csv`, mime, reportCsv(header, await reportRows.all(id)));
      const log = await readAllChanges(db, id);
      if (format === 'json') return new WrittenFile(`${base}.json`, mime, reportJson(header, skipGroups, log, failures));
      return new WrittenFile(`${base}-scim-bulk.json`, mime, JSON.stringify(bulkRequest(header, log, ctx.exportNames()), null, 2));
    }),

    /** The users a report changed, as they are now, as a file another directory reads. */
    exportReportUsers: whenOpen(ctx, async (id: number, format: UserExportFormat, onProgress?: Progress): Promise<WrittenFile | null> => {
      const log = await readAllChanges(db, id);
      if (!(await db.operations.get(id))) return null;
      const users = [...new Set(log.map((c) => c.userId))].map((u) => store.users.get(u)).filter((u) => u !== undefined);
      return exportUsersAs(users, format, ctx.exportNames(), onProgress, `report-${id}-`);
    }),

    outbox: whenOpen(ctx, (q: string = '', offset: number = 0, limit: number = 50): Promise<OutboxPage> => readOutbox(db, q, offset, limit)),

    /** What reverting a report would do now, as the write gate lets it: what goes back, what is left alone. */
    revertPreview: whenOpen(ctx, async (id: number, onProgress?: Progress): Promise<RevertPreview | Failure> => {
      const step = (done: number, phase: string) => onProgress?.({ phase, done, total: 3 });
      step(0, 'Reading the report’s changes');
      const p = await prepareRevert(db, store, id, store.settings.actorId);
      if (isFailure(p)) return p;
      step(1, 'Checking what you may change back');
      const gated = gatePlan(store, revertCommitPlan(p));
      step(2, 'Summarising the changes');
      const names = ctx.names();
      return { ...summariseRevert(p, gated, namer(store, p.log)), previewId: ctx.previews.keep(gated.plan.changes, names), ...summarizeChanges(gated.plan.changes, names) };
    }),

    /** Reverts a report in one transaction; the new report and the original link to each other. */
    revert(id: number, opts: { jobId?: string } = {}, onProgress?: Progress): Promise<ApplyResult> {
      return ctx.writeJob(opts.jobId, onProgress, async () => {
        onProgress?.({ phase: 'Reading the report', done: 0, total: 1 });
        const p = await prepareRevert(db, store, id, store.settings.actorId);
        if (isFailure(p)) return p;
        const plan = revertCommitPlan(p);
        if (plan.users.size === 0) return fail('conflict', 'Every user of this report changed since: nothing can be reverted. See the conflicts in the preview.');
        return plan;
      });
    }
  };
}
