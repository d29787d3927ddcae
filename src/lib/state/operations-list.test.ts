import { describe, expect, it, vi } from 'vitest';
import type { AuditPage } from '$lib/worker/api';
import type { Operation } from '$lib/domain/operations';
import { deferred } from '../../../tests/deferred';

const fake = { open: vi.fn(async () => ({ total: 0 })), meta: vi.fn(async () => null), watch: vi.fn(async () => {}), operations: vi.fn() };
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));

const { workspace } = await import('./workspace.svelte');
const { OperationsList } = await import('./operations-list.svelte');

const page = (...ids: number[]): AuditPage => ({ total: ids.length, rows: ids.map((id) => ({ id }) as Operation), actors: [{ id: 1, name: 'Ada Admin' }] });

describe('the audit log', () => {
  it('shows the page for the newest filter when the answer to an earlier one arrives last', async () => {
    const log = new OperationsList();
    const all = deferred<AuditPage>();
    const nora = deferred<AuditPage>();
    fake.operations.mockReturnValueOnce(all.promise).mockReturnValueOnce(nora.promise);
    const first = log.load();
    log.person = ' Nora ';
    const second = log.load();
    nora.resolve(page(7));
    await second;
    all.resolve(page(9, 8, 7));
    await first;
    expect(fake.operations).toHaveBeenLastCalledWith({ kind: '', person: 'Nora', actorId: null, from: '', to: '' }, 0, 50);
    expect(log.rows.map((r) => r.id)).toEqual([7]);
    expect(log.total).toBe(1);
    expect(log.filtered).toBe(true);
  });

  it('asks nothing while “From” is after “To”, and pages from the first page after a clear', async () => {
    const log = new OperationsList();
    fake.operations.mockClear();
    log.from = '2026-12-02';
    log.to = '2026-12-01';
    expect(log.badRange).toBe(true);
    await log.load();
    expect(fake.operations).not.toHaveBeenCalled();
    log.older();
    log.older();
    log.newer();
    expect(log.offset).toBe(50);
    log.clear();
    expect([log.offset, log.filtered, log.badRange]).toEqual([0, false, false]);
  });

  it('hands a failure to the one error handler, in words', async () => {
    workspace.failure = null;
    fake.operations.mockRejectedValueOnce(new Error('The workspace is closed.'));
    await new OperationsList().load();
    expect(workspace.failure).toBe('The workspace is closed.');
  });
});
