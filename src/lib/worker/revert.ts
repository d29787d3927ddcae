import type { MusterDB } from '../db/schema';
import type { Operation, UserChange } from '../domain/operations';
import { reach as reachOf, scopeSkip } from '../domain/permissions';
import { planRevert, type RevertPlan } from '../domain/revert';
import { displayName, type User } from '../domain/user';
import type { Refusal } from './bulk';
import type { CommitPlan } from './commit';
import { nowOn } from './context';
import { readAllChanges } from './reports';
import type { Store } from './store';

export interface RevertPreview {
  ok: true;
  opId: number;
  label: string;
  reverted: number;
  fields: number;
  restored: number;
  removed: number;
  conflicts: { reason: string; count: number; users: { id: number; name: string; email: string }[] }[];
  /** Emails the original operation sent: a revert cannot unsend them. */
  emailsSent: number;
}

export interface PreparedRevert {
  op: Operation;
  actor: User;
  plan: RevertPlan;
  log: UserChange[];
  now: string;
}

/**
 * Checks that the report can be reverted by this actor, and plans it against the directory as it
 * is now. Everything after the read is synchronous, so the plan cannot go stale before commit.
 */
export async function prepareRevert(db: MusterDB, store: Store, opId: number, actorId: number): Promise<PreparedRevert | Refusal> {
  const op = await db.operations.get(opId);
  if (!op) return { ok: false, error: `There is no report #${opId}.` };
  if (op.revertedBy !== null)
    return { ok: false, error: `Report #${opId} was already reverted by report #${op.revertedBy}. Revert #${op.revertedBy} to apply these changes again.` };
  if (op.kind === 'clock') return { ok: false, error: 'A clock report cannot be reverted: the clock only moves forward.' };
  if (op.changedUsers === 0) return { ok: false, error: `Report #${opId} changed nobody: there is nothing to revert.` };
  const actor = store.users.get(actorId);
  if (!actor) return { ok: false, error: 'The acting administrator is not in the directory.', denied: true };
  const r = reachOf(actor, store.settings.plan, 'reports.revert', store.roles);
  if (r.kind === 'none') return { ok: false, error: r.reason, denied: true };
  const log = await readAllChanges(db, opId);
  const now = nowOn(store.settings.today);
  const plan = planRevert(log, {
    user: (id) => store.users.get(id),
    emailOwner: (key) => store.byEmail.get(key)?.id,
    outOfScope: (u) => scopeSkip(r, u),
    now
  });
  return { op, actor, plan, log, now };
}

export function summariseRevert(p: PreparedRevert, nameOf: (id: number) => { name: string; email: string }): RevertPreview {
  return {
    ok: true,
    opId: p.op.id,
    label: p.op.label,
    reverted: p.plan.reverted,
    fields: p.plan.fields,
    restored: p.plan.restored,
    removed: p.plan.removed,
    conflicts: [...p.plan.conflicts].map(([reason, ids]) => ({
      reason,
      count: ids.length,
      users: ids.slice(0, 200).map((id) => ({ id, ...nameOf(id) }))
    })),
    emailsSent: p.op.emailsSent
  };
}

/** Names for conflict lists: the directory's current record, else the report's own. */
export function namer(store: Store, log: UserChange[]) {
  const logged = new Map(log.map((c) => [c.userId, c]));
  return (id: number) => {
    const u = store.users.get(id);
    if (u) return { name: displayName(u), email: u.email };
    const c = logged.get(id);
    return { name: c?.name ?? `User ${id}`, email: c?.email ?? '' };
  };
}

export function revertCommitPlan(p: PreparedRevert): CommitPlan {
  const { op, actor, plan } = p;
  const skipped = [...plan.conflicts.values()].reduce((s, ids) => s + ids.length, 0);
  return {
    users: plan.users,
    operation: {
      kind: 'revert',
      action: 'revert',
      label: `Revert of #${op.id}: ${op.label}`,
      actorId: actor.id,
      actorName: displayName(actor),
      at: p.now,
      params: { report: op.id },
      applied: plan.reverted + plan.restored + plan.removed,
      skipped,
      failed: 0,
      skipReasons: [...plan.conflicts].map(([reason, ids]) => ({ reason, count: ids.length })),
      emailsSent: 0,
      changedUsers: plan.changes.length,
      revertOf: op.id,
      revertedBy: null
    },
    changes: plan.changes,
    skips: [...plan.conflicts].map(([reason, ids]) => ({ reason, ids })),
    emails: [],
    reverts: op.id
  };
}
