import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeUser } from '../../../tests/factories';
import { checkChangedUser, userSchema, type User } from './user';

describe('checking a changed user field by field', () => {
  const before = makeUser({ id: 9, email: 'ada@example.com', roles: ['learner'], organization: 'org-1' });
  // For each field, values that are valid and values that are not, alone or against other fields.
  const pool: Partial<Record<keyof User, unknown[]>> = {
    email: ['grace@example.com', 'not-an-email', ''],
    emailKey: ['grace@example.com', 'ada@example.com', 'x'],
    firstName: ['Grace', '  ', '', 'x'.repeat(500)],
    title: ['Engineer', 'x'.repeat(5000), 3],
    organization: ['org-2', null, ''],
    accountExecutive: [4, null, -1, 1.5],
    timeZone: ['Europe/Paris', ''],
    userType: ['regular', 'directory', 'robot'],
    status: ['active', 'invited', 'expired', 'inactive', 'zombie'],
    invitation: [null, { sentAt: '2026-11-01T10:00:00.000Z', expiresAt: '2026-11-15', welcomeMessage: '', timesSent: 1 }, { sentAt: 'x', expiresAt: 'y', welcomeMessage: '', timesSent: 0 }],
    roles: [['learner'], ['learner', 'learner'], [], ['administrator', 'learner']],
    flaggedFields: [[], ['title'], ['password']],
    failedSignIns: [0, 3, -2],
    lastSignInAt: [null, '2026-11-20T08:00:00.000Z', 'yesterday'],
    version: [2, 0],
    locked: [true, 'yes']
  };
  const keys = Object.keys(pool) as (keyof User)[];
  const edit = fc.constantFrom(...keys).chain((k) => fc.tuple(fc.constant(k), fc.constantFrom(...pool[k]!)));

  it('refuses exactly what parsing the whole record refuses', () => {
    expect(userSchema.safeParse(before).success).toBe(true);
    fc.assert(
      fc.property(fc.uniqueArray(edit, { selector: ([k]) => k, maxLength: 4 }), (edits) => {
        const after = { ...before, ...Object.fromEntries(edits) } as User;
        const whole = userSchema.safeParse(after).success;
        let fields = true;
        try {
          checkChangedUser(before, after);
        } catch {
          fields = false;
        }
        expect(fields).toBe(whole);
      }),
      { numRuns: 500 }
    );
  });
});
