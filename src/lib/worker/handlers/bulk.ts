import type { Progress } from '../jobs';
import { planBulk, prepare, runEvaluation, summarise, type PreviewResult } from '../bulk';
import { isFailure, type Failure } from '../failure';
import { gatePlan } from '../gate';
import { actionMenu, type MenuItem } from '../menu';
import { previewCsv } from '../preview-csv';
import { summarizeChanges, type RowsPage, type RowsQuery } from '../change-table';
import type { Selection } from '../selection';
import { whenOpen, type ApplyResult, type EngineContext } from './context';

/** The steps of a preview, for its progress. */
const PREVIEW_STEPS = 4;

/** Bulk actions: the menu, the preview (as the write gate will let it through), apply, cancel. */
export function bulkHandlers(ctx: EngineContext) {
  const { store } = ctx;
  /** The action judged on the selection and planned, as the gate lets it: what preview shows, apply does. */
  const plan = (actionId: string, selection: Selection, params: unknown, onProgress?: Progress) => {
    const p = prepare(store, actionId, params, store.settings.actorId);
    if (isFailure(p)) return p;
    // Each step said as it starts (a message leaves the worker at once, mid-computation): at a
    // million users each takes a second or so.
    const step = (done: number, phase: string) => onProgress?.({ phase, done, total: PREVIEW_STEPS });
    step(0, 'Checking who it applies to');
    const { ids, ev } = runEvaluation(store, p, selection);
    step(1, 'Planning each user’s changes');
    const planned = planBulk(store, p, ev);
    step(2, 'Checking what you may change');
    const gated = gatePlan(store, planned);
    step(3, 'Summarising the changes');
    return { p, ids, ev, gated };
  };
  return {
    actionMenu: whenOpen(ctx, (selection: Selection): MenuItem[] => actionMenu(store, selection, store.settings.actorId)),

    /** What apply will do: how many, who is skipped and why, and each field's before → after in words. */
    preview: whenOpen(ctx, (actionId: string, selection: Selection, params: unknown, onProgress?: Progress): PreviewResult => {
      const r = plan(actionId, selection, params, onProgress);
      if (isFailure(r)) return r;
      const names = ctx.names();
      return { ...summarise(r.p, r.ids.length, r.ev, r.gated), previewId: ctx.previews.keep(r.gated.plan.changes, names), ...summarizeChanges(r.gated.plan.changes, names) };
    }),

    /** A page of a preview's changed fields, searchable by user, filtered by field. */
    previewRows: whenOpen(ctx, (previewId: number, q: RowsQuery = {}, offset: number = 0, limit: number = 100): RowsPage =>
      ctx.previews.page(previewId, q, offset, limit)
    ),

    /** The downloadable preview: every selected user with what would happen to them, in words. */
    previewCsv: whenOpen(ctx, (actionId: string, selection: Selection, params: unknown): string | Failure => {
      const r = plan(actionId, selection, params);
      return isFailure(r) ? r : previewCsv(store, r.gated, ctx.names());
    }),

    apply(
      actionId: string,
      selection: Selection,
      params: unknown,
      opts: { jobId?: string } = {},
      /** A separate argument: Comlink proxies only top-level callbacks. */
      onProgress?: Progress
    ): Promise<ApplyResult> {
      return ctx.writeJob(opts.jobId, onProgress, () => {
        const p = prepare(store, actionId, params, store.settings.actorId);
        if (isFailure(p)) return p;
        onProgress?.({ phase: 'Checking users', done: 0, total: 1 });
        return planBulk(store, p, runEvaluation(store, p, selection).ev);
      });
    },

    async cancel(jobId: string): Promise<void> {
      ctx.jobs.cancel(jobId);
    }
  };
}
