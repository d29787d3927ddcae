import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Filter } from '$lib/domain/filters';

vi.mock('$lib/client/engine', () => ({ engine: () => ({}), onEngineStopped: () => () => {} }));

const { default: Toolbar } = await import('./Toolbar.svelte');
const { filterChips, activeFilterCount } = await import('./filter-chips');

/** The toolbar as the page drives it: every search and change becomes the filter it shows. */
function toolbar(initial: Filter = {}) {
  let filter = initial;
  const onsearch = vi.fn((q: string) => show({ ...filter, q: q || undefined }));
  const onscim = vi.fn((scim: string) => show({ ...filter, scim: scim.trim() ? scim : undefined }));
  const onchange = vi.fn((f: Filter) => show(f));
  const view = render(Toolbar, { filter, onsearch, onscim, onchange });
  function show(f: Filter) {
    filter = f;
    void view.rerender({ filter: f });
  }
  return { onsearch, onscim, onchange, filter: () => filter };
}

const modeSwitch = () => screen.getByRole('button', { name: 'SCIM filter' });

describe('the search box’s SCIM mode', { timeout: 20_000 }, () => {
  const main = Object.assign(document.createElement('main'), { id: 'main' });
  document.body.append(main);
  afterEach(() => cleanup());

  it('switches by a pressed button, and the box says what it takes', async () => {
    const user = userEvent.setup();
    toolbar();
    expect(modeSwitch()).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('searchbox', { name: 'Search users by name or email' })).toHaveAttribute('placeholder', 'Search by name or email');

    await user.click(modeSwitch());
    expect(modeSwitch()).toHaveAttribute('aria-pressed', 'true');
    const box = screen.getByRole('searchbox', { name: 'Filter users with a SCIM expression' });
    expect(box).toHaveFocus();
    expect(box).toHaveAttribute('placeholder', 'title pr and active eq true');
    expect(box).toHaveAccessibleDescription(/For example userName sw "j" and active eq true, emails.value ew "@example.com" or title pr/);
    expect(screen.queryByRole('searchbox', { name: 'Search users by name or email' })).toBeNull();

    await user.click(modeSwitch());
    expect(modeSwitch()).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('searchbox', { name: 'Search users by name or email' })).toBeInTheDocument();
  });

  it('searches a complete expression at once and an incomplete one on Enter, then shows where it goes wrong', async () => {
    const user = userEvent.setup();
    const t = toolbar();
    await user.click(modeSwitch());
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Filter users with a SCIM expression' });
    await user.type(box, 'title pr');
    // "t", "ti", … "title p" are incomplete: only "title pr" went to the engine.
    expect(t.onscim.mock.calls).toEqual([['title pr']]);
    expect(t.filter()).toEqual({ scim: 'title pr' });

    // "title pr " is complete too; "title pr a", "…an", "…and" are not.
    await user.type(box, ' and');
    expect(t.onscim.mock.calls).toEqual([['title pr'], ['title pr ']]);
    expect(box).not.toHaveAttribute('aria-invalid');
    await user.keyboard('{Enter}');
    expect(t.onscim).toHaveBeenLastCalledWith('title pr and');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription('Expected an attribute name, “(” or “not” at the end of the filter.');

    // An unknown attribute says its column; the caret goes there on Enter.
    await user.clear(box);
    await user.type(box, 'titel pr{Enter}');
    expect(t.filter()).toEqual({ scim: 'titel pr' });
    expect(box).toHaveAccessibleDescription(/^Unknown attribute “titel” at column 1\./);
    expect(box.selectionStart).toBe(0);
  });

  it('searches an incomplete expression after a pause in typing', async () => {
    const user = userEvent.setup();
    const t = toolbar();
    await user.click(modeSwitch());
    const box = screen.getByRole('searchbox', { name: 'Filter users with a SCIM expression' });
    await user.type(box, 'userName sw "j');
    expect(t.onscim).not.toHaveBeenCalled();
    await waitFor(() => expect(t.onscim).toHaveBeenCalledWith('userName sw "j'), { timeout: 3000 });
    expect(t.onscim).toHaveBeenCalledTimes(1);
    expect(box).toHaveAccessibleDescription('Unclosed quote at column 13: a text value ends with a double quote.');
  });

  it('opens in SCIM mode for a SCIM filter in the address, shows it as a removable chip, and a mode switch clears the other search', async () => {
    const user = userEvent.setup();
    const t = toolbar({ scim: 'title pr', status: ['active'] });
    const box = await screen.findByRole('searchbox', { name: 'Filter users with a SCIM expression' });
    expect(box).toHaveValue('title pr');
    expect(modeSwitch()).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Remove filter SCIM filter: title pr' }));
    expect(t.filter()).toEqual({ status: ['active'], scim: undefined });
    await waitFor(() => expect(box).toHaveValue(''));

    // By name: switching to SCIM takes the name search away (the box holds one search).
    await user.click(modeSwitch());
    await user.type(screen.getByRole('searchbox', { name: 'Search users by name or email' }), 'ada');
    expect(t.filter()).toMatchObject({ q: 'ada' });
    await user.click(modeSwitch());
    expect(t.filter()).toEqual({ status: ['active'], q: undefined, scim: undefined });
    expect(screen.getByRole('searchbox', { name: 'Filter users with a SCIM expression' })).toHaveValue('');
  });
});

describe('the chips of the filter in force', () => {
  const names = { role: String, org: String, company: String };
  it('name a SCIM filter, which the filter panel does not count as its own', () => {
    const chips = filterChips({ scim: ' title pr ', status: ['active'] }, names);
    expect(chips.map((c) => c.label)).toEqual(['SCIM filter: title pr', 'Status: Active']);
    expect(chips[0].remove({ scim: 'title pr', status: ['active'] })).toEqual({ scim: undefined, status: ['active'] });
    expect(activeFilterCount({ scim: 'title pr', status: ['active'] })).toBe(1);
  });
});
