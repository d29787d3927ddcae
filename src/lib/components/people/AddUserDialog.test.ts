import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Meta } from '$lib/worker/api';

const fake = { addUser: vi.fn(), meta: vi.fn(), rows: vi.fn(), query: vi.fn() };
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));

const { workspace } = await import('$lib/state/workspace.svelte');
const { default: AddUserDialog } = await import('./AddUserDialog.svelte');

const meta = {
  roles: [
    { id: 'learner', name: 'Learner', administrative: false, permissions: [] },
    { id: 'instructor', name: 'Instructor', administrative: false, permissions: [] }
  ],
  organizations: [{ id: 'org-1', name: 'North' }],
  companies: []
} as unknown as Meta;
workspace.meta = meta;
fake.meta.mockResolvedValue(meta);

describe('adding a user', () => {
  it('shows each wrong field’s message beside it, then invites the user with a welcome message', async () => {
    const user = userEvent.setup();
    const onadded = vi.fn();
    render(AddUserDialog, { onclose: vi.fn(), onadded });
    const dialog = screen.getByRole('dialog', { name: 'Add user' });
    fake.addUser.mockResolvedValueOnce({ ok: false, kind: 'invalid', message: 'Some fields need another value.', errors: { lastName: 'Fill this in.', roles: 'Choose at least one role.' } });
    await user.type(within(dialog).getByLabelText('First name'), 'Nia');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Learner' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add user' }));
    expect(within(dialog).getByLabelText('Last name')).toHaveAccessibleDescription('Fill this in.');
    expect(within(dialog).getByRole('group', { name: 'Roles' })).toHaveAccessibleDescription('Choose at least one role.');
    expect(onadded).not.toHaveBeenCalled();

    fake.addUser.mockResolvedValueOnce({ ok: true, reportId: 40, userId: 1001, applied: 1, skipped: 0, emailsSent: 1 });
    await user.type(within(dialog).getByLabelText('Last name'), 'New');
    await user.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'nia@example.com');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Instructor' }));
    await user.selectOptions(within(dialog).getByLabelText('Organization'), 'North');
    await user.click(within(dialog).getByRole('radio', { name: /Invite now/ }));
    await user.type(within(dialog).getByLabelText(/Welcome message/), 'Hello');
    await user.click(within(dialog).getByRole('button', { name: 'Add and invite' }));
    expect(fake.addUser).toHaveBeenLastCalledWith(
      expect.objectContaining({ firstName: 'Nia', lastName: 'New', email: 'nia@example.com', organization: 'org-1', company: null, userType: 'regular', roles: ['instructor'] }),
      { invite: true, welcomeMessage: 'Hello' }
    );
    expect(onadded).toHaveBeenCalledWith(1001);
  });
});
