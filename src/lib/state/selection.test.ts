import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { deferred } from '../../../tests/deferred';

const fake = { meta: vi.fn(async () => null), selectionInfo: vi.fn(), allIds: vi.fn() };
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));

const { workspace } = await import('./workspace.svelte');
const { SelectionState } = await import('./selection.svelte');

type Info = { selected: number; hidden: number };

describe('the selection', () => {
  it('holds exactly the ids ticked and not unticked since, through any ticks, ranges, clears and restores', () => {
    const id = fc.integer({ min: 1, max: 3000 });
    const step = fc.oneof(
      fc.record({ op: fc.constant('set' as const), ids: fc.array(id, { maxLength: 3 }), on: fc.boolean() }),
      fc.record({ op: fc.constant('many' as const), ids: fc.array(id, { maxLength: 200 }), on: fc.boolean() }),
      fc.record({ op: fc.constant('replace' as const), ids: fc.array(id, { maxLength: 50 }), on: fc.constant(true) }),
      fc.record({ op: fc.constant('clear' as const), ids: fc.constant([]), on: fc.constant(false) })
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const selection = new SelectionState();
        const model = new Set<number>();
        for (const { op, ids, on } of steps) {
          if (op === 'clear' || op === 'replace') model.clear();
          for (const i of ids) if (on) model.add(i); else model.delete(i);
          if (op === 'set') for (const i of ids) selection.set(i, on);
          else if (op === 'many') selection.setMany(Int32Array.from(ids), on);
          else if (op === 'replace') selection.replace(ids);
          else selection.clear();
          expect(selection.count).toBe(model.size);
        }
        expect([...selection.ids()]).toEqual([...model].sort((a, b) => a - b));
        for (let i = 0; i <= 3001; i += 7) expect(selection.has(i)).toBe(model.has(i));
      })
    );
  });

  it('counts the selected users the newest filter hides when the answer for an earlier filter arrives last', async () => {
    const selection = new SelectionState();
    selection.setMany([1, 2, 3], true);
    const inactive = deferred<Info>();
    const invited = deferred<Info>();
    fake.selectionInfo.mockReturnValueOnce(inactive.promise).mockReturnValueOnce(invited.promise);
    const first = selection.countHidden({ status: ['inactive'] });
    const second = selection.countHidden({ status: ['invited'] });
    invited.resolve({ selected: 3, hidden: 1 });
    await second;
    inactive.resolve({ selected: 3, hidden: 3 });
    await first;
    expect(fake.selectionInfo).toHaveBeenLastCalledWith({ ids: Int32Array.from([1, 2, 3]) }, { status: ['invited'] });
    expect(selection.hidden).toBe(1);
  });

  it('hides nobody once nothing is selected, whatever an earlier question answers later', async () => {
    const selection = new SelectionState();
    selection.set(4, true);
    const late = deferred<Info>();
    fake.selectionInfo.mockReturnValueOnce(late.promise);
    const asked = selection.countHidden({ status: ['inactive'] });
    selection.clear();
    fake.selectionInfo.mockClear();
    await selection.countHidden({ status: ['inactive'] });
    late.resolve({ selected: 1, hidden: 1 });
    await asked;
    expect(fake.selectionInfo).not.toHaveBeenCalled();
    expect(selection.hidden).toBe(0);
  });

  it('knows, without asking again, that selecting all a filter matches hides no one more', async () => {
    const selection = new SelectionState();
    selection.setMany([1, 2], true);
    fake.selectionInfo.mockResolvedValueOnce({ selected: 2, hidden: 1 });
    await selection.countHidden({ status: ['active'] });
    fake.allIds.mockResolvedValueOnce(Int32Array.from([2, 5, 6]));
    fake.selectionInfo.mockClear();
    await selection.selectAllMatching({ status: ['active'] }, { key: 'name', dir: 'asc' });
    await selection.countHidden({ status: ['active'] });
    expect(fake.selectionInfo).not.toHaveBeenCalled();
    expect(selection.count).toBe(4);
    expect(selection.hidden).toBe(1);
    // Another filter, or a change to the selection, is asked about.
    fake.selectionInfo.mockResolvedValue({ selected: 4, hidden: 2 });
    await selection.countHidden({ status: ['inactive'] });
    expect(fake.selectionInfo).toHaveBeenCalledTimes(1);
    await selection.countHidden({ status: ['inactive'] });
    expect(fake.selectionInfo).toHaveBeenCalledTimes(1);
    selection.set(9, true);
    await selection.countHidden({ status: ['inactive'] });
    expect(fake.selectionInfo).toHaveBeenCalledTimes(2);
  });

  it('hands a failure to the one error handler, in words', async () => {
    workspace.failure = null;
    const selection = new SelectionState();
    selection.set(1, true);
    fake.selectionInfo.mockRejectedValueOnce(new Error('The workspace is closed.'));
    await selection.countHidden({});
    expect(workspace.failure).toBe('The workspace is closed.');
  });
});
