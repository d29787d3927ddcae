import { describe, expect, it, vi } from 'vitest';
import type { ProgressEvent } from '../worker/jobs';

const cancel = vi.fn(async () => {});
vi.mock('./engine', () => ({ engine: () => ({ cancel }) }));
const { runJob } = await import('./jobs');

describe('a job on the engine', () => {
  it('drops progress that arrives after the answer (it travels on its own channel)', async () => {
    const seen: ProgressEvent[] = [];
    let late: ((p: ProgressEvent) => void) | null = null;
    await runJob({ onProgress: (p) => seen.push(p) }, async ({ progress }) => {
      progress({ phase: 'Reading', done: 1, total: 3 });
      late = progress;
      return 'answer';
    });
    late!({ phase: 'Reading', done: 2, total: 3 });
    expect(seen.map((p) => p.done)).toEqual([1]);
  });

  it('returns nothing to the worker from its progress callback, so a state proxy is never sent back', async () => {
    const state = new Proxy({}, {});
    await runJob({ onProgress: () => state }, async ({ progress }) => {
      expect((progress as (p: ProgressEvent) => unknown)({ phase: 'x', done: 0, total: 1 })).toBeUndefined();
    });
  });

  it('maps an abort to the engine’s cancel of that job', async () => {
    const abort = new AbortController();
    let id = '';
    await runJob({ signal: abort.signal }, async ({ jobId }) => {
      id = jobId;
      abort.abort();
    });
    expect(cancel).toHaveBeenCalledWith(id);
  });
});
