import { engine } from '../client/engine';
import { runJob } from '../client/jobs';
import { messageOf } from '../client/errors';
import { count, plural } from '../domain/format';
import type { ApplyResult, Failure, ProgressEvent, RevertPreview, RowsPage, RowsQuery } from '../worker/api';
import { outcomeOf, type Outcome } from './action-flow.svelte';

/** One revert of a report: preview (what goes back, what conflicts) → progress → result. */
export class RevertFlow {
  step = $state<'preview' | 'running' | 'done'>('preview');
  preview = $state<RevertPreview | null>(null);
  error = $state<string | null>(null);
  progress = $state<ProgressEvent | null>(null);
  outcome = $state<Outcome | null>(null);
  private abort: AbortController | null = null;

  constructor(readonly reportId: number) {}

  async load() {
    try {
      const res = await runJob<RevertPreview | Failure>({ onProgress: (p) => (this.progress = p) }, ({ progress }) => engine().revertPreview(this.reportId, progress));
      if (res.ok) this.preview = res;
      else this.error = res.message;
    } catch (e) {
      this.error = messageOf(e);
    } finally {
      this.progress = null;
    }
  }

  /** A page of what goes back, field by field. */
  previewRows(previewId: number, q: RowsQuery, offset: number, limit: number): Promise<RowsPage> {
    return engine().previewRows(previewId, q, offset, limit);
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
    this.abort = new AbortController();
    try {
      const res = await runJob<ApplyResult>({ onProgress: (p) => (this.progress = p), signal: this.abort.signal }, ({ jobId, progress }) =>
        engine().revert(this.reportId, { jobId }, progress)
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
