import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { MenuItem } from '$lib/worker/api';

const item = (id: string, label: string, family: string, applies: number | null, disabled: string | null = null): MenuItem => ({
  id,
  label,
  description: `${label} the users.`,
  family,
  applies,
  disabled,
  hasParams: false,
  form: [],
  remedies: []
});
const fake = {
  actionMenu: vi.fn(async () => [
    item('activate', 'Activate', 'status', 0),
    item('deactivate', 'Deactivate', 'status', 3),
    item('remove', 'Remove permanently', 'status', null, 'None of your roles may remove users permanently'),
    item('reset_2fa', 'Reset 2FA', 'security', 2)
  ])
};
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));
const { default: ActionMenu } = await import('./ActionMenu.svelte');

// The menu is positioned by measuring the page; jsdom measures nothing, so the floating content
// stays visually hidden here and is queried with `hidden: true`.
describe('the action menu', () => {
  // The menu opens inside the page's main landmark, as in the app's layout.
  const main = Object.assign(document.createElement('main'), { id: 'main' });
  document.body.append(main);

  it('groups what applies by family, puts what applies to nobody last and not choosable, with the reason', async () => {
    const onchoose = vi.fn();
    const user = userEvent.setup();
    render(ActionMenu, { selection: () => ({ ids: [1, 2, 3] }), selectedCount: 3, onchoose });
    await user.click(screen.getByRole('button', { name: /Choose an action/ }));
    const items = await screen.findAllByRole('option', { hidden: true });
    expect(items.map((i) => i.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Deactivate applies to 3',
      'Reset 2FA applies to 2',
      'Activate Applies to none of the 3 selected',
      'Remove permanently None of your roles may remove users permanently'
    ]);
    expect(items[2]).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('Not available for this selection')).toBeInTheDocument();
    await user.click(items[2]);
    expect(onchoose).not.toHaveBeenCalled();
  });

  it('filters by what is typed, in names and descriptions, and says when nothing matches', async () => {
    const user = userEvent.setup();
    render(ActionMenu, { selection: () => ({ ids: [1, 2, 3] }), selectedCount: 3, onchoose: vi.fn() });
    await user.click(screen.getByRole('button', { name: /Choose an action/ }));
    await screen.findAllByRole('option', { hidden: true });
    // Its name ("Filter actions") comes from a label inside the unpositioned popover, which jsdom
    // counts as hidden; the keyboard e2e test finds it by that name in Chromium.
    const box = screen.getByRole('combobox', { hidden: true });
    await user.type(box, 'reset');
    const names = () => screen.queryAllByRole('option', { hidden: true }).map((i) => i.querySelector('.label')?.textContent);
    expect(names()).toEqual(['Reset 2FA']);
    await user.clear(box);
    await user.type(box, 'the users deac');
    expect(names()).toEqual(['Deactivate']);
    await user.clear(box);
    await user.type(box, 'xyz');
    expect(names()).toEqual([]);
    expect(screen.getByText('No action matches “xyz”.')).toBeInTheDocument();
  });

  it('moves among the choosable actions with the arrows, skipping what applies to nobody, and chooses with Enter', async () => {
    const onchoose = vi.fn();
    const user = userEvent.setup();
    render(ActionMenu, { selection: () => ({ ids: [1, 2, 3] }), selectedCount: 3, onchoose });
    await user.click(screen.getByRole('button', { name: /Choose an action/ }));
    await screen.findAllByRole('option', { hidden: true });
    const box = screen.getByRole('combobox', { hidden: true });
    const highlighted = () => document.getElementById(box.getAttribute('aria-activedescendant') ?? '')?.querySelector('.label')?.textContent;
    expect(highlighted()).toBe('Deactivate');
    await user.type(box, '{ArrowDown}');
    expect(highlighted()).toBe('Reset 2FA');
    // Past the last choosable action back to the first: Activate and Remove permanently are skipped.
    await user.type(box, '{ArrowDown}');
    expect(highlighted()).toBe('Deactivate');
    await user.type(box, '{ArrowUp}');
    expect(highlighted()).toBe('Reset 2FA');
    expect(screen.getAllByRole('option', { hidden: true }).filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(1);
    await user.type(box, '{Enter}');
    expect(onchoose).toHaveBeenCalledWith(expect.objectContaining({ id: 'reset_2fa' }));
  });
});
