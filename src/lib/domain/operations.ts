import type { FieldChange } from './changes';
import { displayName, type User } from './user';

/** 'session': the acting administrator or the plan changed (who acts, under which rules).
 *  'edit': one user edited or added by hand on their page. */
export type OperationKind = 'bulk_action' | 'upload' | 'self_service' | 'clock' | 'revert' | 'sign_in' | 'session' | 'edit';

export interface SkipGroup {
  reason: string;
  count: number;
}

/** The header of one applied operation: a change report's summary (SPEC §6). */
export interface Operation {
  id: number;
  kind: OperationKind;
  /** Action id for bulk actions; a short machine name otherwise. */
  action: string;
  label: string;
  actorId: number;
  actorName: string;
  at: string;
  params: Record<string, unknown>;
  applied: number;
  skipped: number;
  failed: number;
  skipReasons: SkipGroup[];
  emailsSent: number;
  /** Changed users recorded in the change log (applied users plus side effects like a transfer target). */
  changedUsers: number;
  revertOf: number | null;
  revertedBy: number | null;
}

/** One user's changes within an operation. A removed or created user carries a full snapshot. */
export interface UserChange {
  userId: number;
  email: string;
  name: string;
  changes: FieldChange[];
  /** 'removed': the user's record before erasure; 'created': the new record. */
  snapshot?: { kind: 'removed' | 'created'; user: User };
  /** The user's `version` right after this operation (absent when it removed them). A revert
   *  leaves a user alone when their version has moved on: someone changed them since. */
  version?: number;
}

/** The change-log entry for one user: `before` names them, `after` (null when erased) dates it. */
export function userChange(before: User, after: User | null, changes: FieldChange[], snapshot?: UserChange['snapshot']): UserChange {
  // Built field by field, not with conditional spreads: a bulk action makes 600,000 of these.
  const change: UserChange = { userId: before.id, email: before.email, name: displayName(before), changes };
  if (snapshot) change.snapshot = snapshot;
  if (after) change.version = after.version;
  return change;
}

export interface OutboxEmail {
  id: number;
  opId: number;
  userId: number;
  to: string;
  kind: 'invitation' | 'password_reset';
  subject: string;
  body: string;
  sentAt: string;
  /** Opaque link token (invitation acceptance, password reset). */
  token: string;
  /** When the link was used; a used link says so instead of working twice. */
  usedAt?: string;
}

/** An operation header with the counts of a single change, for the simple producers (self-service, clock). */
export function operationHeader(
  h: Pick<Operation, 'kind' | 'action' | 'label' | 'actorId' | 'actorName' | 'at'> & Partial<Operation>
): Omit<Operation, 'id'> {
  return { params: {}, applied: 1, skipped: 0, failed: 0, skipReasons: [], emailsSent: 0, changedUsers: 1, revertOf: null, revertedBy: null, ...h };
}

/** Users skipped, by reason: what a report's header counts and its skip record lists. */
export function skipBook(groups: ReadonlyMap<string, readonly number[]>) {
  const skips = [...groups].map(([reason, ids]) => ({ reason, ids: [...ids] }));
  return {
    skips,
    skipReasons: skips.map((g) => ({ reason: g.reason, count: g.ids.length })),
    skipped: skips.reduce((n, g) => n + g.ids.length, 0)
  };
}

/** Adds a user to a reason's group. */
export function skipTo(groups: Map<string, number[]>, reason: string, id: number) {
  const ids = groups.get(reason);
  if (ids) ids.push(id);
  else groups.set(reason, [id]);
}
