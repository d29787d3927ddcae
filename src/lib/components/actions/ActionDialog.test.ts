import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { PreviewOk } from '$lib/worker/api';

// The dialog talks to the engine only through the client module: replace it with a fake.
let resolveApply: ((v: unknown) => void) | null = null;
const fake = {
  preview: vi.fn(async (): Promise<PreviewOk> => ({
    ok: true,
    action: 'delete',
    label: 'Delete',
    selected: 5,
    applies: 3,
    skipped: [{ reason: 'Owns content — transfer ownership first', count: 2, ids: [4, 5] }],
    severity: 'destructive',
    emails: 0,
    notes: [],
    previewId: 1,
    summary: [{ label: 'Status', before: 'Active', after: 'Deleted', count: 3 }],
    changes: 3
  })),
  previewRows: vi.fn(async () => ({ total: 1, all: 1, fields: [], rows: [{ userId: 1, email: 'a@example.com', name: 'Ann A', field: 'status', label: 'Status', before: 'Active', after: 'Deleted' }] })),
  apply: vi.fn(() => new Promise((r) => (resolveApply = r))),
  cancel: vi.fn(async () => {}),
  rows: vi.fn(async () => []),
  previewCsv: vi.fn(async () => 'id\r\n'),
  query: vi.fn(async () => ({ total: 1, offset: 0, version: 1, rows: [{ id: 9, firstName: 'Nia', lastName: 'New', email: 'nia@example.com', status: 'active' }] }))
};
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));

const { ActionFlow } = await import('$lib/state/action-flow.svelte');
const { default: ActionDialog } = await import('./ActionDialog.svelte');

const OWNS = 'Owns content — transfer ownership first';
const remedy = {
  reason: OWNS,
  field: { kind: 'user' as const, key: 'transferTo' as const, label: 'Transfer their content to', rule: { status: 'active' as const, description: 'An active user.' } },
  apply: 'Transfer their content, then delete'
};
const item = { id: 'delete', label: 'Delete', description: 'Deletes the users.', family: 'status', applies: 3, disabled: null, hasParams: false, form: [], remedies: [remedy] };

function open(onclose = vi.fn()) {
  const flow = new ActionFlow(item, { ids: [1, 2, 3, 4, 5] });
  render(ActionDialog, { flow, selectedCount: 5, onclose });
  return { flow, onclose };
}

describe('the bulk action dialog', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    resolveApply = null;
  });

  it('says how far the preview has got while the engine works it out (seconds at a million users)', async () => {
    let finish!: () => void;
    fake.preview.mockImplementationOnce(async (...args: unknown[]) => {
      const progress = args[3] as (p: { phase: string; done: number; total: number }) => void;
      progress({ phase: 'Planning each user’s changes', done: 1, total: 4 });
      await new Promise<void>((resolve) => (finish = resolve));
      return { ok: true, action: 'delete', label: 'Delete', selected: 5, applies: 5, skipped: [], severity: 'destructive', emails: 0, notes: [], previewId: 3, summary: [], changes: 5 } as PreviewOk;
    });
    open();
    expect(await screen.findByRole('status', { name: '' })).toHaveTextContent(/Planning each user’s changes… 25\s?%/);
    finish();
    expect(await screen.findByRole('button', { name: 'Apply to 5 users' })).toBeEnabled();
    expect(screen.queryByText(/Planning each user’s changes/)).not.toBeInTheDocument();
  });

  it('previews how many apply and why the others are skipped, and what changes, in words', async () => {
    open();
    expect(await screen.findByText('Owns content — transfer ownership first')).toBeInTheDocument();
    const summary = screen.getByRole('list', { name: 'What changes' });
    expect(summary).toHaveTextContent(/Status:\s*Active\s*→?\s*becomes\s*Deleted\s*— 3 users/);
    expect(await screen.findByRole('cell', { name: /Ann A/ })).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Delete' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply to 3 users' })).toBeEnabled();
  });

  it('offers the way past a skip reason its definition names: transfer their content, then delete, previewed again', async () => {
    const user = userEvent.setup();
    const { flow } = open();
    await user.click(await screen.findByRole('button', { name: 'Transfer their content to…' }));
    await user.click(await screen.findByRole('radio', { name: /Nia New/ }));
    fake.preview.mockResolvedValueOnce({ ok: true, action: 'delete', label: 'Delete', selected: 5, applies: 5, skipped: [], severity: 'destructive', emails: 0, notes: [], previewId: 2, summary: [], changes: 5 });
    await user.click(screen.getByRole('button', { name: 'Transfer their content, then delete' }));
    expect(await screen.findByRole('button', { name: 'Apply to 5 users' })).toBeEnabled();
    expect(fake.preview).toHaveBeenLastCalledWith('delete', { ids: [1, 2, 3, 4, 5] }, { transferTo: 9 }, expect.any(Function));
    expect(flow.params).toEqual({ transferTo: 9 });
  });

  it('asks for the number of users before a destructive action, then applies', async () => {
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByRole('button', { name: 'Apply to 3 users' }));
    const confirm = screen.getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText(/Type 3 to confirm/), '2{Enter}');
    expect(confirm).toBeDisabled();
    expect(fake.apply).not.toHaveBeenCalled();
    await user.clear(screen.getByLabelText(/Type 3 to confirm/));
    // Enter submits a filled confirmation, as the button does.
    await user.type(screen.getByLabelText(/Type 3 to confirm/), '3{Enter}');
    expect(fake.apply).toHaveBeenCalledTimes(1);
  });

  it('closes on Escape, except while applying', async () => {
    const user = userEvent.setup();
    const { flow, onclose } = open();
    await screen.findByRole('button', { name: 'Apply to 3 users' });
    flow.step = 'confirm';
    flow.typed = '3';
    void flow.apply();
    await screen.findByRole('progressbar', { name: 'Progress' });
    await user.keyboard('{Escape}');
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    // Cancel goes to the engine; the result arrives and the dialog says nothing changed.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const [, , , opts] = fake.apply.mock.calls[0] as unknown as [string, unknown, unknown, { jobId: string }];
    expect(fake.cancel).toHaveBeenCalledWith(opts.jobId);
    resolveApply!({ ok: false, kind: 'cancelled', message: 'Cancelled: nothing was changed.' });
    expect(await screen.findByText('Cancelled. Nothing was changed.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(onclose).toHaveBeenCalledWith(false));
  });
});
