import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { makeUser } from '../../../../tests/factories';
import { toRow } from '$lib/worker/query';
import type { Meta, UserPage } from '$lib/worker/api';

const fake = { editUser: vi.fn(), rows: vi.fn(), query: vi.fn() };
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));

const { workspace } = await import('$lib/state/workspace.svelte');
const { default: EditUserForm } = await import('./EditUserForm.svelte');

workspace.meta = {
  roles: [{ id: 'learner', name: 'Learner', administrative: false, permissions: [] }],
  organizations: [
    { id: 'org-1', name: 'North' },
    { id: 'org-2', name: 'South' }
  ],
  companies: [{ id: 'co-1', name: 'Acme' }]
} as unknown as Meta;

const page: UserPage = {
  user: toRow(makeUser({ id: 4, firstName: 'Nora', lastName: 'North', email: 'north@example.com', title: 'Analyst', organization: 'org-1', timeZone: 'Europe/London' })),
  accountExecutive: null,
  invitationEmailId: null,
  actions: []
};

function renderForm() {
  const onsaved = vi.fn();
  const oncancel = vi.fn();
  render(EditUserForm, { page, onsaved, oncancel });
  return { onsaved, oncancel };
}

beforeEach(() => {
  fake.editUser.mockReset();
});

describe('editing one user in place', () => {
  it('shows the engine’s message beside each wrong field, tied to it for assistive technology', async () => {
    const user = userEvent.setup();
    fake.editUser.mockResolvedValueOnce({
      ok: false,
      kind: 'invalid',
      message: 'Some fields need another value.',
      errors: { email: 'Sam South already has this email.', firstName: 'Fill this in.' }
    });
    const { onsaved } = renderForm();
    await user.clear(screen.getByLabelText('First name'));
    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'south@example.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Sam South already has this email.');
    expect(screen.getByLabelText('First name')).toHaveAccessibleDescription('Fill this in.');
    expect(screen.getByLabelText('Title')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need another value.');
    // Only the fields that changed are sent.
    expect(fake.editUser).toHaveBeenCalledWith(4, { firstName: '', email: 'south@example.com' });
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('shows a refusal by the write gate as an alert', async () => {
    const user = userEvent.setup();
    fake.editUser.mockResolvedValueOnce({ ok: false, kind: 'denied', message: 'Outside your organizations.' });
    renderForm();
    await user.selectOptions(screen.getByLabelText('Organization'), 'South');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Outside your organizations.');
    expect(fake.editUser).toHaveBeenCalledWith(4, { organization: 'org-2' });
  });

  it('saves title and organization and hands back the report', async () => {
    const user = userEvent.setup();
    fake.editUser.mockResolvedValueOnce({ ok: true, reportId: 31, applied: 1, skipped: 0, emailsSent: 0 });
    const { onsaved } = renderForm();
    await user.clear(screen.getByLabelText('Title'));
    await user.type(screen.getByLabelText('Title'), 'Lead');
    await user.selectOptions(screen.getByLabelText('Organization'), 'None');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.editUser).toHaveBeenCalledWith(4, { title: 'Lead', organization: null });
    expect(onsaved).toHaveBeenCalledWith(31);
  });

  it('says so when nothing changed, without asking the engine', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing changed');
    expect(fake.editUser).not.toHaveBeenCalled();
  });
});
