import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { deferred, settle } from '../../../../tests/deferred';
import { DEFAULT_SORT } from '$lib/domain/filters';

const fake = { meta: vi.fn(async () => null), selectionInfo: vi.fn(), allIds: vi.fn() };
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));

const { SelectionState } = await import('$lib/state/selection.svelte');
const { default: SelectionBar } = await import('./SelectionBar.svelte');

type Info = { selected: number; hidden: number };
const actions = createRawSnippet(() => ({ render: () => '<span>actions</span>' }));
const sort = DEFAULT_SORT;

describe('the selection bar', () => {
  it('says how many selected users the current filter hides, even when the answer for the previous filter arrives last', async () => {
    const selection = new SelectionState();
    selection.setMany([1, 2], true);
    const before = deferred<Info>();
    const now = deferred<Info>();
    fake.selectionInfo.mockReturnValueOnce(before.promise).mockReturnValueOnce(now.promise);
    const bar = render(SelectionBar, { selection, filter: { status: ['active'] }, sort, total: 5, actions });
    await bar.rerender({ filter: { status: ['inactive'] } });
    now.resolve({ selected: 2, hidden: 1 });
    await settle();
    before.resolve({ selected: 2, hidden: 2 });
    await settle();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('2 users selected');
    expect(status).toHaveTextContent('(1 hidden by the current filter)');
    expect(fake.selectionInfo).toHaveBeenLastCalledWith({ ids: Int32Array.from([1, 2]) }, { status: ['inactive'] });
  });

  it('offers to select every matching user, then to clear the selection', async () => {
    const user = userEvent.setup();
    const selection = new SelectionState();
    fake.allIds.mockResolvedValueOnce([7, 8, 9]);
    fake.selectionInfo.mockResolvedValue({ selected: 3, hidden: 0 });
    render(SelectionBar, { selection, filter: {}, sort, total: 3, actions });
    expect(screen.getByRole('status')).toHaveTextContent('No users selected');
    await user.click(screen.getByRole('button', { name: 'Select all 3 users matching this filter' }));
    expect(fake.allIds).toHaveBeenCalledWith({ filter: {}, sort });
    expect(screen.getByRole('status')).toHaveTextContent('3 users selected');
    expect(screen.queryByRole('button', { name: /^Select all/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.getByRole('status')).toHaveTextContent('No users selected');
    expect(selection.count).toBe(0);
  });
});
