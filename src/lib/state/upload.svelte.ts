import { engine } from '../client/engine';
import { runJob } from '../client/jobs';
import { messageOf } from '../client/errors';
import { Latest } from '../client/latest';
import { downloadText } from '../client/download';
import type { Delimiter } from '../domain/csv/parse';
import type { ApplyResult, GroupRow, UploadCheck, UploadPreview, ProgressEvent, UploadGroup, UploadOptions, UploadSummary } from '../worker/api';
import { outcomeOf, type Outcome } from './action-flow.svelte';
import { workspace } from './workspace.svelte';

/** One CSV upload, from the chosen file to the applied result (SPEC §5). */
export class UploadState {
  fileName = $state('');
  reading = $state(false);
  error = $state<string | null>(null);
  summary = $state.raw<UploadSummary | null>(null);
  group = $state<UploadGroup>('updated');
  groupRows = $state.raw<GroupRow[]>([]);
  groupTotal = $state(0);
  // Sending invitations is a choice the person makes, never a default.
  options = $state<UploadOptions>({ welcomeMessage: '', inviteNew: false, reinvite: false, undelete: false, actOnListed: false });
  /** Progress of the read (while `reading`) or of the apply (while `applying`). */
  progress = $state<ProgressEvent | null>(null);
  applying = $state(false);
  result = $state<Outcome | null>(null);
  private file: File | null = null;
  private abort: AbortController | null = null;

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
      const file = this.file;
      const res = await runJob<UploadPreview>({ onProgress: (p) => (this.progress = p) }, ({ progress }) => engine().uploadPreview(file, this.fileName, opts, progress));
      if (!res.ok) {
        this.summary = null;
        this.error = res.message;
        return;
      }
      this.summary = res;
      this.group = res.firstGroup.group;
      this.groupRows = res.firstGroup.rows;
      this.groupTotal = res.firstGroup.total;
    } catch (e) {
      this.summary = null;
      this.error = messageOf(e);
    } finally {
      this.reading = false;
      this.progress = null;
    }
  }

  private groupLoad = new Latest();

  /** Shows a group's rows (or more of them); a late answer for a group no longer shown is dropped. */
  async showGroup(group: UploadGroup, more = false) {
    if (!this.summary) return;
    const { sessionId } = this.summary;
    this.group = group;
    const offset = more ? this.groupRows.length : 0;
    await this.groupLoad.run(
      () => engine().uploadGroup(sessionId, group, offset, 100),
      (page) => {
        this.groupRows = more ? [...this.groupRows, ...page.rows] : page.rows;
        this.groupTotal = page.total;
      }
    );
  }

  /** What applying with the current options would do, as the engine's write gate lets it. */
  check = $state.raw<UploadCheck | null>(null);
  private checkLoad = new Latest();

  /** Asks the engine again (after the preview, and whenever an option changes); late answers are dropped. */
  async recheck() {
    const s = this.summary;
    if (!s) return;
    const options = $state.snapshot(this.options);
    try {
      await this.checkLoad.run(
        // async: the engine's answer types as a union of two promises, which would pin the answer to one side.
        async () => engine().uploadCheck(s.sessionId, options),
        (res) => {
          this.check = res.ok ? res : null;
          if (!res.ok) this.error = res.message;
        }
      );
    } catch (e) {
      this.error = messageOf(e);
    }
  }

  get changes(): number {
    if (this.check) return this.check.changes;
    const c = this.summary?.counts;
    if (!c) return 0;
    return c.created + c.updated + (this.options.undelete ? c.deleted : 0);
  }

  async apply() {
    if (!this.summary) return;
    const { sessionId } = this.summary;
    const options = $state.snapshot(this.options);
    this.progress = { phase: 'Starting', done: 0, total: 1 };
    this.applying = true;
    this.abort = new AbortController();
    try {
      const res = await runJob<ApplyResult>({ onProgress: (p) => (this.progress = p), signal: this.abort.signal }, ({ jobId, progress }) =>
        engine().uploadApply(sessionId, options, { jobId }, progress)
      );
      this.result = outcomeOf(res);
    } catch (e) {
      this.result = { ok: false, error: messageOf(e) };
    }
    this.abort = null;
    this.progress = null;
    this.applying = false;
  }

  cancel() {
    this.abort?.abort();
  }

  /** The CSV template, as a file. */
  async downloadTemplate() {
    await workspace.ready();
    downloadText('muster-template.csv', await engine().templateCsv());
  }

  /** What the apply did, row by row, as a file. */
  async downloadResults() {
    if (this.summary) downloadText('muster-upload-results.csv', await engine().uploadResultsCsv(this.summary.sessionId));
  }

  /** The invalid rows as a file: row, column, value, message. */
  errorsCsv(): Promise<string> {
    return this.summary ? engine().uploadErrorsCsv(this.summary.sessionId) : Promise.resolve('');
  }

  reset() {
    this.summary = null;
    this.check = null;
    this.error = null;
    this.result = null;
    this.groupRows = [];
    this.file = null;
  }
}
