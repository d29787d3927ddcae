import { downloadBlob } from '../client/download';
import { runJob } from '../client/jobs';
import type { ExportFile } from '../domain/export-formats';
import type { ProgressEvent } from '../worker/jobs';

/**
 * A file the engine writes and the browser downloads: 100,000 users take a second or two, so the
 * job runs through the one job runner and its progress is shown while it writes.
 */
export class FileExport {
  running = $state(false);
  progress = $state.raw<ProgressEvent | null>(null);

  async run(write: (progress: (p: ProgressEvent) => void) => Promise<ExportFile | null>): Promise<void> {
    this.running = true;
    this.progress = null;
    try {
      const file = await runJob({ onProgress: (p) => (this.progress = p) }, ({ progress }) => write(progress));
      if (file) downloadBlob(file.filename, file.blob);
    } finally {
      this.running = false;
      this.progress = null;
    }
  }
}
