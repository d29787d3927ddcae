import type { MusterDB } from '../db/schema';
import { operationHeader, skipBook, type Operation, type UserChange } from '../domain/operations';
import { reach as reachOf } from '../domain/permissions';
import { planRevert, type RevertPlan } from '../domain/revert';
import { displayName, type User } from '../domain/user';
import { fail, type Failure } from './failure';
import type { Gated } from './gate';
import type { ChangeSummary } from './change-table';
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
  /** What goes back, kept in the engine to page and search (previewRows), and its distinct changes. */
  previewId: number;
  summary: ChangeSummary[];
  changes: number;
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
export async function prepareRevert(db: MusterDB, store: Store, opId: number, actorId: number): Promise<PreparedRevert | Failure> {
  const op = await db.operations.get(opId);
  if (!op) return fail('invalid', `There is no report #${opId}.`);
  if (op.revertedBy !== null)
    return fail('conflict', `Report #${opId} was already reverted by report #${op.revertedBy}. Revert #${op.revertedBy} to apply these changes again.`);
  if (op.kind === 'clock') return fail('invalid', 'A clock report cannot be reverted: the clock only moves forward.');
  if (op.changedUsers === 0) return fail('invalid', `Report #${opId} changed nobody: there is nothing to revert.`);
  const actor = store.users.get(actorId);
  if (!actor) return fail('denied', 'The acting administrator is not in the directory.');
  const r = reachOf(actor, store.settings.plan, 'reports.revert', store.roles);
  if (r.kind === 'none') return fail('denied', r.reason);
  const log = await readAllChanges(db, opId);
  const now = nowOn(store.settings.today);
  const plan = planRevert(log, { user: (id) => store.users.get(id), emailOwner: (key) => store.byEmail.get(key)?.id, now });
  return { op, actor, plan, log, now };
}

/** What reverting will do, as the write gate lets it: its refusals are conflicts left alone too. */
export function summariseRevert(p: PreparedRevert, gated: Gated, nameOf: (id: number) => { name: string; email: string }): Omit<RevertPreview, 'previewId' | 'summary' | 'changes'> {
  const changes = gated.plan.changes;
  const back = changes.filter((c) => !c.snapshot);
  return {
    ok: true,
    opId: p.op.id,
    label: p.op.label,
    reverted: back.length,
    fields: back.reduce((n, c) => n + c.changes.length, 0),
    restored: changes.filter((c) => c.snapshot?.kind === 'created').length,
    removed: changes.filter((c) => c.snapshot?.kind === 'removed').length,
    conflicts: gated.plan.skips.map(({ reason, ids }) => ({
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
  const book = skipBook(plan.conflicts);
  return {
    who: { source: 'admin', actorId: actor.id },
    users: plan.users,
    operation: operationHeader({
      kind: 'revert',
      action: 'revert',
      label: `Revert of #${op.id}: ${op.label}`,
      actorId: actor.id,
      actorName: displayName(actor),
      at: p.now,
      params: { report: op.id },
      applied: plan.reverted + plan.restored + plan.removed,
      skipped: book.skipped,
      skipReasons: book.skipReasons,
      changedUsers: plan.changes.length,
      revertOf: op.id
    }),
    changes: plan.changes,
    skips: book.skips,
    emails: [],
    reverts: op.id
  };
}
