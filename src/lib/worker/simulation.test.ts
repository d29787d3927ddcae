import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories';
import { setup } from '../../../tests/engine';
import { SIGN_IN_MESSAGES } from '../domain/signin';
import type { User } from '../domain/user';
import { DEMO_PASSWORD } from './demo-password';

/** One user per sign-in outcome, beside the administrator who acts. */
function people(): User[] {
  return [
    makeUser({ id: 1, email: 'admin@example.com', roles: ['administrator'] }),
    makeUser({ id: 2, email: 'ok@example.com' }),
    makeUser({ id: 3, email: 'dir@example.com', userType: 'directory', passwordHash: null }),
    makeUser({ id: 4, email: 'deleted@example.com', status: 'deleted' }),
    makeUser({ id: 5, email: 'inactive@example.com', status: 'inactive' }),
    makeUser({ id: 6, email: 'invited@example.com', status: 'invited' }),
    makeUser({ id: 7, email: 'expired@example.com', status: 'expired' }),
    makeUser({ id: 8, email: 'profile@example.com', status: 'profile_only' }),
    makeUser({ id: 9, email: 'locked@example.com', locked: true, failedSignIns: 5 }),
    makeUser({ id: 10, email: 'access@example.com', accessExpiresAt: '2026-11-01' }),
    makeUser({ id: 11, email: 'steps@example.com', forcePasswordChange: true, twoFactor: 'reset', flaggedFields: ['title', 'organization'] })
  ];
}

describe('engine: sign in as a user', () => {
  it('answers each refusal with what the user would see', async () => {
    const { engine } = await setup(undefined, people());
    const cases: [string, string][] = [
      ['nobody@example.com', 'unknown'],
      ['dir@example.com', 'directory'],
      ['deleted@example.com', 'deleted'],
      ['inactive@example.com', 'inactive'],
      ['invited@example.com', 'invited'],
      ['expired@example.com', 'invitation_expired'],
      ['profile@example.com', 'no_password'],
      ['locked@example.com', 'locked'],
      ['access@example.com', 'access_expired']
    ];
    for (const [email, reason] of cases) {
      const res = await engine.signIn(email, DEMO_PASSWORD);
      expect(res, email).toMatchObject({ ok: false, reason, message: SIGN_IN_MESSAGES[reason as keyof typeof SIGN_IN_MESSAGES] });
    }
    expect(await engine.signIn('  OK@Example.com ', DEMO_PASSWORD)).toMatchObject({ ok: true, name: 'Test User 2', steps: [] });
    expect((await engine.user(2))!.lastSignInAt).toMatch(/^2026-11-22T/);
  });

  it('locks the account at the fifth wrong password in a row, with a report; a success in between resets the count', async () => {
    const { engine } = await setup(undefined, people());
    for (let i = 0; i < 4; i++) expect(await engine.signIn('ok@example.com', 'wrong')).toMatchObject({ ok: false, reason: 'wrong_password' });
    expect((await engine.user(2))!.failedSignIns).toBe(4);
    expect((await engine.operations()).total).toBe(0);
    await engine.signIn('ok@example.com', DEMO_PASSWORD);
    expect((await engine.user(2))!.failedSignIns).toBe(0);
    for (let i = 0; i < 4; i++) await engine.signIn('ok@example.com', 'wrong');
    expect(await engine.signIn('ok@example.com', 'wrong')).toMatchObject({ ok: false, reason: 'locked_now' });
    expect((await engine.user(2))!).toMatchObject({ locked: true, failedSignIns: 5 });
    expect(await engine.signIn('ok@example.com', DEMO_PASSWORD)).toMatchObject({ ok: false, reason: 'locked' });
    const log = await engine.operations();
    expect(log.rows[0]).toMatchObject({ kind: 'sign_in', label: 'Account locked after 5 failed sign-ins', actorId: 2 });
  });

  it('walks the steps in order: new password, 2FA enrolment, then the flagged fields; each is a self-service report', async () => {
    const { engine } = await setup(undefined, people());
    const s = await engine.signIn('steps@example.com', DEMO_PASSWORD);
    if (!s.ok) throw new Error(s.message);
    expect(s.steps).toEqual(['change_password', 'enrol_2fa', 'update_fields']);
    expect(await engine.updateFlaggedFields(s.sessionId, { title: 'x' })).toMatchObject({ ok: false, message: 'Finish the current step first.' });
    expect(await engine.changePassword(s.sessionId, 'short')).toMatchObject({ ok: false, message: expect.stringMatching(/at least 10 characters/) });
    expect(await engine.changePassword(s.sessionId, 'a new long passphrase')).toMatchObject({ ok: true, steps: ['enrol_2fa', 'update_fields'] });
    expect(await engine.enrolTwoFactor(s.sessionId, '000000')).toMatchObject({ ok: false, message: expect.stringMatching(/does not match/) });
    const after2fa = await engine.enrolTwoFactor(s.sessionId, (await engine.session(s.sessionId))!.authenticatorCode!);
    expect(after2fa).toMatchObject({ ok: true, steps: ['update_fields'], flagged: [{ field: 'title', value: '' }, { field: 'organization', value: null }] });
    expect(await engine.updateFlaggedFields(s.sessionId, { title: ' ', organization: 'nowhere' })).toMatchObject({
      ok: false,
      errors: { title: 'Fill this in to continue', organization: 'Choose an organization from the list' }
    });
    expect(await engine.updateFlaggedFields(s.sessionId, { title: 'Engineer', organization: 'org-2' })).toMatchObject({ ok: true, steps: [] });
    expect((await engine.user(11))!).toMatchObject({ title: 'Engineer', organization: 'org-2', flaggedFields: [], twoFactor: 'enrolled', forcePasswordChange: false });
    const log = await engine.operations({ kind: 'self_service' });
    expect(log.rows.map((o) => o.label)).toEqual(['Updated flagged fields at sign-in', 'Enrolled in two-factor authentication', 'Changed password at sign-in']);
    // The new password works; the old one does not.
    expect(await engine.signIn('steps@example.com', 'a new long passphrase')).toMatchObject({ ok: true, steps: [] });
    expect(await engine.signIn('steps@example.com', DEMO_PASSWORD)).toMatchObject({ ok: false, reason: 'wrong_password' });
  });
});

