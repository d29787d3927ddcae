import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { FieldDescriptor } from '$lib/domain/actions/form';
import type { Meta } from '$lib/worker/api';

vi.mock('$lib/client/engine', () => ({ engine: () => ({}), onEngineStopped: () => () => {} }));

const { workspace } = await import('$lib/state/workspace.svelte');
const { default: ParamsForm } = await import('./ParamsForm.svelte');

workspace.meta = {
  roles: [
    { id: 'learner', name: 'Learner', administrative: false, permissions: [] },
    { id: 'administrator', name: 'Administrator', administrative: true, permissions: [] }
  ],
  organizations: [
    { id: 'org-1', name: 'North' },
    { id: 'org-2', name: 'South' }
  ],
  companies: [{ id: 'co-1', name: 'Acme' }]
} as unknown as Meta;

/** Renders a form from descriptors alone, bound to parameters the test reads back. */
function renderForm(form: FieldDescriptor[]) {
  const state = $state({ params: {} as Record<string, unknown> });
  render(ParamsForm, {
    props: {
      form,
      get params() {
        return state.params;
      },
      set params(v) {
        state.params = v;
      }
    }
  });
  return state;
}

describe('the parameter form, rendered from field descriptors', () => {
  it('renders a role list and an optional text from data', async () => {
    const user = userEvent.setup();
    const state = renderForm([
      { kind: 'role-list', key: 'roleIds', label: 'Roles to add' },
      { kind: 'text', key: 'welcomeMessage', label: 'Welcome message', optional: true, note: 'shown in the invitation email', maxLength: 20, lines: 4 }
    ]);
    const roles = screen.getByRole('group', { name: 'Roles to add' });
    await user.click(within(roles).getByRole('checkbox', { name: 'Administrator (administrative)' }));
    await user.click(within(roles).getByRole('checkbox', { name: 'Learner' }));
    const text = screen.getByLabelText('Welcome message (optional, shown in the invitation email)');
    expect(text).toHaveAttribute('maxlength', '20');
    await user.type(text, 'Hi');
    expect(state.params).toEqual({ roleIds: ['administrator', 'learner'], welcomeMessage: 'Hi' });
  });

  it('offers leave unchanged, set and clear for an optional, clearable field', async () => {
    const user = userEvent.setup();
    const state = renderForm([
      { kind: 'company', key: 'company', label: 'Company', optional: true, clearable: true },
      { kind: 'time-zone', key: 'timeZone', label: 'Time zone', optional: true }
    ]);
    const company = screen.getAllByRole('group', { name: 'Company' })[0];
    expect(within(company).getByRole('radio', { name: 'Leave unchanged' })).toBeChecked();
    expect(within(screen.getAllByRole('group', { name: 'Time zone' })[0]).queryByRole('radio', { name: 'Clear' })).toBeNull();
    expect(screen.queryByRole('radio', { name: 'Acme' })).toBeNull();

    await user.click(within(company).getByRole('radio', { name: 'Set to…' }));
    await user.click(screen.getByRole('radio', { name: 'Acme' }));
    expect(state.params).toEqual({ company: 'co-1' });
    await user.click(within(company).getByRole('radio', { name: 'Clear' }));
    expect(state.params).toEqual({ company: null });
    await user.click(within(company).getByRole('radio', { name: 'Leave unchanged' }));
    expect(state.params).toEqual({});
  });

  it('writes a choice default with the first change, and sets or clears a date in its own words', async () => {
    const user = userEvent.setup();
    const state = renderForm([
      {
        kind: 'choice',
        key: 'mode',
        label: 'How',
        options: [
          { value: 'add', label: 'Add to the list' },
          { value: 'replace', label: 'Replace the list' }
        ],
        default: 'add'
      },
      { kind: 'organization-list', key: 'organizationIds', label: 'Organizations' },
      { kind: 'date', key: 'date', label: 'Date', clearable: { legend: 'Access ends', set: 'On a date', clear: 'Never' } }
    ]);
    expect(screen.getByRole('radio', { name: 'Add to the list' })).toBeChecked();
    expect(state.params).toEqual({});
    await user.click(screen.getByRole('checkbox', { name: 'South' }));
    expect(state.params).toEqual({ mode: 'add', organizationIds: ['org-2'] });

    const ends = screen.getByRole('group', { name: 'Access ends' });
    expect(within(ends).getByRole('radio', { name: 'On a date' })).toBeChecked();
    expect(screen.getByRole('group', { name: 'Date' }).querySelectorAll('[data-segment]').length).toBeGreaterThan(0);
    await user.click(within(ends).getByRole('radio', { name: 'Never' }));
    expect(state.params.date).toBeNull();
    expect(screen.queryByRole('group', { name: 'Date' })).toBeNull();
  });
});
