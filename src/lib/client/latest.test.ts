import { afterEach, describe, expect, it, vi } from 'vitest';
import { Latest } from './latest';
import { deferred } from '../../../tests/deferred';

describe('loading with stale answers dropped', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the newest answer even when an older one arrives after it', async () => {
    const latest = new Latest();
    const shown: string[] = [];
    const a = deferred<string>();
    const b = deferred<string>();
    const first = latest.run(() => a.promise, (v) => shown.push(v));
    const second = latest.run(() => b.promise, (v) => shown.push(v));
    b.resolve('b');
    a.resolve('a');
    expect(await second).toBe(true);
    expect(await first).toBe(false);
    expect(shown).toEqual(['b']);
  });

  it('rejects with the newest load’s failure and drops a superseded one', async () => {
    const latest = new Latest();
    const a = deferred<string>();
    const first = latest.run(() => a.promise, () => {});
    const second = latest.run(() => Promise.reject(new Error('The workspace is closed.')), () => {});
    a.reject(new Error('old failure'));
    await expect(first).resolves.toBe(false);
    await expect(second).rejects.toThrow('The workspace is closed.');
  });

  it('keeps pages of the load in force, and drops them once a newer load starts', async () => {
    const latest = new Latest();
    const shown: string[] = [];
    await latest.run(async () => 'page 0', (v) => shown.push(v));
    expect(await latest.more(async () => 'page 1', (v) => shown.push(v))).toBe(true);
    const late = deferred<string>();
    const page2 = latest.more(() => late.promise, (v) => shown.push(v));
    await latest.run(async () => 'new page 0', (v) => shown.push(v));
    late.resolve('old page 2');
    expect(await page2).toBe(false);
    expect(shown).toEqual(['page 0', 'page 1', 'new page 0']);
  });

  it('drops what is in flight when told to', async () => {
    const latest = new Latest();
    const a = deferred<number>();
    const shown = vi.fn();
    const run = latest.run(() => a.promise, shown);
    latest.drop();
    a.resolve(1);
    expect(await run).toBe(false);
    expect(shown).not.toHaveBeenCalled();
  });

  it('with a wait, asks once for a burst and only for the last question', async () => {
    vi.useFakeTimers();
    const latest = new Latest();
    const load = vi.fn(async (q: string) => q);
    const shown: string[] = [];
    const runs = ['a', 'ab', 'abc'].map((q) => latest.run(() => load(q), (v) => shown.push(v), { wait: 150 }));
    await vi.advanceTimersByTimeAsync(150);
    expect(await Promise.all(runs)).toEqual([false, false, true]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(shown).toEqual(['abc']);
  });

  it('without a wait, starts the load at once', () => {
    const load = vi.fn(() => new Promise<never>(() => {}));
    void new Latest().run(load, () => {});
    expect(load).toHaveBeenCalledTimes(1);
  });
});
