import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { makeUser } from '../../../../tests/factories';
import { toRow } from '$lib/worker/query';
import { DEFAULT_SORT } from '$lib/domain/filters';
import type { DirectoryState } from '$lib/state/directory.svelte';

vi.mock('$lib/client/engine', () => ({ engine: () => ({}), onEngineStopped: () => () => {} }));

const { ColumnsState, columnsKey } = await import('$lib/state/columns.svelte');
const { SelectionState } = await import('$lib/state/selection.svelte');
const { default: ColumnChooser } = await import('./ColumnChooser.svelte');
const { default: UserTable } = await import('./UserTable.svelte');

/** A directory of three users, all loaded: what the table reads of DirectoryState. */
function directory(): DirectoryState {
  const rows = [1, 2, 3].map((id) => toRow(makeUser({ id, lastSignInAt: '2026-11-20T09:00:00.000Z' })));
  return {
    filter: {},
    sort: DEFAULT_SORT,
    total: rows.length,
    loaded: true,
    busy: false,
    answers: 1,
    row: (i: number) => rows[i],
    ensure: async () => {},
    idsBetween: (a: number, b: number) => rows.slice(a, b).map((r) => r.id),
    rangeIds: async (a: number, b: number) => rows.slice(a, b).map((r) => r.id)
  } as unknown as DirectoryState;
}

const box = (panel: HTMLElement, label: string) => within(panel).getByLabelText(label) as HTMLInputElement;
const header = (name: string) => screen.queryByRole('columnheader', { name: new RegExp(name) });
const narrow = () => true;

// The panel is positioned by measuring the page; jsdom measures nothing, so its content stays
// visually hidden here: it is queried with `hidden: true`, and hidden nodes have no accessible
// name, so its checkboxes are found by their label's text.
async function openChooser(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /^Columns/ }));
  return screen.findByRole('dialog', { hidden: true });
}

// Role queries over a whole table are slow in jsdom: room for a busy machine.
describe('the column chooser of the Users table', { timeout: 30_000 }, () => {
  // The panel opens inside the page's main landmark, as in the app's layout.
  const main = Object.assign(document.createElement('main'), { id: 'main' });
  document.body.append(main);
  beforeEach(() => localStorage.clear());
  afterEach(() => cleanup());

  it('says what a narrow window hides, and brings a column back or hides another', async () => {
    const user = userEvent.setup();
    const columns = new ColumnsState('workspace-a', narrow);
    render(UserTable, { dir: directory(), selection: new SelectionState(), onsort: vi.fn(), onopen: vi.fn(), columns });
    render(ColumnChooser, { columns });

    // Nothing disappears silently: the button counts what the width hid.
    expect(screen.getByRole('button', { name: 'Columns (2 hidden)' })).toBeInTheDocument();
    expect(header('Last sign-in')).toBeNull();
    expect(header('Type')).toBeNull();
    expect(header('Roles')).not.toBeNull();

    const panel = await openChooser(user);
    expect(panel).toHaveTextContent('Type and Last sign-in are hidden to fit this window');
    const lastSignIn = box(panel, 'Last sign-in');
    expect(lastSignIn).not.toBeChecked();
    await user.click(lastSignIn);
    expect(lastSignIn).toBeChecked();
    expect(header('Last sign-in')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Columns (1 hidden)' })).toBeInTheDocument();
    // Every row has a cell under the column again, and only the columns shown.
    const table = screen.getByRole('table', { name: 'Users' });
    const rows = within(table).getAllByRole('row');
    const counts = rows.map((r) => within(r).queryAllByRole(r === rows[0] ? 'columnheader' : 'cell').length);
    expect(new Set(counts)).toEqual(new Set([7]));
    expect(within(rows[1]).getAllByRole('cell').at(-1)).toHaveTextContent(/2026/);

    await user.click(box(panel, 'Roles'));
    expect(header('Roles')).toBeNull();
    expect(screen.getByRole('button', { name: 'Columns (2 hidden)' })).toBeInTheDocument();
    // Roles was chosen, so only Type is said to be hidden for the window's sake.
    expect(panel).toHaveTextContent('Type is hidden to fit this window');
    expect(panel).not.toHaveTextContent(/Roles (is|and)/);
  });

  it('remembers the choice for the same workspace, and keeps another workspace’s apart', async () => {
    const user = userEvent.setup();
    const first = render(ColumnChooser, { columns: new ColumnsState('workspace-a', narrow) });
    await user.click(box(await openChooser(user), 'Last sign-in'));
    // Only what was chosen is kept: Type still follows the window's width.
    expect(JSON.parse(localStorage.getItem(columnsKey('workspace-a')) ?? '{}')).toEqual({ lastSignIn: true });
    first.unmount();

    // The same workspace, later: Last sign-in stays, even though the window is still narrow.
    const again = render(ColumnChooser, { columns: new ColumnsState('workspace-a', narrow) });
    expect(screen.getByRole('button', { name: 'Columns (1 hidden)' })).toBeInTheDocument();
    const panel = await openChooser(user);
    expect(box(panel, 'Last sign-in')).toBeChecked();
    expect(panel).toHaveTextContent('Type is hidden to fit this window');
    again.unmount();
    // …and in a wide window, where Type needs no room-making, every column shows.
    const wide = render(ColumnChooser, { columns: new ColumnsState('workspace-a', () => false) });
    expect(screen.getByRole('button', { name: 'Columns' })).toBeInTheDocument();
    wide.unmount();

    // Another workspace has its own: still the defaults for the width.
    render(ColumnChooser, { columns: new ColumnsState('workspace-b', narrow) });
    expect(screen.getByRole('button', { name: 'Columns (2 hidden)' })).toBeInTheDocument();
    expect(box(await openChooser(user), 'Last sign-in')).not.toBeChecked();
  });

  it('shows every column in a wide window, and a reset goes back to the defaults', async () => {
    const user = userEvent.setup();
    const wide = new ColumnsState('workspace-a', () => false);
    render(ColumnChooser, { columns: wide });
    expect(screen.getByRole('button', { name: 'Columns' })).toBeInTheDocument();
    const panel = await openChooser(user);
    await user.click(box(panel, 'Status'));
    expect(screen.getByRole('button', { name: 'Columns (1 hidden)' })).toBeInTheDocument();
    await user.click(within(panel).getByText('Reset to default'));
    expect(screen.getByRole('button', { name: 'Columns' })).toBeInTheDocument();
    expect(localStorage.getItem(columnsKey('workspace-a'))).toBeNull();
  });
});
