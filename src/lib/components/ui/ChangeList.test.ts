import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { RowsPage, RowsQuery } from '$lib/worker/api';
import type { ChangeRow } from '$lib/domain/report-rows';
import { deferred } from '../../../../tests/deferred';

vi.mock('$lib/client/engine', () => ({ engine: () => ({}), onEngineStopped: () => () => {} }));
const { default: ChangeList } = await import('./ChangeList.svelte');

const row = (userId: number, name: string): ChangeRow => ({ userId, name, email: `${name.toLowerCase()}@example.com`, field: 'title', label: 'Title', before: 'Engineer', after: 'Lead' });
const page = (rows: ChangeRow[], all = 3): RowsPage => ({ total: rows.length, all, rows, fields: [{ field: 'title', label: 'Title', count: all }] });
const everyone = [row(1, 'Ada'), row(2, 'Ben'), row(3, 'Bea')];

type Load = (q: RowsQuery, offset: number, limit: number) => Promise<RowsPage>;

describe('the change list', () => {
  it('lists the changes and the fields to filter by', async () => {
    const load = vi.fn<Load>(async () => page(everyone));
    render(ChangeList, { load, key: 1 });
    expect(await screen.findByRole('status')).toHaveTextContent('3 changes');
    expect(screen.getByRole('option', { name: 'Title (3)' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledOnce();
  });

  it('asks once per pause in typing, for what was typed last', async () => {
    const user = userEvent.setup();
    const load = vi.fn<Load>(async (q) => page(everyone.filter((r) => r.name.toLowerCase().startsWith(q.q ?? ''))));
    render(ChangeList, { load, key: 1 });
    await screen.findByText('3 changes');
    await user.type(screen.getByRole('searchbox', { name: 'Search changes by user' }), 'be');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 of 3 changes'));
    expect(load.mock.calls.map(([q]) => q.q)).toEqual(['', 'be']);
  });

  it('shows the newest search even when the answer to an earlier one arrives last', async () => {
    const user = userEvent.setup();
    const slow = deferred<RowsPage>();
    const load = vi.fn<Load>(async () => page(everyone));
    render(ChangeList, { load, key: 1 });
    await screen.findByText('3 changes');
    load.mockReturnValueOnce(slow.promise).mockResolvedValueOnce(page([everyone[0]]));
    const search = screen.getByRole('searchbox', { name: 'Search changes by user' });
    await user.type(search, 'b');
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    await user.clear(search);
    await user.type(search, 'ada');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 of 3 changes'));
    slow.resolve(page(everyone.slice(1)));
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.getByRole('status')).toHaveTextContent('1 of 3 changes');
    expect(load).toHaveBeenLastCalledWith({ q: 'ada', field: '' }, 0, 200);
  });
});
