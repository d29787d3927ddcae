import type { Progress } from '../jobs';
import { planBulk, prepare, runEvaluation, type PreviewResult } from '../bulk';
import { planEach, previewBody, PREVIEW_STEPS } from '../bulk-preview';
import { isFailure, type Failure } from '../failure';
import { actionMenu, type MenuItem } from '../menu';
import { previewCsv } from '../preview-csv';
import type { RowsPage, RowsQuery } from '../change-table';
import { resolveSelection, type Selection } from '../selection';
import { whenOpen, type ApplyResult, type EngineContext } from './context';

/** Bulk actions: the menu, the preview (as the write gate will let it through), apply, cancel. */
export function bulkHandlers(ctx: EngineContext) {
  const { store } = ctx;
  // Each step said as it starts (a message leaves the worker at once, mid-computation): at a
  // million users each takes a second or so.
  const stepper = (onProgress?: Progress) => (done: number, phase: string) => onProgress?.({ phase, done, total: PREVIEW_STEPS });
  return {
    actionMenu: whenOpen(ctx, (selection: Selection): MenuItem[] => actionMenu(store, selection, store.settings.actorId)),

    /** What apply will do: how many, who is skipped and why, and each field's before → after in words. */
    preview: whenOpen(ctx, (actionId: string, selection: Selection, params: unknown, onProgress?: Progress): PreviewResult => {
      const p = prepare(store, actionId, params, store.settings.actorId);
      if (isFailure(p)) return p;
      const names = ctx.names();
      const { log, ...body } = previewBody(store, p, resolveSelection(store, selection), names, stepper(onProgress));
      return { ...body, previewId: ctx.previews.keep(log, names) };
    }),

    /** A page of a preview's changed fields, searchable by user, filtered by field. */
    previewRows: whenOpen(ctx, (previewId: number, q: RowsQuery = {}, offset: number = 0, limit: number = 100): RowsPage =>
      ctx.previews.page(previewId, q, offset, limit)
    ),

    /** The downloadable preview: every selected user with what would happen to them, in words. */
    previewCsv: whenOpen(ctx, (actionId: string, selection: Selection, params: unknown): string | Failure => {
      const p = prepare(store, actionId, params, store.settings.actorId);
      return isFailure(p) ? p : previewCsv(store, planEach(store, p, resolveSelection(store, selection)).gated, ctx.names());
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
