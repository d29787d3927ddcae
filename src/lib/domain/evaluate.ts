import type { ActionContext, ActionDef, Effect } from './actions/types';
import { REASONS } from './actions/reasons';
import { patchChanges, type FieldChange } from './changes';
import { scopeSkip, type Reach } from './permissions';
import type { User } from './user';

export interface Applicable {
  user: User;
  effect: Effect;
  changes: FieldChange[];
}

export interface Evaluation {
  applies: Applicable[];
  /** Skip reason → ids of the users skipped for it, in selection order. */
  skipped: Map<string, number[]>;
}

/**
 * Judges one action on a set of users: scope first (SPEC §2), then the action's own rule, then
 * whether the effect changes anything at all. Pure: the engine both previews and applies with it,
 * so what the preview promised is exactly what apply does.
 */
export function evaluate<P>(
  action: ActionDef<P>,
  ids: Iterable<number>,
  params: P,
  ctx: ActionContext,
  reach: Reach
): Evaluation {
  const applies: Applicable[] = [];
  const skipped = new Map<string, number[]>();
  const skip = (reason: string, id: number) => {
    const list = skipped.get(reason);
    if (list) list.push(id);
    else skipped.set(reason, [id]);
  };
  for (const id of ids) {
    const user = ctx.userById(id);
    if (!user) {
      skip(REASONS.notFound, id);
      continue;
    }
    const reason = ruleSkip(action, user, params, ctx, reach);
    if (reason) {
      skip(reason, id);
      continue;
    }
    const effect = action.effect(user, params, ctx);
    const changes = patchChanges(user, effect.patch);
    const doesSomething = changes.length > 0 || effect.remove || (effect.emails?.length ?? 0) > 0 || effect.transfer;
    if (!doesSomething) {
      skip(action.unchangedReason ?? 'Nothing to change', id);
      continue;
    }
    applies.push({ user, effect, changes });
  }
  return { applies, skipped };
}

/** Scope, the actor's own account, then the action's rule: why this user is skipped, or null. */
function ruleSkip<P>(action: ActionDef<P>, user: User, params: P, ctx: ActionContext, reach: Reach): string | null {
  return (
    scopeSkip(reach, user) ??
    (action.protectsActor && user.id === ctx.actorId ? REASONS.yourself : null) ??
    action.skipReason(user, params, ctx)
  );
}

/**
 * How many users the action's rule admits, without building effects: the "Choose an action…"
 * menu counts 23 actions over up to 100,000 users, so it skips the per-user patch and diff, and
 * judges each group of users of one shape once (rule-shape.ts).
 */
export function countApplicable<P>(action: ActionDef<P>, groups: readonly { user: User; count: number }[], params: P, ctx: ActionContext, reach: Reach): number {
  let n = 0;
  for (const g of groups) if (ruleSkip(action, g.user, params, ctx, reach) === null) n += g.count;
  return n;
}
