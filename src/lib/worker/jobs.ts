export interface ProgressEvent {
  phase: string;
  done: number;
  total: number;
}
export type Progress = (p: ProgressEvent) => void;

/**
 * Cancellation across the worker boundary: an AbortSignal cannot cross postMessage, so the client
 * names each long job and `cancel(jobId)` flips a flag the job checks between steps.
 */
export class Jobs {
  private cancelled = new Set<string>();

  cancel(jobId: string) {
    this.cancelled.add(jobId);
  }

  watch(jobId: string | undefined): { isCancelled: () => boolean; done: () => void } {
    return {
      isCancelled: () => jobId !== undefined && this.cancelled.has(jobId),
      done: () => {
        if (jobId !== undefined) this.cancelled.delete(jobId);
      }
    };
  }
}

/** Lets queued messages (a cancel, a query) run between slices of long computations. */
export const breathe = () => new Promise<void>((r) => setTimeout(r, 0));
