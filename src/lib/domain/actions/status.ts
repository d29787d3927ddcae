import { z } from 'zod';
import { defineAction, destructive, normal } from './types';
import { REASONS } from './reasons';

const none = z.object({}).strict();

export const activate = defineAction({
  id: 'activate',
  label: 'Activate',
  description: 'Sets inactive users to active so they can sign in again.',
  family: 'status',
  permission: 'users.status',
  params: none,
  severity: normal,
  skipReason(u) {
    switch (u.status) {
      case 'inactive':
        return null;
      case 'active':
        return REASONS.alreadyActive;
      case 'profile_only':
        return REASONS.profileOnlyActivate;
      case 'invited':
        return REASONS.invitedActivate;
      case 'expired':
        return REASONS.expiredActivate;
      case 'deleted':
        return REASONS.deleted;
    }
  },
  effect: () => ({ patch: { status: 'active' } })
});

export const deactivate = defineAction({
  id: 'deactivate',
  label: 'Deactivate',
  description: 'Sets active users to inactive: they can no longer sign in. Their profile stays.',
  family: 'status',
  permission: 'users.status',
  params: none,
  severity: normal,
  protectsActor: true,
  skipReason(u) {
    switch (u.status) {
      case 'active':
        return null;
      case 'inactive':
        return REASONS.alreadyInactive;
      case 'deleted':
        return REASONS.deleted;
      default:
        return REASONS.notActiveDeleteInstead;
    }
  },
  effect: () => ({ patch: { status: 'inactive' } })
});

export const deleteUser = defineAction({
  id: 'delete',
  label: 'Delete',
  description: 'Deletes the users. They cannot sign in; Undelete brings them back as inactive.',
  family: 'status',
  permission: 'users.delete',
  params: none,
  severity: destructive,
  protectsActor: true,
  skipReason(u) {
    if (u.status === 'deleted') return REASONS.alreadyDeleted;
    if (u.ownedContent > 0) return REASONS.ownsContent;
    return null;
  },
  // An open invitation dies with the account: its link must stop working.
  effect: () => ({ patch: { status: 'deleted', invitation: null } })
});

export const undelete = defineAction({
  id: 'undelete',
  label: 'Undelete',
  description: 'Restores deleted users. They come back inactive; activate or invite them next.',
  family: 'status',
  permission: 'users.delete',
  params: none,
  severity: normal,
  skipReason: (u) => (u.status === 'deleted' ? null : REASONS.notDeleted),
  effect: () => ({ patch: { status: 'inactive' } })
});

export const removePermanently = defineAction({
  id: 'remove',
  label: 'Remove permanently',
  description: 'Erases the user records. The change report keeps a snapshot, so a revert can restore them.',
  family: 'status',
  permission: 'users.remove',
  params: none,
  severity: destructive,
  protectsActor: true,
  skipReason: (u) => (u.ownedContent > 0 ? REASONS.ownsContent : null),
  effect: () => ({ patch: {}, remove: true })
});

export const transferOwnership = defineAction({
  id: 'transfer',
  label: 'Transfer ownership',
  description: 'Moves the channels and pages the users own to another, active user.',
  family: 'status',
  permission: 'users.transfer',
  params: z.object({ targetId: z.int({ error: 'Choose the user who receives the content' }).positive() }).strict(),
  form: [
    {
      kind: 'user',
      key: 'targetId',
      label: 'Transfer content to',
      rule: { status: 'active', description: 'An active user: content can only move to someone who can sign in.' }
    }
  ],
  // Counted by the rule alone: nobody is the target yet.
  neutralParams: { targetId: -1 },
  severity: normal,
  checkParams(p, ctx) {
    const target = ctx.userById(p.targetId);
    if (!target) return 'Choose the user who receives the content.';
    if (target.status !== 'active') return `${target.email} is not active: content can only move to an active user.`;
    return null;
  },
  skipReason(u, p) {
    if (u.id === p.targetId) return REASONS.isTransferTarget;
    if (u.ownedContent === 0) return REASONS.ownsNoContent;
    return null;
  },
  effect: (u, p) => ({ patch: { ownedContent: 0 }, transfer: { toUserId: p.targetId, amount: u.ownedContent } })
});
