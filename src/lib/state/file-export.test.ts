import { describe, expect, it, vi } from 'vitest';
import { deferred } from '../../../tests/deferred';

vi.mock('$lib/client/engine', () => ({ engine: () => ({ cancel: vi.fn() }), onEngineStopped: () => () => {} }));
const downloadBlob = vi.fn();
vi.mock('$lib/client/download', () => ({ downloadBlob }));
const { FileExport } = await import('./file-export.svelte');

describe('a file the engine writes', () => {
  it('shows its progress while it is written, then downloads it and clears the progress', async () => {
    const job = new FileExport();
    const done = deferred<{ filename: string; mime: string; blob: Blob }>();
    let report: ((p: { phase: string; done: number; total: number }) => void) | undefined;
    const running = job.run((progress) => {
      report = progress;
      return done.promise;
    });
    expect(job.running).toBe(true);
    report!({ phase: 'Writing 100,000 users', done: 40_000, total: 100_000 });
    expect(job.progress).toEqual({ phase: 'Writing 100,000 users', done: 40_000, total: 100_000 });
    const blob = new Blob(['login'], { type: 'text/csv;charset=utf-8' });
    done.resolve({ filename: 'okta-users.csv', mime: 'text/csv', blob });
    await running;
    expect(downloadBlob).toHaveBeenCalledWith('okta-users.csv', blob);
    expect(job.running).toBe(false);
    expect(job.progress).toBeNull();
    // A progress message arriving after the answer is dropped.
    report!({ phase: 'late', done: 1, total: 1 });
    expect(job.progress).toBeNull();
  });
});
