import { engine, newJobId, progressProxy } from '../client/engine';
import type { Delimiter } from '../domain/csv/parse';
import type { GroupRow, ProgressEvent, UploadGroup, UploadOptions, UploadSummary } from '../worker/api';

/** One CSV upload, from the chosen file to the applied result (SPEC §5). */
export class UploadState {
  fileName = $state('');
  reading = $state(false);
  error = $state<string | null>(null);
  summary = $state.raw<UploadSummary | null>(null);
  group = $state<UploadGroup>('updated');
  groupRows = $state.raw<GroupRow[]>([]);
  groupTotal = $state(0);
  options = $state<UploadOptions>({ welcomeMessage: '', inviteNew: true, reinvite: false, undelete: false });
  progress = $state<ProgressEvent | null>(null);
  result = $state<{ ok: boolean; reportId?: number; applied?: number; skipped?: number; emailsSent?: number; error?: string; cancelled?: boolean } | null>(null);
  private file: File | null = null;
  private jobId: string | null = null;

  async choose(file: File) {
    this.reset();
    this.fileName = file.name;
    // The engine reads the file itself: the page never copies its bytes.
    this.file = file;
    await this.preview({});
  }

  async preview(opts: { delimiter?: Delimiter; mapping?: (string | null)[] }) {
    if (!this.file) return;
    this.reading = true;
    this.error = null;
    try {
      this.progress = { phase: 'Reading the file', done: 0, total: 3 };
      const res = await engine().uploadPreview(this.file, this.fileName, opts, progressProxy((p) => (this.progress = p)));
      this.progress = null;
      if (!res.ok) {
        this.summary = null;
        this.error = res.error;
        return;
      }
      this.summary = res;
      this.group = res.firstGroup.group;
      this.groupRows = res.firstGroup.rows;
      this.groupTotal = res.firstGroup.total;
    } finally {
      this.reading = false;
      this.progress = null;
    }
  }

  async showGroup(group: UploadGroup, more = false) {
    if (!this.summary) return;
    this.group = group;
    const page = await engine().uploadGroup(this.summary.sessionId, group, more ? this.groupRows.length : 0, 100);
    this.groupRows = more ? [...this.groupRows, ...page.rows] : page.rows;
    this.groupTotal = page.total;
  }

  get changes(): number {
    const c = this.summary?.counts;
    if (!c) return 0;
    return c.created + c.updated + (this.options.undelete ? c.deleted : 0);
  }

  async apply() {
    if (!this.summary) return;
    this.jobId = newJobId();
    this.progress = { phase: 'Starting', done: 0, total: 1 };
    const res = await engine().uploadApply(this.summary.sessionId, $state.snapshot(this.options), { jobId: this.jobId }, progressProxy((p) => (this.progress = p)));
    this.jobId = null;
    this.progress = null;
    this.result = res.ok ? { ok: true, reportId: res.reportId, applied: res.applied, skipped: res.skipped, emailsSent: res.emailsSent } : { ok: false, error: res.error, cancelled: res.cancelled };
  }

  cancel() {
    if (this.jobId) void engine().cancel(this.jobId);
  }

  reset() {
    this.summary = null;
    this.error = null;
    this.result = null;
    this.groupRows = [];
    this.file = null;
  }
}
