import { z } from 'zod';
import { byShape, defineAction, destructive, normal, type ActionContext } from './types';
import type { Remedy } from './form';
import type { User } from '../user';
import { REASONS } from './reasons';

const none = z.object({}).strict();

/**
 * Delete and Remove permanently skip users who own content, unless the person chooses who receives
 * it: then the content moves and the users go in one operation, one report, one revert.
 */
const transferring = z.object({ transferTo: z.int({ error: 'Choose the user who receives the content' }).positive().optional() }).strict();
type Transferring = z.infer<typeof transferring>;

const transferRemedy = (then: string): Remedy => ({
  reason: REASONS.ownsContent,
  field: {
    kind: 'user',
    key: 'transferTo',
    label: 'Transfer their content to',
    rule: { status: 'active', description: 'An active user: content can only move to someone who can sign in.' }
  },
  apply: `Transfer their content, then ${then}`
});

function checkTransferTarget(p: Transferring, ctx: ActionContext): string | null {
  if (p.transferTo === undefined) return null;
  const target = ctx.userById(p.transferTo);
  if (!target) return 'Choose the user who receives the content.';
  if (target.status !== 'active') return `${target.email} is not active: content can only move to an active user.`;
  return null;
}

function ownerSkip(u: User, p: Transferring): string | null {
  if (u.id === p.transferTo) return REASONS.isTransferTarget;
  if (u.ownedContent > 0 && p.transferTo === undefined) return REASONS.ownsContent;
  return null;
}

const handOver = (u: User, p: Transferring) =>
  p.transferTo !== undefined && u.ownedContent > 0 ? { transfer: { toUserId: p.transferTo, amount: u.ownedContent } } : {};

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
  shapeFields: byShape,
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
  shapeFields: byShape,
  effect: () => ({ patch: { status: 'inactive' } })
});

export const deleteUser = defineAction({
  id: 'delete',
  label: 'Delete',
  description: 'Deletes the users. They cannot sign in; Undelete brings them back as inactive.',
  family: 'status',
  permission: 'users.delete',
  params: transferring,
  severity: destructive,
  protectsActor: true,
  remedies: [transferRemedy('delete')],
  checkParams: checkTransferTarget,
  skipReason(u, p) {
    if (u.status === 'deleted') return REASONS.alreadyDeleted;
    return ownerSkip(u, p);
  },
  // An open invitation dies with the account: its link must stop working.
  effect: (u, p) => {
    const moved = handOver(u, p);
    return { patch: { status: 'deleted', invitation: null, ...(moved.transfer ? { ownedContent: 0 } : {}) }, ...moved };
  }
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
  shapeFields: byShape,
  effect: () => ({ patch: { status: 'inactive' } })
});

export const removePermanently = defineAction({
  id: 'remove',
  label: 'Remove permanently',
  description: 'Erases the user records. The change report keeps a snapshot, so a revert can restore them.',
  family: 'status',
  permission: 'users.remove',
  params: transferring,
  severity: destructive,
  protectsActor: true,
  remedies: [transferRemedy('remove permanently')],
  checkParams: checkTransferTarget,
  skipReason: ownerSkip,
  effect: (u, p) => ({ patch: {}, remove: true, ...handOver(u, p) })
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
