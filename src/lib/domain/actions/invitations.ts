import { z } from 'zod';
import { addDays, accessExpired } from '../dates';
import { formatDate } from '../format';
import { MAX_WELCOME, type User } from '../user';
import { defineAction, normal, type ActionContext, type EmailDraft } from './types';
import type { FieldDescriptor } from './form';
import { REASONS } from './reasons';

const welcome = z.object({ welcomeMessage: z.string().max(MAX_WELCOME).default('') }).strict();
const welcomeForm: FieldDescriptor[] = [
  { kind: 'text', key: 'welcomeMessage', label: 'Welcome message', optional: true, note: 'shown in the invitation email', maxLength: MAX_WELCOME, lines: 4 }
];

export function invitationEmail(u: Pick<User, 'firstName'>, welcomeMessage: string, expiresAt: string): EmailDraft {
  const greeting = `Hello ${u.firstName},`;
  const lines = [greeting, '', 'You have been invited to activate your Muster account.'];
  if (welcomeMessage.trim()) lines.push('', welcomeMessage.trim());
  lines.push('', `Open the link below to set your password. The invitation expires on ${formatDate(expiresAt)}.`);
  return { kind: 'invitation', subject: 'You are invited to activate your account', body: lines.join('\n') };
}

function newInvitation(u: User, welcomeMessage: string, ctx: ActionContext) {
  const expiresAt = addDays(ctx.today, ctx.invitationValidityDays);
  return {
    patch: {
      status: 'invited' as const,
      invitation: { sentAt: ctx.now, expiresAt, welcomeMessage, timesSent: (u.invitation?.timesSent ?? 0) + 1 }
    },
    emails: [invitationEmail(u, welcomeMessage, expiresAt)]
  };
}

function commonInviteSkips(u: User, ctx: ActionContext): string | null {
  if (u.status === 'deleted') return REASONS.deleted;
  if (u.userType === 'directory') return REASONS.directory;
  return null;
}

export const invite = defineAction({
  id: 'invite',
  label: 'Invite to activate account',
  description: 'Emails an invitation to set a password. Profile-only users and expired invitations only.',
  family: 'invitations',
  permission: 'users.invite',
  params: welcome,
  form: welcomeForm,
  severity: normal,
  skipReason(u, _p, ctx) {
    const common = commonInviteSkips(u, ctx);
    if (common) return common;
    if (u.status === 'invited') return REASONS.alreadyInvited;
    if (u.status === 'active' || u.status === 'inactive') return REASONS.hasAccount;
    if (accessExpired(u.accessExpiresAt, ctx.today)) return REASONS.accessExpiredExtend;
    return null;
  },
  effect: (u, p, ctx) => newInvitation(u, p.welcomeMessage, ctx)
});

export const cancelInvitation = defineAction({
  id: 'cancel_invitation',
  label: 'Cancel invitation',
  description: 'Cancels open or expired invitations; the users go back to profile only.',
  family: 'invitations',
  permission: 'users.invite',
  params: z.object({}).strict(),
  severity: normal,
  skipReason(u, _p, ctx) {
    const common = commonInviteSkips(u, ctx);
    if (common) return common;
    return u.status === 'invited' || u.status === 'expired' ? null : REASONS.notInvited;
  },
  shapeFields: () => ['invitation'],
  effect: () => ({ patch: { status: 'profile_only', invitation: null } })
});

export const resendInvitation = defineAction({
  id: 'resend_invitation',
  label: 'Resend invitation',
  description: 'Cancels the current invitation and sends a new one in one step.',
  family: 'invitations',
  permission: 'users.invite',
  params: welcome,
  form: welcomeForm,
  severity: normal,
  skipReason(u, _p, ctx) {
    const common = commonInviteSkips(u, ctx);
    if (common) return common;
    if (u.status !== 'invited' && u.status !== 'expired') return REASONS.notInvited;
    if (accessExpired(u.accessExpiresAt, ctx.today)) return REASONS.accessExpiredExtend;
    return null;
  },
  effect: (u, p, ctx) => newInvitation(u, p.welcomeMessage, ctx)
});
