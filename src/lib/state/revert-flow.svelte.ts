import { engine, newJobId, progressProxy } from '../client/engine';
import { count, plural } from '../client/format';
import type { ProgressEvent, RevertPreview } from '../worker/api';
import type { Outcome } from './action-flow.svelte';

/** One revert of a report: preview (what goes back, what conflicts) → progress → result. */
export class RevertFlow {
  step = $state<'preview' | 'running' | 'done'>('preview');
  preview = $state<RevertPreview | null>(null);
  error = $state<string | null>(null);
  progress = $state<ProgressEvent | null>(null);
  outcome = $state<Outcome | null>(null);
  private jobId: string | null = null;

  constructor(readonly reportId: number) {}

  async load() {
    const res = await engine().revertPreview(this.reportId);
    if (res.ok) this.preview = res;
    else this.error = res.error;
  }

  get changes(): number {
    const p = this.preview;
    return p ? p.reverted + p.restored + p.removed : 0;
  }

  /** "Reverts 49 users · 1 left alone" */
  get headline(): string {
    const p = this.preview;
    if (!p) return '';
    const left = p.conflicts.reduce((s, c) => s + c.count, 0);
    const head = this.changes ? `Reverts ${plural(this.changes, 'user')}` : 'Nothing can be reverted';
    return left ? `${head} · ${count(left)} left alone` : head;
  }

  async apply() {
    this.step = 'running';
    this.progress = { phase: 'Starting', done: 0, total: 1 };
    this.jobId = newJobId();
    const res = await engine().revert(this.reportId, { jobId: this.jobId }, progressProxy((p) => (this.progress = p)));
    this.outcome = res.ok ? { ok: true, reportId: res.reportId, applied: res.applied, skipped: res.skipped } : { ok: false, error: res.error, cancelled: res.cancelled };
    this.step = 'done';
  }

  cancel() {
    if (this.jobId) void engine().cancel(this.jobId);
  }
}