describe('engine: emailed links and the clock', () => {
  it('an invitation link sets a password and activates the account, once; a newer invitation replaces it', async () => {
    const { engine } = await setup(undefined, people());
    await engine.apply('invite', { ids: [8] }, { welcomeMessage: 'Hello' });
    const first = (await engine.outbox()).rows[0];
    await engine.apply('resend_invitation', { ids: [8] }, {});
    const latest = (await engine.outbox()).rows[0];
    expect(await engine.link(first.token)).toMatchObject({ state: 'replaced' });
    expect(await engine.link(latest.token)).toMatchObject({ state: 'valid', kind: 'invitation', email: 'profile@example.com' });
    expect(await engine.useLink(latest.token, 'profile')).toMatchObject({ ok: false, message: expect.stringMatching(/at least 10/) });
    expect(await engine.useLink(latest.token, 'a fine passphrase')).toEqual({ ok: true });
    expect((await engine.user(8))!).toMatchObject({ status: 'active', invitation: null });
    expect(await engine.link(latest.token)).toMatchObject({ state: 'used' });
    expect(await engine.signIn('profile@example.com', 'a fine passphrase')).toMatchObject({ ok: true });
    expect(await engine.link('nope')).toMatchObject({ state: 'unknown' });
  });

  it('a cancelled invitation’s link says so, and so does an expired one after the clock passes its day', async () => {
    const { engine } = await setup(undefined, people());
    await engine.apply('invite', { ids: [8] }, {});
    const token = (await engine.outbox()).rows[0].token;
    await engine.apply('cancel_invitation', { ids: [8] }, {});
    expect(await engine.link(token)).toMatchObject({ state: 'cancelled' });
    expect(await engine.useLink(token, 'a fine passphrase')).toMatchObject({ ok: false });
    // invited@example.com's invitation expires on 2026-12-01: the preview says so and changes nothing.
    expect(await engine.clockPreview('2026-12-02')).toMatchObject({ ok: true, from: '2026-11-22', expired: 1, accessEnded: 0, expiring: [{ email: 'invited@example.com' }] });
    expect((await engine.user(6))!.status).toBe('invited');
    expect(await engine.clockPreview('2026-11-01')).toMatchObject({ ok: false, kind: 'invalid' });
    const tick = await engine.advanceClock('2026-12-02');
    expect(tick).toMatchObject({ ok: true, expired: 1, accessEnded: 0 });
    expect((await engine.user(6))!.status).toBe('expired');
    expect((await engine.meta()).settings.today).toBe('2026-12-02');
    const report = await engine.report((tick as { reportId: number }).reportId);
    expect(report).toMatchObject({ kind: 'clock', label: 'Clock moved to 2026-12-02', applied: 1 });
    expect(await engine.revertPreview(report!.id)).toMatchObject({ ok: false, message: expect.stringMatching(/clock only moves forward/) });
  });

  it('moving the clock past an access end stops sign-in and records it; a quiet tick writes no report', async () => {
    const { engine } = await setup(undefined, people());
    expect(await engine.advanceClock('2026-11-23')).toMatchObject({ ok: true, reportId: null });
    await engine.apply('set_access_expiry', { ids: [2] }, { date: '2026-11-25' });
    expect(await engine.signIn('ok@example.com', DEMO_PASSWORD)).toMatchObject({ ok: true });
    const tick = await engine.advanceClock('2026-11-30');
    expect(tick).toMatchObject({ ok: true, accessEnded: 1 });
    expect(await engine.signIn('ok@example.com', DEMO_PASSWORD)).toMatchObject({ ok: false, reason: 'access_expired' });
    expect(await engine.advanceClock('2026-11-01')).toMatchObject({ ok: false, message: expect.stringMatching(/only moves forward/) });
  });
});
