import * as Comlink from 'comlink';
import { engine } from './engine';
import type { ProgressEvent } from '../worker/jobs';

export interface JobOptions {
  /** Progress as the engine reports it; never called once the job has settled. */
  onProgress?: (p: ProgressEvent) => void;
  /** Aborting asks the engine to cancel the job; the transaction is rolled back. */
  signal?: AbortSignal;
}

let jobCounter = 0;

/**
 * Every long flow runs through here: a job id the engine can cancel by, and a progress callback
 * that closes when the call settles. Progress travels on its own message channel and can arrive
 * after the answer; a closed callback drops it, so progress cannot outlive its job.
 */
export async function runJob<T>(opts: JobOptions, call: (job: { jobId: string; progress: (p: ProgressEvent) => void }) => Promise<T>): Promise<T> {
  const jobId = `job-${Date.now().toString(36)}-${++jobCounter}`;
  let open = true;
  // Returns nothing: a callback's return value travels back to the worker, and a Svelte state
  // proxy cannot be cloned.
  const progress = Comlink.proxy((p: ProgressEvent) => {
    if (open) opts.onProgress?.(p);
  });
  const abort = () => void engine().cancel(jobId).catch(() => {});
  opts.signal?.addEventListener('abort', abort, { once: true });
  try {
    return await call({ jobId, progress });
  } finally {
    open = false;
    opts.signal?.removeEventListener('abort', abort);
  }
}
