import { describe, expect, it, vi } from 'vitest';
import type { GroupRow, UploadCheck, UploadSummary } from '$lib/worker/api';
import { deferred } from '../../../tests/deferred';

const fake = { uploadGroup: vi.fn(), uploadCheck: vi.fn() };
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));

const { UploadState } = await import('./upload.svelte');

type Page = { total: number; rows: GroupRow[] };
const rows = (...rowNumbers: number[]): Page => ({ total: rowNumbers.length, rows: rowNumbers.map((row) => ({ row }) as unknown as GroupRow) });

function previewed() {
  const up = new UploadState();
  up.summary = { sessionId: 's-1' } as UploadSummary;
  return up;
}

describe('an upload’s preview', () => {
  it('shows the group chosen last when the group chosen before answers after it', async () => {
    const up = previewed();
    const updated = deferred<Page>();
    fake.uploadGroup.mockReturnValueOnce(updated.promise).mockResolvedValueOnce(rows(4, 9));
    const first = up.showGroup('updated');
    await up.showGroup('invalid');
    updated.resolve(rows(1, 2, 3));
    await first;
    expect(up.group).toBe('invalid');
    expect(up.groupRows.map((r) => r.row)).toEqual([4, 9]);
    expect(up.groupTotal).toBe(2);
  });

  it('keeps the check for the options chosen last, and says why a check failed', async () => {
    const up = previewed();
    const before = deferred<UploadCheck>();
    fake.uploadCheck.mockReturnValueOnce(before.promise).mockResolvedValueOnce({ ok: true, changes: 7, skipped: [] });
    const first = up.recheck();
    up.options.inviteNew = true;
    await up.recheck();
    before.resolve({ ok: true, changes: 5, skipped: [] } as unknown as UploadCheck);
    await first;
    expect(fake.uploadCheck).toHaveBeenLastCalledWith('s-1', expect.objectContaining({ inviteNew: true }));
    expect(up.changes).toBe(7);
    fake.uploadCheck.mockRejectedValueOnce(new Error('The workspace is closed.'));
    await up.recheck();
    expect(up.error).toBe('The workspace is closed.');
  });
});
