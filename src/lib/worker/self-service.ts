import { applyPatch, patchChanges } from '../domain/changes';
import { operationHeader, userChange, type OperationKind } from '../domain/operations';
import { displayName, type User, type UserPatch } from '../domain/user';
import type { CommitPlan } from './commit';
import { nowOn } from './context';
import type { Store } from './store';

/** One user changing their own record (password, 2FA, flagged fields): a self-service report. */
export function selfServicePlan(
  store: Store,
  user: User,
  patch: UserPatch,
  action: string,
  label: string,
  kind: OperationKind = 'self_service',
  extra: Partial<CommitPlan> = {}
): CommitPlan {
  const now = nowOn(store.settings.today);
  const after = applyPatch(user, patch, now);
  return {
    who: { source: 'self', actorId: user.id },
    users: new Map([[user.id, after]]),
    operation: operationHeader({ kind, action, label, actorId: user.id, actorName: displayName(user), at: now }),
    changes: [userChange(user, after, patchChanges(user, patch))],
    skips: [],
    emails: [],
    ...extra
  };
}

/** A change to one user that is bookkeeping, not an operation (a failed sign-in counted). */
export function quietPlan(store: Store, user: User, patch: UserPatch): CommitPlan {
  return {
    who: { source: 'self', actorId: user.id },
    users: new Map([[user.id, applyPatch(user, patch, nowOn(store.settings.today))]]),
    operation: null,
    changes: [],
    skips: [],
    emails: []
  };
}
