import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import DateInput from './DateInput.svelte';

describe('the one date input', () => {
  it('shows the day in segments and hands back YYYY-MM-DD when a segment is typed', async () => {
    const onchange = vi.fn();
    const user = userEvent.setup();
    render(DateInput, { label: 'Access ends on', value: '2030-01-31', onchange });
    const group = screen.getByRole('group', { name: 'Access ends on' });
    const day = group.querySelector<HTMLElement>('[data-segment="day"]')!;
    expect(day).toHaveAttribute('aria-valuenow', '31');
    await user.click(day);
    await user.keyboard('{ArrowDown}');
    expect(onchange).toHaveBeenLastCalledWith('2030-01-30');
  });

  it('names a short visible label in full for assistive technology, and starts empty', () => {
    render(DateInput, { label: 'Last sign-in from', shown: 'From', value: '', onchange: () => {} });
    const group = screen.getByRole('group', { name: /Last sign-in from/ });
    expect(group.querySelector('[data-segment="year"]')).toHaveAttribute('aria-valuetext', 'Empty');
    expect(screen.getByRole('button', { name: 'Open a calendar: Last sign-in from' })).toBeInTheDocument();
  });
});
