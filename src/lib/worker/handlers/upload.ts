import { csvDocument } from '../../domain/csv/sanitize';
import { reach } from '../../domain/permissions';
import { fail, type Failure } from '../failure';
import { gatePlan } from '../gate';
import { skipTo } from '../../domain/operations';
import type { Progress } from '../jobs';
import { groupPage, previewUpload, readFileBytes, type GroupRow, type UploadGroup, type UploadOpts, type UploadPreview } from '../upload';
import { streamFile } from '../upload-stream';
import { markRefused, planUpload, resultsCsv, type UploadOptions } from '../upload-apply';
import { whenOpen, type ApplyResult, type EngineContext } from './context';

export interface UploadCheck {
  ok: true;
  /** Users the apply would create or change. */
  changes: number;
  emails: number;
  /** Rows it would skip, by reason, with the first row numbers. */
  skipped: { reason: string; count: number; rows: number[] }[];
  /** Rows that apply, but whose state cells ask for an action that does not (a new user cannot be activated), by reason. */
  partly: { reason: string; count: number; rows: number[] }[];
}

/** The CSV upload: read and preview in the worker, browse the groups, apply atomically. */
export function uploadHandlers(ctx: EngineContext) {
  const { store, uploads } = ctx;
  return {
    /** Reads, checks and diffs an uploaded CSV; the rows stay here, the page gets a summary. */
    async uploadPreview(
      file: Uint8Array | Blob,
      fileName: string,
      opts: UploadOpts = {},
      onProgress?: Progress
    ): Promise<UploadPreview> {
      await ctx.ensureOpen();
      // A chosen file is read as the browser streams it; bytes, or a file that needs it, whole.
      const streamed = file instanceof Blob ? await streamFile(store, file, opts, onProgress) : null;
      const read = streamed ?? readFileBytes(store, file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer()), opts, onProgress);
      const { summary, session } = previewUpload(store, ctx.names(), uploads.nextId(), fileName, read);
      if (session) uploads.set(session);
      return summary;
    },

    async uploadGroup(sessionId: string, group: UploadGroup, offset = 0, limit = 100): Promise<{ total: number; rows: GroupRow[] }> {
      const s = uploads.get(sessionId);
      return s ? groupPage(s, group, offset, limit, ctx.names()) : { total: 0, rows: [] };
    },

    async uploadErrorsCsv(sessionId: string): Promise<string> {
      const s = uploads.get(sessionId);
      return csvDocument(['row', 'column', 'value', 'message'], (s?.diff.errors ?? []).map((e) => [e.row, e.column, e.value, e.message]));
    },

    /**
     * What applying with these options would do, as the write gate lets it: the changes, the emails,
     * and the rows it would skip, by reason. The page asks again whenever an option changes.
     */
    uploadCheck: whenOpen(ctx, (sessionId: string, choices: UploadOptions): UploadCheck | Failure => {
      const s = uploads.get(sessionId);
      if (!s) return fail('conflict', 'This upload preview has expired. Choose the file again.');
      const actor = ctx.actor();
      if (!actor) return fail('denied', 'The acting administrator is not in the directory.');
      const r = reach(actor, store.settings.plan, 'users.upload', store.roles);
      if (r.kind === 'none') return fail('denied', r.reason);
      const planned = planUpload(store, s, choices, actor);
      const gated = gatePlan(store, planned.plan);
      const skipped = new Map<string, number[]>();
      const partly = new Map<string, number[]>();
      for (const row of markRefused(planned.results, gated.refused)) {
        if (row.outcome === 'skipped') skipTo(skipped, row.message, row.row);
        else for (const reason of row.notApplied ?? []) skipTo(partly, reason, row.row);
      }
      const groups = (m: Map<string, number[]>) => [...m].map(([reason, rows]) => ({ reason, count: rows.length, rows: rows.slice(0, 20) }));
      return {
        ok: true,
        changes: gated.plan.operation?.applied ?? 0,
        emails: gated.plan.emails.length,
        skipped: groups(skipped),
        partly: groups(partly)
      };
    }),

    /** Applies a previewed upload in one transaction; refuses if the directory changed since. */
    uploadApply(sessionId: string, choices: UploadOptions, opts: { jobId?: string } = {}, onProgress?: Progress): Promise<ApplyResult> {
      const s = uploads.get(sessionId);
      let results: ReturnType<typeof planUpload>['results'] = [];
      return ctx.writeJob(
        opts.jobId,
        onProgress,
        () => {
          if (!s) return fail('conflict', 'This upload preview has expired. Choose the file again.');
          if (s.storeVersion !== store.version) return fail('conflict', 'The directory changed since this preview. Preview the file again before applying.');
          const actor = ctx.actor();
          if (!actor) return fail('denied', 'The acting administrator is not in the directory.');
          const r = reach(actor, store.settings.plan, 'users.upload', store.roles);
          if (r.kind === 'none') return fail('denied', r.reason);
          const planned = planUpload(store, s, choices, actor);
          results = planned.results;
          return planned.plan;
        },
        (c) => (s!.results = markRefused(results, c.refused))
      );
    },

    async uploadResultsCsv(sessionId: string): Promise<string> {
      return resultsCsv(uploads.get(sessionId)?.results ?? []);
    }
  };
}
