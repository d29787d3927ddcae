import { engine } from '../client/engine';
import { messageOf } from '../client/errors';
import { runJob } from '../client/jobs';
import { count } from '../domain/format';
import type { Failure, ProgressEvent } from '../worker/api';
import { workspace } from './workspace.svelte';

/** Replacing the whole workspace with a fresh demo directory (Settings): size, confirmation, progress, result. */
export class DemoReset {
  size = $state(1000);
  confirming = $state(false);
  busy = $state(false);
  message = $state('');
  progress = $state<ProgressEvent | null>(null);

  async reset() {
    this.busy = true;
    this.message = '';
    const size = this.size;
    try {
      const res = await runJob<{ ok: true; total: number } | Failure>({ onProgress: (p) => (this.progress = p) }, ({ progress }) => engine().resetDemo(size, progress));
      await workspace.reload();
      this.message = res.ok ? `The workspace now holds ${count(res.total)} demo users.` : res.message;
    } catch (e) {
      this.message = messageOf(e);
    } finally {
      this.busy = false;
      this.confirming = false;
      this.progress = null;
    }
  }
}
