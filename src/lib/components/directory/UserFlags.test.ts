import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { makeUser } from '../../../../tests/factories';
import { toRow } from '$lib/worker/query';
import UserFlags from './UserFlags.svelte';

describe('flag icons beside a user’s name', () => {
  it('give each flag a text alternative a screen reader announces', () => {
    const user = toRow(
      makeUser({ locked: true, failedSignIns: 5, forcePasswordChange: true, twoFactor: 'reset', flaggedFields: ['title'], ownedContent: 3, accessExpiresAt: '2026-11-01' })
    );
    render(UserFlags, { user, today: '2026-11-22' });
    for (const text of [
      'Locked after failed sign-ins',
      'Must change password at next sign-in',
      '2FA reset: enrols again at next sign-in',
      'Must update at next sign-in: Title',
      'Owns 3 channels or pages',
      'Access expired'
    ])
      expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('shows nothing for a user without flags', () => {
    const { container } = render(UserFlags, { user: toRow(makeUser()), today: '2026-11-22' });
    expect(container.textContent?.trim()).toBe('');
  });
});
