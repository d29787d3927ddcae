import { gate, type Change, type Source } from '../domain/policy';
import type { Permission } from '../domain/roles';
import { skipBook, skipTo } from '../domain/operations';
import type { CommitPlan } from './commit';
import type { Store } from './store';

/** Who writes: the acting administrator, a user on their own account, or the clock. */
export interface Who {
  source: Source;
  /** The acting administrator ('admin') or the user acting on themself ('self'); null for the clock. */
  actorId: number | null;
}

export interface Gated {
  plan: CommitPlan;
  /** Users whose planned change the policy refused, with the reason; they are skips in the plan. */
  refused: Map<number, string>;
}

/**
 * Every write's planned changes through the one policy (domain/policy.ts), as the store is now.
 * Refused users leave the plan — their changes, their emails — and join its skips, and the report's
 * counts follow. A change that needs another (a transfer's owner needs its new owner's credit) is
 * refused with it. Called by every preview that shows skips and, unavoidably, by commit().
 */
export function gatePlan(store: Store, plan: CommitPlan): Gated {
  const changes: Change[] = [];
  const sends = new Map<number, Permission>();
  for (const e of plan.emails) sends.set(e.userId, e.kind === 'invitation' ? 'users.invite' : 'users.password');
  for (const [id, after] of plan.users) changes.push({ id, before: store.users.get(id) ?? null, after, sends: sends.get(id) });
  // A user who is only emailed (a password reset) is judged too: sending is acting on them.
  for (const [id, permission] of sends) {
    const u = plan.users.has(id) ? undefined : store.users.get(id);
    if (u) changes.push({ id, before: u, after: u, sends: permission });
  }
  const { who } = plan;
  const actor = who.actorId === null ? null : (store.users.get(who.actorId) ?? null);
  const res = gate(
    {
      source: who.source,
      actor,
      plan: store.settings.plan,
      roles: store.roles,
      activeAdministrators: store.activeAdministrators,
      today: plan.settings?.today ?? store.settings.today
    },
    changes
  );
  const refused = new Map<number, string>();
  for (const g of res.refused) for (const id of g.ids) refused.set(id, g.reason);
  for (const [id, on] of plan.dependsOn ?? []) if (refused.has(on) && !refused.has(id)) refused.set(id, refused.get(on)!);
  if (refused.size === 0) return { plan, refused };
  return { plan: withoutRefused(plan, refused), refused };
}

function withoutRefused(plan: CommitPlan, refused: Map<number, string>): CommitPlan {
  const users = new Map([...plan.users].filter(([id]) => !refused.has(id)));
  const changes = plan.changes.filter((c) => !refused.has(c.userId));
  const emails = plan.emails.filter((e) => !refused.has(e.userId));
  // Side-effect users (a transfer's new owner) were not counted as applied.
  const byReason = new Map<string, number[]>();
  for (const [id, reason] of refused) if (!plan.sideEffects?.has(id)) skipTo(byReason, reason, id);
  const book = skipBook(byReason);
  const op = plan.operation;
  return {
    ...plan,
    users,
    changes,
    emails,
    skips: [...plan.skips, ...book.skips],
    operation: op && {
      ...op,
      applied: op.applied - book.skipped,
      skipped: op.skipped + book.skipped,
      skipReasons: [...op.skipReasons, ...book.skipReasons],
      emailsSent: emails.length,
      changedUsers: changes.length
    }
  };
}
