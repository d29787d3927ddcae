import { describe, expect, it } from 'vitest';
import { roomProblem, STORED_OVER_JSON, workspaceOf } from './storage-room';

describe('room for a workspace, before writing it', () => {
  it('refuses a size the browser has no room for, saying how much is needed and how much is left', () => {
    const mb = 1024 * 1024;
    expect(roomProblem(workspaceOf(1_000_000), 1_000_000 * 600, { quota: 500 * mb, usage: 20 * mb })).toBe(
      'A workspace of 1,000,000 users needs about 1,144.4 MB, and this browser leaves Muster 480 MB. Nothing was changed. Choose a smaller size, or free disk space and try again.'
    );
  });
  it('lets a size through when it fits, or when the browser does not say', () => {
    expect(roomProblem(workspaceOf(100_000), 100_000 * 600, { quota: 10 * 1024 ** 3, usage: 0 })).toBeNull();
    expect(roomProblem(workspaceOf(100_000), 100_000 * 600, { quota: 100_000 * 600 * STORED_OVER_JSON, usage: 0 })).toBeNull();
    expect(roomProblem(workspaceOf(100_000), 100_000 * 600, null)).toBeNull();
    expect(roomProblem(workspaceOf(100_000), 100_000 * 600, {})).toBeNull();
  });
});
