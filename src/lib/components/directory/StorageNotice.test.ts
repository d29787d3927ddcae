import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

const exportWorkspace = vi.fn(async () => new Uint8Array([0x1f, 0x8b, 1, 2]));
vi.mock('$lib/client/engine', () => ({ engine: () => ({ exportWorkspace }), onEngineStopped: () => () => {} }));
vi.mock('$lib/client/download', () => ({ downloadBytes: vi.fn(), downloadText: vi.fn() }));

const { workspace } = await import('$lib/state/workspace.svelte');
const { default: StorageNotice } = await import('./StorageNotice.svelte');

describe('the storage notice on the Users page', () => {
  beforeEach(() => localStorage.clear());

  it('says once that the browser may clear the data, with the backup at hand', async () => {
    workspace.storage = { persisted: false, usage: 1, quota: 2 };
    const first = render(StorageNotice);
    const notice = screen.getByRole('region', { name: 'Storage' });
    expect(notice).toHaveTextContent(/may clear it when disk space runs low/);
    await userEvent.click(screen.getByRole('button', { name: 'Export a backup' }));
    expect(exportWorkspace).toHaveBeenCalled();
    expect(await screen.findByText(/Backup downloaded/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Storage' })).toBeNull();
    first.unmount();
    render(StorageNotice); // the next visit remembers the dismissal
    expect(screen.queryByRole('region', { name: 'Storage' })).toBeNull();
  });

  it('says nothing when the browser keeps the data', () => {
    workspace.storage = { persisted: true, usage: 1, quota: 2 };
    render(StorageNotice);
    expect(screen.queryByRole('region', { name: 'Storage' })).toBeNull();
  });
});
