import type { Delimiter } from '../../domain/csv/parse';
import { csvDocument } from '../../domain/csv/sanitize';
import { reach } from '../../domain/permissions';
import { fail } from '../failure';
import type { Progress } from '../jobs';
import { groupPage, previewUpload, type GroupRow, type UploadGroup, type UploadPreview } from '../upload';
import { markRefused, planUpload, resultsCsv, type UploadOptions } from '../upload-apply';
import type { ApplyResult, EngineContext } from './context';

/** The CSV upload: read and preview in the worker, browse the groups, apply atomically. */
export function uploadHandlers(ctx: EngineContext) {
  const { store, uploads } = ctx;
  return {
    /** Reads, checks and diffs an uploaded CSV; the rows stay here, the page gets a summary. */
    async uploadPreview(
      file: Uint8Array | Blob,
      fileName: string,
      opts: { delimiter?: Delimiter; mapping?: (string | null)[] } = {},
      onProgress?: Progress
    ): Promise<UploadPreview> {
      const [bytes] = await Promise.all([file instanceof Uint8Array ? file : file.arrayBuffer().then((b) => new Uint8Array(b)), ctx.ensureOpen()]);
      const { summary, session } = previewUpload(store, uploads.nextId(), bytes, fileName, opts, onProgress);
      if (session) uploads.set(session);
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
