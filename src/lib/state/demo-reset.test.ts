import { describe, expect, it, vi } from 'vitest';
import type { ProgressEvent } from '$lib/worker/api';

const fake = { meta: vi.fn(async () => null), resetDemo: vi.fn(), cancel: vi.fn() };
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));

const { workspace } = await import('./workspace.svelte');
const { DemoReset } = await import('./demo-reset.svelte');

describe('resetting to demo data', () => {
  it('creates the chosen number of users, shows progress, then says what the workspace holds', async () => {
    const demo = new DemoReset();
    demo.size = 10000;
    demo.confirming = true;
    const seen: (ProgressEvent | null)[] = [];
    fake.resetDemo.mockImplementationOnce(async (size: number, progress: (p: ProgressEvent) => void) => {
      progress({ phase: 'Creating users', done: 1, total: 2 });
      seen.push(demo.progress);
      return { ok: true, total: size };
    });
    const revision = workspace.revision;
    await demo.reset();
    expect(fake.resetDemo).toHaveBeenCalledWith(10000, expect.any(Function));
    expect(seen).toEqual([{ phase: 'Creating users', done: 1, total: 2 }]);
    expect(workspace.revision).toBe(revision + 1);
    expect(demo.message).toBe('The workspace now holds 10,000 demo users.');
    expect([demo.busy, demo.confirming, demo.progress]).toEqual([false, false, null]);
  });

  it('says why when the engine refuses or fails', async () => {
    const demo = new DemoReset();
    fake.resetDemo.mockResolvedValueOnce({ ok: false, kind: 'quota', message: 'The browser refused to store more data.' });
    await demo.reset();
    expect(demo.message).toBe('The browser refused to store more data.');
    fake.resetDemo.mockRejectedValueOnce(new Error('The workspace is closed.'));
    await demo.reset();
    expect(demo.message).toBe('The workspace is closed.');
    expect(demo.busy).toBe(false);
  });
});
