import type { MusterDB } from '../db/schema';
import { addDays } from '../domain/dates';
import { formatDate } from '../domain/format';
import type { OutboxEmail } from '../domain/operations';
import { passwordProblems } from '../domain/password';
import { displayName } from '../domain/user';
import { commit } from './commit';
import { hashPassword } from './credentials';
import { selfServicePlan } from './self-service';
import type { Store } from './store';
import { fail, type Failure } from './failure';

export type LinkState = 'valid' | 'unknown' | 'used' | 'gone' | 'replaced' | 'expired' | 'cancelled';

export interface LinkInfo {
  state: LinkState;
  kind: OutboxEmail['kind'] | null;
  /** What the page says when the link cannot be used. */
  message: string;
  name: string;
  email: string;
  expiresAt: string | null;
}

/** A password reset link works through the day after it was sent (Muster's clock). */
const RESET_VALID_DAYS = 1;

/** What an emailed link leads to: an invitation to accept, a password to reset, or why not. */
export async function linkInfo(db: MusterDB, store: Store, token: string): Promise<LinkInfo & { mail: OutboxEmail | null }> {
  const mail = token ? ((await db.outbox.where('token').equals(token).first()) ?? null) : null;
  const base = { mail, kind: mail?.kind ?? null, name: '', email: mail?.to ?? '', expiresAt: null };
  const say = (state: LinkState, message: string, extra: Partial<LinkInfo> = {}) => ({ ...base, state, message, ...extra });
  if (!mail) return say('unknown', 'This link is not valid. Check that you copied the whole link from the email.');
  if (mail.usedAt) return say('used', 'This link was already used. Sign in with your password, or ask for a new email.');
  const user = store.users.get(mail.userId);
  if (!user || user.status === 'deleted') return say('gone', 'This account no longer exists. Contact your administrator.');
  const who = { name: displayName(user), email: user.email };
  const today = store.settings.today;

  if (mail.kind === 'invitation') {
    const expiresAt = user.invitation?.expiresAt ?? null;
    if (user.status === 'expired') return say('expired', `This invitation expired on ${formatDate(expiresAt)}. Ask your administrator to send a new one.`, { ...who, expiresAt });
    if (user.status !== 'invited') return say('cancelled', 'This invitation was cancelled or is no longer needed. Contact your administrator.', who);
    if (user.invitation?.sentAt !== mail.sentAt) return say('replaced', 'A newer invitation was sent to you. Use the link in the latest email.', who);
    if (expiresAt && expiresAt < today) return say('expired', `This invitation expired on ${formatDate(expiresAt)}. Ask your administrator to send a new one.`, { ...who, expiresAt });
    return say('valid', '', { ...who, expiresAt });
  }
  const expiresAt = addDays(mail.sentAt.slice(0, 10), RESET_VALID_DAYS);
  if (expiresAt < today) return say('expired', `This password reset link expired on ${formatDate(expiresAt)}. Ask for a new one.`, { ...who, expiresAt });
  const newer = await db.outbox.where('userId').equals(user.id).filter((e) => e.kind === 'password_reset' && e.id > mail.id).count();
  if (newer) return say('replaced', 'A newer password reset email was sent. Use the link in the latest email.', who);
  if (user.userType === 'directory') return say('cancelled', 'This account signs in through your directory.', who);
  return say('valid', '', { ...who, expiresAt });
}

/** Sets the password a link allows: accepting an invitation also activates the account. */
export async function useLink(db: MusterDB, store: Store, token: string, password: string): Promise<{ ok: true } | Failure> {
  const info = await linkInfo(db, store, token);
  if (info.state !== 'valid' || !info.mail) return fail('conflict', info.message);
  const user = store.users.get(info.mail.userId)!;
  const problems = passwordProblems(password, user.email);
  if (problems.length) return fail('invalid', problems.join(' '));
  const passwordHash = await hashPassword(password);
  const linkUsed = { emailId: info.mail.id, at: new Date().toISOString() };
  const plan =
    info.mail.kind === 'invitation'
      ? selfServicePlan(store, user, { passwordHash, status: 'active', invitation: null }, 'accept_invitation', 'Accepted invitation', 'self_service', { linkUsed })
      : selfServicePlan(store, user, { passwordHash, forcePasswordChange: false }, 'reset_password', 'Reset password from the emailed link', 'self_service', { linkUsed });
  await commit(db, store, plan);
  return { ok: true };
}
