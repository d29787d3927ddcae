import { evaluate } from '../domain/evaluate';
import { skipTo, type UserChange } from '../domain/operations';
import { reach } from '../domain/permissions';
import { rowCount, rowField, type Names } from '../domain/report-rows';
import { ALL_PERMISSIONS } from '../domain/roles';
import { displayName, type TrackedField } from '../domain/user';
import { planBulk, previewHead, summarise, type Prepared, type PreviewOk } from './bulk';
import { summarizeChanges, type ChangeLog } from './change-table';
import { gatePlan } from './gate';
import { groupByShape } from './shape-groups';
import type { Store } from './store';

/** A preview before it is kept for paging: its change log goes to the preview tables. */
export type PreviewBody = Omit<PreviewOk, 'previewId'> & { log: readonly UserChange[] | ChangeLog };

/** Says each of a preview's four steps as it starts. */
export type Step = (done: number, phase: string) => void;

/** The steps of a preview, for its progress. */
export const PREVIEW_STEPS = 4;

/** Every selected user judged, planned and gated on their own: exactly what apply does. */
export function planEach(store: Store, p: Prepared, ids: ArrayLike<number>, step: Step = () => {}) {
  step(0, 'Checking who it applies to');
  const ev = evaluate(p.action, ids as readonly number[], p.params, p.ctx, p.reach);
  step(1, 'Planning each user’s changes');
  const planned = planBulk(store, p, ev);
  step(2, 'Checking what you may change');
  const gated = gatePlan(store, planned);
  step(3, 'Summarising the changes');
  return { ev, gated };
}

/** What apply will do to the selected users: counts, skips with reasons, each change in words. */
export function previewBody(store: Store, p: Prepared, ids: ArrayLike<number>, names: Names, step: Step = () => {}): PreviewBody {
  const fields = p.action.shapeFields?.(p.params);
  return fields ? previewByShape(store, p, ids, fields, names, step) : previewEach(store, p, ids, names, step);
}

/** The preview judged user by user. */
export function previewEach(store: Store, p: Prepared, ids: ArrayLike<number>, names: Names, step: Step = () => {}): PreviewBody {
  const { ev, gated } = planEach(store, p, ids, step);
  const log = gated.plan.changes;
  return { ...summarise(p, ids.length, ev, gated), ...summarizeChanges(log, names), log };
}

/**
 * The preview judged once per group of users that the action, its parameters and the write gate
 * cannot tell apart (shape-groups.ts, with the fields the action declares): 60,000 selected users
 * are a few thousand judgements through the same evaluate, plan and gate as apply, and each user
 * then takes their group's outcome, in selection order. bulk-preview.property.test.ts compares it
 * with judging each user.
 */
export function previewByShape(store: Store, p: Prepared, ids: ArrayLike<number>, fields: readonly TrackedField[], names: Names, step: Step = () => {}): PreviewBody {
  step(0, 'Checking who it applies to');
  const { ctx } = p;
  const actor = store.users.get(ctx.actorId);
  // An Operations Manager's reach depends on each user's organization.
  const scoped = !!actor && ALL_PERMISSIONS.some((perm) => reach(actor, store.settings.plan, perm, store.roles).kind === 'managed');
  const { group, firsts: reps, sizes } = groupByShape(store, ids, { actorId: ctx.actorId, scoped, fields, alone: userIdsIn(p.params) });

  step(1, 'Planning each user’s changes');
  const ev = evaluate(p.action, reps, p.params, ctx, p.reach);
  const planned = planBulk(store, p, ev);
  step(2, 'Checking what you may change');
  // Active Administrators are judged alone (the last-administrator rule refuses the last losses in
  // order); of the others it asks only whether anyone gains the role, which one of a group answers.
  const gated = gatePlan(store, planned);
  step(3, 'Summarising the changes');

  // Each group's outcome: skipped by the rule, refused by the gate, or its change (none: no field).
  const groupOf = new Map(reps.map((id, g) => [id, g]));
  const skippedAs: (string | undefined)[] = [];
  const refusedAs: (string | undefined)[] = [];
  const changeOf: (UserChange | undefined)[] = [];
  for (const [reason, list] of ev.skipped) for (const id of list) skippedAs[groupOf.get(id)!] = reason;
  for (const [id, reason] of gated.refused) refusedAs[groupOf.get(id)!] = reason;
  for (const c of gated.plan.changes) changeOf[groupOf.get(c.userId)!] = c;

  // Reasons in the order the per-user plan lists them: the rule's, then the gate's.
  const ruleSkips = new Map<string, number[]>();
  const gateSkips = new Map<string, number[]>();
  for (const reason of gated.refused.values()) if (!gateSkips.has(reason)) gateSkips.set(reason, []);
  // Each logged user's id and group, in typed arrays: 60,000 pushes were most of this loop.
  const logIds = new Int32Array(ids.length);
  const logGroups = new Int32Array(ids.length);
  let logLength = 0;
  const logged = new Int32Array(reps.length);
  let applies = 0;
  for (let i = 0; i < ids.length; i++) {
    const g = group[i];
    const skipped = skippedAs[g];
    if (skipped !== undefined) {
      skipTo(ruleSkips, skipped, ids[i]);
      continue;
    }
    const refused = refusedAs[g];
    if (refused !== undefined) {
      gateSkips.get(refused)!.push(ids[i]);
      continue;
    }
    applies++;
    const c = changeOf[g];
    if (c) {
      logIds[logLength] = ids[i];
      logGroups[logLength++] = g;
      logged[g]++;
    }
  }
  const skipped = [...ruleSkips, ...gateSkips].filter(([, list]) => list.length > 0).map(([reason, list]) => ({ reason, count: list.length, ids: list }));
  const weights = new Map(reps.map((id, g) => [id, sizes[g]]));
  const weight = (id: number) => weights.get(id) ?? 1;
  // Users of one group had the same old values: each takes the group's field changes.
  const log: ChangeLog = {
    length: logLength,
    entry(i) {
      const u = store.users.get(logIds[i]);
      const who = u ? { email: u.email, name: displayName(u), version: u.version + 1 } : { email: '', name: 'a user no longer in the directory' };
      return { userId: logIds[i], ...who, changes: changeOf[logGroups[i]]!.changes };
    },
    parts: (i) => changeOf[logGroups[i]]!,
    fieldCounts() {
      const counts = new Map<string, number>();
      changeOf.forEach((c, g) => {
        if (c && logged[g] > 0) for (let k = 0; k < rowCount(c); k++) counts.set(rowField(c, k), (counts.get(rowField(c, k)) ?? 0) + logged[g]);
      });
      return counts;
    }
  };
  return {
    ...previewHead(p, ids.length, applies, skipped, ev, gated, weight),
    ...summarizeChanges(gated.plan.changes, names, undefined, (c) => weight(c.userId)),
    log
  };
}

/** Every number the parameters hold: the users they name (a transfer's target, an account executive). */
function userIdsIn(params: unknown, into = new Set<number>()): Set<number> {
  if (typeof params === 'number') into.add(params);
  else if (Array.isArray(params)) for (const v of params) userIdsIn(v, into);
  else if (params && typeof params === 'object') for (const v of Object.values(params)) userIdsIn(v, into);
  return into;
}
