import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AlertDialog from './AlertDialog.svelte';

/** A button on the page that "opens" the question, focused as a person clicking it would leave it. */
function opener() {
  const button = document.createElement('button');
  button.textContent = 'Reset…';
  document.body.append(button);
  button.focus();
  return button;
}

const question = {
  title: 'Replace the workspace?',
  description: 'Everything in this browser is replaced.',
  confirmLabel: 'Replace the workspace',
  cancelLabel: 'Keep my workspace',
  destructive: true
};

afterEach(() => document.body.replaceChildren());

describe('the alert dialog', () => {
  it('asks with its title and description, focus on the answer that changes nothing', async () => {
    opener();
    render(AlertDialog, { ...question, open: true, onconfirm: vi.fn() });
    const dialog = screen.getByRole('alertdialog', { name: 'Replace the workspace?' });
    expect(dialog).toHaveAccessibleDescription('Everything in this browser is replaced.');
    expect(screen.getByRole('button', { name: 'Replace the workspace' })).toHaveClass('btn', 'danger');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Keep my workspace' })).toHaveFocus());
  });

  it('keeps focus inside: Tab and Shift+Tab go round its buttons, and focus sent outside comes back', async () => {
    // jsdom lays nothing out, so every element has no box and the focus trap finds nothing it
    // could tab to; give each element one box, as a browser would for what is shown.
    const rects = vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 10, 10)] as unknown as DOMRectList);
    try {
      const user = userEvent.setup();
      const outside = opener();
      render(AlertDialog, { ...question, open: true, onconfirm: vi.fn() });
      const keep = screen.getByRole('button', { name: 'Keep my workspace' });
      const replace = screen.getByRole('button', { name: 'Replace the workspace' });
      await waitFor(() => expect(keep).toHaveFocus());
      const seen: (Element | null)[] = [];
      for (let i = 0; i < 3; i++) {
        await user.tab();
        seen.push(document.activeElement);
      }
      expect(seen).toEqual([replace, keep, replace]);
      await user.tab({ shift: true });
      await user.tab({ shift: true });
      expect(replace).toHaveFocus();
      outside.focus();
      expect(replace).toHaveFocus();
    } finally {
      rects.mockRestore();
    }
  });

  it('Escape answers no: it closes, says so, and focus goes back to the control that opened it', async () => {
    const user = userEvent.setup();
    const button = opener();
    const oncancel = vi.fn();
    const onconfirm = vi.fn();
    render(AlertDialog, { ...question, open: true, onconfirm, oncancel });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Keep my workspace' })).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(oncancel).toHaveBeenCalledOnce();
    expect(onconfirm).not.toHaveBeenCalled();
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('the cancel button answers no and returns focus to `returnFocus`', async () => {
    const user = userEvent.setup();
    opener();
    const trigger = document.createElement('input');
    document.body.append(trigger);
    const oncancel = vi.fn();
    render(AlertDialog, { ...question, open: true, onconfirm: vi.fn(), oncancel, returnFocus: trigger });
    await user.click(await screen.findByRole('button', { name: 'Keep my workspace' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(oncancel).toHaveBeenCalledOnce();
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it('the confirm button hands over to the owner; while busy nothing can be pressed and Escape does nothing', async () => {
    const user = userEvent.setup();
    opener();
    const onconfirm = vi.fn();
    const oncancel = vi.fn();
    const view = render(AlertDialog, { ...question, busyLabel: 'Restoring…', open: true, onconfirm, oncancel });
    await user.click(screen.getByRole('button', { name: 'Replace the workspace' }));
    expect(onconfirm).toHaveBeenCalledOnce();
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await view.rerender({ busy: true });
    expect(screen.getByRole('button', { name: 'Restoring…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Keep my workspace' })).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    expect(oncancel).not.toHaveBeenCalled();
  });
});
