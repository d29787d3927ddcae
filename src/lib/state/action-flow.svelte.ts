import { engine, newJobId, progressProxy } from '../client/engine';
import type { MenuItem, PreviewOk, ProgressEvent, Selection } from '../worker/api';

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
  progress = $state<ProgressEvent | null>(null);
  outcome = $state<Outcome | null>(null);
  typed = $state('');
  private jobId: string | null = null;

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
      const res = await engine().preview(this.action.id, this.selection, $state.snapshot(this.params));
      if (res.ok) {
        this.preview = res;
        this.step = 'preview';
      } else {
        this.error = res.error;
        if (this.action.hasParams) this.step = 'params';
      }
    } finally {
      this.busy = false;
    }
  }

  async downloadCsv(): Promise<string | null> {
    const res = await engine().previewCsv(this.action.id, this.selection, $state.snapshot(this.params));
    if (typeof res === 'string') return res;
    this.error = res.error;
    return null;
  }

  proceed() {
    if (this.destructive) this.step = 'confirm';
    else void this.apply();
  }

  async apply() {
    this.step = 'running';
    this.progress = { phase: 'Starting', done: 0, total: 1 };
    this.jobId = newJobId();
    const res = await engine().apply(
      this.action.id,
      this.selection,
      $state.snapshot(this.params),
      { jobId: this.jobId },
      progressProxy((p) => (this.progress = p))
    );
    this.jobId = null;
    this.outcome = res.ok ? { ok: true, reportId: res.reportId, applied: res.applied, skipped: res.skipped, emailsSent: res.emailsSent } : { ok: false, error: res.error, cancelled: res.cancelled };
    this.step = 'done';
  }

  cancel() {
    if (this.jobId) void engine().cancel(this.jobId);
  }
}
