import type { FieldChange } from './changes';
import type { User } from './user';

export type OperationKind = 'bulk_action' | 'upload' | 'self_service' | 'clock' | 'revert' | 'sign_in';

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
}
