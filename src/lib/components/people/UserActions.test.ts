import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { MenuItem } from '$lib/worker/api';
import UserActions from './UserActions.svelte';

const item = (id: string, label: string, family: string): MenuItem => ({ id, label, family, description: `${label} them`, applies: 1, disabled: null, hasParams: false, form: [], remedies: [] });

describe('the actions on a user’s page', () => {
  it('offers those that apply as buttons, grouped; lists the others with the reason they do not apply', async () => {
    const user = userEvent.setup();
    const onchoose = vi.fn();
    const deactivate = item('deactivate', 'Deactivate', 'status');
    render(UserActions, {
      name: 'Nora North',
      onchoose,
      actions: [
        { item: deactivate, reason: null },
        { item: item('reset_2fa', 'Reset 2FA', 'security'), reason: null },
        { item: item('activate', 'Activate', 'status'), reason: 'Already active' },
        { item: { ...item('remove', 'Remove permanently', 'status'), disabled: 'Your role does not allow this' }, reason: 'Your role does not allow this' }
      ]
    });
    const region = screen.getByRole('region', { name: 'Act on Nora North' });
    expect(within(screen.getByRole('group', { name: 'Status' })).getAllByRole('button').map((b) => b.textContent)).toEqual(['Deactivate…']);
    expect(within(screen.getByRole('group', { name: 'Passwords and security' })).getByRole('button', { name: 'Reset 2FA…' })).toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: /Activate…/ })).not.toBeInTheDocument();
    expect(within(region).getByText('2 other actions do not apply')).toBeInTheDocument();
    expect(within(region).getByText('Already active')).toBeInTheDocument();
    expect(within(region).getByText('Your role does not allow this')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Deactivate…' }));
    expect(onchoose).toHaveBeenCalledWith(deactivate);
  });
});
