import * as Comlink from 'comlink';
import type { Engine } from '../worker/api';
import type { Lifeline } from '../worker/lifeline';
import { EngineStoppedError, friendlyError } from './errors';

let remote: Comlink.Remote<Engine> | null = null;
let guarded: Comlink.Remote<Engine> | null = null;
let stopped: EngineStoppedError | null = null;
let rejectPending: ((e: EngineStoppedError) => void)[] = [];
const stopListeners = new Set<(e: EngineStoppedError) => void>();

/**
 * The main thread's handle on the engine worker, started on first use. Only the engine's type is
 * imported here, so none of the domain, Dexie or zod code lands in the page bundle.
 *
 * Every call is watched: if the worker dies (crashed, terminated, killed by the browser under
 * memory pressure) the calls still waiting reject with EngineStoppedError instead of waiting
 * forever, later calls reject at once, and `onEngineStopped` listeners hear it once. Other
 * failures reach the caller as an Error whose message a person can act on (errors.ts).
 */
export function engine(): Comlink.Remote<Engine> {
  if (!guarded) {
    const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'muster-engine' });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      stop(new EngineStoppedError('crashed'));
      worker.terminate();
    });
    remote = Comlink.wrap<Engine>(worker);
    guarded = guard(remote);
    void watchLifeline();
  }
  return guarded;
}

/** Hears once that the engine stopped; returns an unsubscribe function. */
export function onEngineStopped(fn: (e: EngineStoppedError) => void): () => void {
  if (stopped) fn(stopped);
  stopListeners.add(fn);
  return () => stopListeners.delete(fn);
}

function stop(e: EngineStoppedError) {
  if (stopped) return;
  stopped = e;
  for (const reject of rejectPending) reject(e);
  rejectPending = [];
  for (const fn of stopListeners) fn(e);
}

/**
 * The worker holds a Web Lock for as long as it lives; this side queues for the same lock, which
 * the browser grants only when the worker's global is gone. No polling, no timeout to tune, and a
 * long computation in the worker is never mistaken for a death.
 */
async function watchLifeline() {
  if (typeof navigator === 'undefined' || !navigator.locks) return;
  const name = `muster-engine-${crypto.randomUUID()}`;
  try {
    await (remote as unknown as Comlink.Remote<Lifeline>).holdLifeline(name);
  } catch {
    return; // the worker is already gone: its error event or the first call will say so
  }
  void navigator.locks.request(name, () => stop(new EngineStoppedError('stopped')));
}

/** Each method of the remote, raced against the engine's death and with failures in words. */
function guard(target: Comlink.Remote<Engine>): Comlink.Remote<Engine> {
  return new Proxy({} as Comlink.Remote<Engine>, {
    get(_, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (...args: unknown[]) => {
        if (stopped) return Promise.reject(stopped);
        const method = (target as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name];
        return new Promise((resolve, reject) => {
          rejectPending.push(reject);
          const settle = () => (rejectPending = rejectPending.filter((r) => r !== reject));
          method(...args).then(
            (v) => (settle(), resolve(v)),
            (e) => (settle(), reject(friendlyError(e)))
          );
        });
      };
    }
  });
}

