import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ForcedUpdateModal from './ForcedUpdateModal.svelte';

const flagged = [
  { field: 'title' as const, value: '' },
  { field: 'organization' as const, value: 'org-1' }
];
const choices = {
  organization: [
    { value: 'org-1', label: 'North' },
    { value: 'org-2', label: 'South' }
  ]
};

type Submit = (v: Record<string, string>) => Promise<Record<string, string> | null>;

function open(onsubmit: Submit = vi.fn(async () => null)) {
  render(ForcedUpdateModal, { flagged, choices, onsubmit });
  return { onsubmit, dialog: screen.getByRole('dialog', { name: 'Update your profile' }) };
}

describe('the forced field update', () => {
  it('lists every flagged field with its current value', () => {
    open();
    expect(screen.getByLabelText('Title')).toHaveValue('');
    expect(screen.getByLabelText('Organization')).toHaveValue('org-1');
  });

  it('cannot be dismissed: no close button, Escape and clicks outside do nothing', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const { dialog } = open();
    expect(screen.queryByRole('button', { name: /close|cancel|later|skip/i })).toBeNull();
    await user.keyboard('{Escape}');
    await user.click(document.body);
    expect(dialog).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBe(dialog);
  });

  it('keeps focus inside while tabbing around', async () => {
    const user = userEvent.setup();
    const { dialog } = open();
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    for (let i = 0; i < 6; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement), `tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 3; i++) {
      await user.tab({ shift: true });
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  it('shows the engine’s message beside each field that is not valid, and stays open', async () => {
    const user = userEvent.setup();
    const onsubmit = vi.fn<Submit>(async () => ({ title: 'Fill this in to continue' }));
    const { dialog } = open(onsubmit);
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    const title = screen.getByLabelText('Title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Fill this in to continue');
    expect(screen.getByLabelText('Organization')).toHaveAttribute('aria-invalid', 'false');
    expect(dialog).toBeInTheDocument();
  });

  it('submits the values typed and chosen', async () => {
    const user = userEvent.setup();
    const { onsubmit } = open();
    await user.type(screen.getByLabelText('Title'), 'Engineer');
    await user.selectOptions(screen.getByLabelText('Organization'), 'South');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(onsubmit).toHaveBeenCalledWith({ title: 'Engineer', organization: 'org-2' });
  });
});
