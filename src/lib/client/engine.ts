import * as Comlink from 'comlink';
import type { Engine, ProgressEvent } from '../worker/api';

let remote: Comlink.Remote<Engine> | null = null;

/**
 * The main thread's handle on the engine worker, started on first use. Only the engine's type is
 * imported here, so none of the domain, Dexie or zod code lands in the page bundle.
 */
export function engine(): Comlink.Remote<Engine> {
  if (!remote) {
    const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'muster-engine' });
    remote = Comlink.wrap<Engine>(worker);
  }
  return remote;
}

/** Wraps a progress callback so the worker can call it across postMessage. */
export function progressProxy(fn: (p: ProgressEvent) => void) {
  return Comlink.proxy(fn);
}

let jobCounter = 0;
export function newJobId(): string {
  return `job-${Date.now().toString(36)}-${++jobCounter}`;
}
