import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

const fake = { meta: vi.fn(async () => null), importWorkspace: vi.fn(), exportWorkspace: vi.fn() };
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));

const { workspace } = await import('$lib/state/workspace.svelte');
const { default: BackupSection } = await import('./BackupSection.svelte');

const backup = () => new File(['{"users":[]}'], 'muster-workspace-2026-12-01.json', { type: 'application/json' });

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('restoring a backup', () => {
  it('asks before replacing the workspace; keeping it changes nothing and gives focus back to the file input', async () => {
    const user = userEvent.setup();
    render(BackupSection);
    const input = screen.getByLabelText<HTMLInputElement>('Restore from a file');
    await user.upload(input, backup());
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace the workspace?' });
    expect(dialog).toHaveAccessibleDescription(/Replace everything in this browser with muster-workspace-2026-12-01\.json\?/);
    await user.click(screen.getByRole('button', { name: 'Keep my workspace' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.importWorkspace).not.toHaveBeenCalled();
    expect(input.files).toHaveLength(0);
    expect(screen.queryByRole('status')).toBeNull();
    await waitFor(() => expect(input).toHaveFocus());
  });

  it('Escape keeps the workspace too', async () => {
    const user = userEvent.setup();
    render(BackupSection);
    await user.upload(screen.getByLabelText('Restore from a file'), backup());
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.importWorkspace).not.toHaveBeenCalled();
  });

  it('replaces the workspace once confirmed, says what it holds now, and closes', async () => {
    const user = userEvent.setup();
    render(BackupSection);
    const input = screen.getByLabelText<HTMLInputElement>('Restore from a file');
    fake.importWorkspace.mockResolvedValueOnce({ ok: true, users: 1000, operations: 12 });
    const revision = workspace.revision;
    await user.upload(input, backup());
    await user.click(await screen.findByRole('button', { name: 'Replace the workspace' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Restored 1,000 users and 12 reports from muster-workspace-2026-12-01.json.');
    expect(fake.importWorkspace).toHaveBeenCalledWith(new Uint8Array(await backup().arrayBuffer()));
    expect(workspace.revision).toBe(revision + 1);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(input).toHaveFocus());
  });

  it('says why a file was refused, and nothing else happens', async () => {
    const user = userEvent.setup();
    render(BackupSection);
    fake.importWorkspace.mockResolvedValueOnce({ ok: false, kind: 'invalid', message: 'This file is not a Muster backup.', problems: ['users: expected an array'] });
    const revision = workspace.revision;
    await user.upload(screen.getByLabelText('Restore from a file'), backup());
    await user.click(await screen.findByRole('button', { name: 'Replace the workspace' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This file is not a Muster backup.');
    expect(alert).toHaveTextContent('users: expected an array');
    expect(workspace.revision).toBe(revision);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });
});
