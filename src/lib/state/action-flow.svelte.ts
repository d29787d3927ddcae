import { engine } from '../client/engine';
import { runJob } from '../client/jobs';
import { messageOf } from '../client/errors';
import type { Remedy } from '../domain/actions/form';
import type { ApplyResult, MenuItem, PreviewOk, PreviewResult, ProgressEvent, RowsPage, RowsQuery, Selection } from '../worker/api';

export type Step = 'params' | 'preview' | 'confirm' | 'running' | 'done';

export interface Outcome {
  ok: boolean;
  reportId?: number;
  applied?: number;
  skipped?: number;
  emailsSent?: number;
  error?: string;
  cancelled?: boolean;
}

/** What a write job's answer tells the person. */
export function outcomeOf(res: ApplyResult): Outcome {
  return res.ok
    ? { ok: true, reportId: res.reportId, applied: res.applied, skipped: res.skipped, emailsSent: res.emailsSent }
    : { ok: false, error: res.message, cancelled: res.kind === 'cancelled' };
}

/**
 * One run of the bulk action flow: parameters → preview → (typed confirmation) → progress → result.
 * The selection is frozen when the flow starts, so what was previewed is what gets applied.
 */
export class ActionFlow {
  step = $state<Step>('params');
  params = $state<Record<string, unknown>>({});
  preview = $state<PreviewOk | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  /** How far the preview or the apply has got (seconds at a million users). */
  progress = $state<ProgressEvent | null>(null);
  outcome = $state<Outcome | null>(null);
  typed = $state('');
  private abort: AbortController | null = null;

  constructor(
    readonly action: MenuItem,
    readonly selection: Selection
  ) {
    if (!action.hasParams) this.step = 'preview';
  }

  get destructive() {
    return this.preview?.severity === 'destructive';
  }

  get confirmMatches() {
    return this.preview !== null && this.typed.trim().replace(/[,\s]/g, '') === String(this.preview.applies);
  }

  async runPreview() {
    this.busy = true;
    this.error = null;
    try {
      const params = $state.snapshot(this.params);
      const res = await runJob<PreviewResult>({ onProgress: (p) => (this.progress = p) }, ({ progress }) => engine().preview(this.action.id, this.selection, params, progress));
      if (res.ok) {
        this.preview = res;
        this.step = 'preview';
      } else {
        this.error = res.message;
        if (this.action.hasParams) this.step = 'params';
      }
    } catch (e) {
      this.error = messageOf(e);
    } finally {
      this.busy = false;
      this.progress = null;
    }
  }

  async downloadCsv(): Promise<string | null> {
    try {
      const res = await engine().previewCsv(this.action.id, this.selection, $state.snapshot(this.params));
      if (typeof res === 'string') return res;
      this.error = res.message;
    } catch (e) {
      this.error = messageOf(e);
    }
    return null;
  }

  /** A page of the preview's changed fields (the dialog's list pages and searches through it). */
  previewRows(previewId: number, q: RowsQuery, offset: number, limit: number): Promise<RowsPage> {
    return engine().previewRows(previewId, q, offset, limit);
  }

  /** Takes a way past a skip reason (e.g. who receives the content) and previews again. */
  async applyRemedy(remedy: Remedy, value: number) {
    this.params = { ...this.params, [remedy.field.key]: value };
    this.preview = null;
    await this.runPreview();
  }

  proceed() {
    if (this.destructive) this.step = 'confirm';
    else void this.apply();
  }

  async apply() {
    this.step = 'running';
    this.progress = { phase: 'Starting', done: 0, total: 1 };
    this.abort = new AbortController();
    const params = $state.snapshot(this.params);
    try {
      const res = await runJob<ApplyResult>({ onProgress: (p) => (this.progress = p), signal: this.abort.signal }, ({ jobId, progress }) =>
        engine().apply(this.action.id, this.selection, params, { jobId }, progress)
      );
      this.outcome = outcomeOf(res);
    } catch (e) {
      this.outcome = { ok: false, error: messageOf(e) };
    }
    this.abort = null;
    this.progress = null;
    this.step = 'done';
  }

  cancel() {
    this.abort?.abort();
  }
}
