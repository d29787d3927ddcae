import { describe, expect, it } from 'vitest';
import { USER_STATUSES } from '../domain/user-fields';
import { STATUS_HELP, explainStatus } from './status-help';

const person = { status: 'active' as const, userType: 'regular' as const, locked: false, failedSignIns: 0, accessExpiresAt: null, forcePasswordChange: false, twoFactor: 'none' as const };

describe('a status explained', () => {
  it('every status says what it means and what can be done next', () => {
    for (const s of USER_STATUSES) {
      expect(STATUS_HELP[s].means).toMatch(/\.$/);
      expect(STATUS_HELP[s].next).toMatch(/\.$/);
    }
    expect(STATUS_HELP.invited).toEqual({ means: 'An invitation was sent; they become active when they accept it.', next: 'You can resend the invitation or cancel it.' });
  });

  it('names what stands in the way besides the status: a lock, access that has ended', () => {
    const locked = explainStatus({ ...person, locked: true, failedSignIns: 5, accessExpiresAt: '2026-11-01' }, '2026-11-22');
    expect(locked.caveats).toEqual([
      'Their account is locked after 5 failed sign-ins: they cannot sign in until it is unlocked.',
      'Their access has ended: they cannot sign in until the expiry is moved or cleared.'
    ]);
    expect(locked.next).toMatch(/^Unlock them/);
    expect(explainStatus({ ...person, accessExpiresAt: '2026-12-01' }, '2026-11-22').caveats).toEqual([]);
  });
});
