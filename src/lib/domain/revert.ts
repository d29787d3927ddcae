import { applyPatch, sameValue, type FieldChange } from './changes';
import { emailKey } from './email';
import { userChange, type UserChange } from './operations';
import type { User, UserPatch } from './user';

export const CONFLICTS = {
  changedSince: 'Changed since by a later operation — left as it is',
  removedSince: 'Removed permanently since — nothing to put back',
  emailTaken: 'Its email now belongs to another user — left as it is',
  alreadyThere: 'Already back in the directory'
} as const;

export interface RevertWorld {
  user(id: number): User | undefined;
  /** Id of the user holding an email key, if any. */
  emailOwner(key: string): number | undefined;
  now: string;
}

export interface RevertPlan {
  /** New versions of users; null erases (a user the operation created). */
  users: Map<number, User | null>;
  changes: UserChange[];
  conflicts: Map<string, number[]>;
  /** Users whose fields go back. */
  reverted: number;
  /** Fields that go back, over all users. */
  fields: number;
  /** Permanently removed users restored from the report's snapshot. */
  restored: number;
  /** Users the operation created, removed again. */
  removed: number;
}

interface Net {
  entry: UserChange;
  fields: Map<string, FieldChange>;
  version?: number;
}

/**
 * SPEC §6 revert, as a pure function of the report's change log and the directory now. Each user
 * goes back only if nobody changed them since (their version is still the one the operation left);
 * otherwise they are a conflict and left alone. Removed users come back from their snapshot;
 * created users are removed again. The result is itself a change log, so a revert can be reverted.
 * Who may put back what (permission per field, scope, rank) is the write gate's to decide.
 */
export function planRevert(log: UserChange[], world: RevertWorld): RevertPlan {
  const plan: RevertPlan = { users: new Map(), changes: [], conflicts: new Map(), reverted: 0, fields: 0, restored: 0, removed: 0 };
  const conflict = (reason: string, id: number) => {
    const ids = plan.conflicts.get(reason);
    if (ids) ids.push(id);
    else plan.conflicts.set(reason, [id]);
  };

  // A user may appear more than once (changed, then credited content): net their changes.
  const byUser = new Map<number, Net>();
  for (const entry of log) {
    const net: Net = byUser.get(entry.userId) ?? { entry, fields: new Map() };
    if (entry.snapshot) net.entry = entry;
    for (const f of entry.changes) {
      const seen = net.fields.get(f.field);
      net.fields.set(f.field, seen ? { field: f.field, before: seen.before, after: f.after } : f);
    }
    net.version = entry.version;
    byUser.set(entry.userId, net);
  }

  for (const [id, net] of byUser) {
    const current = world.user(id);
    const snapshot = net.entry.snapshot;
    if (snapshot?.kind === 'removed') {
      if (current) {
        conflict(CONFLICTS.alreadyThere, id);
        continue;
      }
      const old = snapshot.user;
      const holder = world.emailOwner(old.emailKey);
      if (holder !== undefined && holder !== id) {
        conflict(CONFLICTS.emailTaken, id);
        continue;
      }
      const back = { ...old, updatedAt: world.now, version: old.version + 1 };
      plan.users.set(id, back);
      plan.changes.push(userChange(back, back, [], { kind: 'created', user: back }));
      plan.restored++;
      continue;
    }
    if (!current) {
      conflict(CONFLICTS.removedSince, id);
      continue;
    }
    if (net.version !== undefined && current.version !== net.version) {
      conflict(CONFLICTS.changedSince, id);
      continue;
    }
    if (snapshot?.kind === 'created') {
      plan.users.set(id, null);
      plan.changes.push(userChange(current, null, [], { kind: 'removed', user: current }));
      plan.removed++;
      continue;
    }
    // Without a recorded version (older logs), every field must still hold its "after" value.
    const fields = [...net.fields.values()];
    if (net.version === undefined && fields.some((f) => !sameValue(current[f.field], f.after))) {
      conflict(CONFLICTS.changedSince, id);
      continue;
    }
    const patch: Record<string, unknown> = {};
    for (const f of fields) patch[f.field] = f.before;
    if (typeof patch.email === 'string') {
      const key = emailKey(patch.email);
      const holder = world.emailOwner(key);
      if (holder !== undefined && holder !== id) {
        conflict(CONFLICTS.emailTaken, id);
        continue;
      }
      patch.emailKey = key;
    }
    const back = applyPatch(current, patch as UserPatch, world.now);
    plan.users.set(id, back);
    plan.changes.push(userChange(current, back, fields.map((f) => ({ field: f.field, before: f.after, after: f.before }))));
    plan.reverted++;
    plan.fields += fields.length;
  }
  return plan;
}
