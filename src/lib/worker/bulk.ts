import { getAction, type ActionDef, type Severity } from '../domain/actions';
import type { ActionContext } from '../domain/actions/types';
import { applyPatch } from '../domain/changes';
import { evaluate, type Evaluation } from '../domain/evaluate';
import { plural } from '../domain/format';
import { operationHeader, skipBook, userChange, type UserChange } from '../domain/operations';
import { reach, type Reach } from '../domain/permissions';
import { hasAdministrativeRole } from '../domain/roles';
import { displayName, type User } from '../domain/user';
import type { CommitPlan } from './commit';
import { fail, type Failure } from './failure';
import type { ChangeSummary } from './change-table';
import { gatePlan, type Gated } from './gate';
import { actionContext } from './context';
import { resolveSelection, type SelectedIds, type Selection } from './selection';
import type { Store } from './store';

export interface SkipSummary {
  reason: string;
  count: number;
  ids: number[];
}

export interface PreviewOk {
  ok: true;
  action: string;
  label: string;
  selected: number;
  applies: number;
  skipped: SkipSummary[];
  severity: Severity;
  emails: number;
  /** Facts worth a second look before confirming (users gaining admin rights…). */
  notes: string[];
  /** The preview's changed fields, kept in the engine to page and search (previewRows). */
  previewId: number;
  /** Each distinct change, in words, with how many users it happens to; most frequent first. */
  summary: ChangeSummary[];
  /** Changed fields over all users. */
  changes: number;
}

export type PreviewResult = PreviewOk | Failure;

export interface Prepared {
  action: ActionDef<unknown>;
  params: unknown;
  ctx: ActionContext;
  actor: User;
  reach: Reach;
}

/**
 * Checks action, parameters and that the actor may run it at all. Which users it may change, field
 * by field, is the write gate's to decide (gate.ts), for this path as for every other.
 */
export function prepare(store: Store, actionId: string, rawParams: unknown, actorId: number): Prepared | Failure {
  const action = getAction(actionId);
  if (!action) return fail('invalid', `Unknown action “${actionId}”.`);
  const actor = store.users.get(actorId);
  if (!actor) return fail('denied', 'The acting administrator is not in the directory.');
  const r = reach(actor, store.settings.plan, action.permission, store.roles);
  if (r.kind === 'none') return fail('denied', r.reason);
  const parsed = action.params.safeParse(rawParams ?? {});
  if (!parsed.success) return fail('invalid', parsed.error.issues.map((i) => i.message).join('; '));
  const ctx = actionContext(store, actorId);
  const problem = action.checkParams?.(parsed.data, ctx);
  if (problem) return fail('invalid', problem);
  return { action, params: parsed.data, ctx, actor, reach: r };
}

export function runEvaluation(store: Store, p: Prepared, selection: Selection): { ids: SelectedIds; ev: Evaluation } {
  const ids = resolveSelection(store, selection);
  return { ids, ev: evaluate(p.action, ids, p.params, p.ctx, p.reach) };
}

/** The preview of what apply will do: the evaluation as the write gate lets it through. */
export function summarise(p: Prepared, selected: number, ev: Evaluation, gated: Gated): PreviewHead {
  const skipped = gated.plan.skips.map(({ reason, ids }) => ({ reason, count: ids.length, ids }));
  return previewHead(p, selected, gated.plan.operation?.applied ?? 0, skipped, ev, gated);
}

export type PreviewHead = Omit<PreviewOk, 'previewId' | 'summary' | 'changes'>;

/** A preview's counts, skips and notes; `weight` says how many users each planned one stands for. */
export function previewHead(p: Prepared, selected: number, applies: number, skipped: SkipSummary[], ev: Evaluation, gated: Gated, weight = (_id: number) => 1): PreviewHead {
  skipped.sort((a, b) => b.count - a.count);
  let emails = 0;
  for (const e of gated.plan.emails) emails += weight(e.userId);
  let gainAdmin = 0;
  let adminWithoutOrgs = 0;
  for (const a of ev.applies) {
    if (gated.refused.has(a.user.id)) continue;
    const roles = a.effect.patch.roles;
    if (roles && hasAdministrativeRole(roles, p.ctx.roles)) {
      if (!hasAdministrativeRole(a.user.roles, p.ctx.roles)) gainAdmin += weight(a.user.id);
      if ((a.effect.patch.managedOrganizations ?? a.user.managedOrganizations).length === 0) adminWithoutOrgs += weight(a.user.id);
    }
  }
  const notes: string[] = [];
  const n = (k: number) => plural(k, 'user');
  if (gainAdmin) notes.push(`${n(gainAdmin)} will gain administrative permissions.`);
  if (adminWithoutOrgs)
    notes.push(`${n(adminWithoutOrgs)} will hold an administrative role without managing any organization; set organization management next.`);
  if (emails) notes.push(`${plural(emails, 'email')} will be sent.`);
  return {
    ok: true,
    action: p.action.id,
    label: p.action.label,
    selected,
    applies,
    skipped,
    severity: p.action.severity(p.params as never, p.ctx),
    emails,
    notes
  };
}

/** Turns an evaluation into the writes of one atomic commit, with its change report. */
export function planBulk(store: Store, p: Prepared, ev: Evaluation): CommitPlan {
  const now = p.ctx.now;
  const who = { source: 'admin' as const, actorId: p.actor.id };
  const users = new Map<number, User | null>();
  const changes: UserChange[] = [];
  const emails: CommitPlan['emails'] = [];
  const credits = new Map<number, number>();
  for (const { user, effect, changes: list } of ev.applies) {
    if (effect.remove) {
      users.set(user.id, null);
      changes.push(userChange(user, null, [], { kind: 'removed', user }));
    } else {
      const after = list.length ? applyPatch(user, effect.patch, now) : user;
      users.set(user.id, after);
      if (list.length) changes.push(userChange(user, after, list));
    }
    for (const e of effect.emails ?? []) emails.push({ ...e, userId: user.id, to: user.email, sentAt: now, token: token() });
  }
  // A new owner is credited only with the content of owners the policy lets go of it.
  const transfers = ev.applies.filter((a) => a.effect.transfer);
  const refusedOwners = transfers.length ? gatePlan(store, { who, users, changes: [], skips: [], emails: [], operation: null }).refused : null;
  const dependsOn = new Map<number, number>();
  for (const { user, effect } of transfers) {
    if (refusedOwners?.has(user.id)) continue;
    const to = effect.transfer!.toUserId;
    credits.set(to, (credits.get(to) ?? 0) + effect.transfer!.amount);
    dependsOn.set(user.id, to);
  }
  for (const [id, amount] of credits) {
    const target = store.users.get(id)!;
    const patch = { ownedContent: target.ownedContent + amount };
    const after = applyPatch(target, patch, now);
    users.set(id, after);
    changes.push(userChange(target, after, [{ field: 'ownedContent', before: target.ownedContent, after: patch.ownedContent }]));
  }
  const book = skipBook(ev.skipped);
  // Only users whose record really changes are rewritten.
  for (const [id, u] of users) if (u && u === store.users.get(id)) users.delete(id);

  return {
    who,
    users,
    sideEffects: new Set(credits.keys()),
    // Content moves whole: if the new owner may not be changed, its owners keep their content.
    dependsOn,
    operation: operationHeader({
      kind: 'bulk_action',
      action: p.action.id,
      label: p.action.label,
      actorId: p.actor.id,
      actorName: displayName(p.actor),
      at: now,
      params: (p.params ?? {}) as Record<string, unknown>,
      applied: ev.applies.length,
      skipped: book.skipped,
      skipReasons: book.skipReasons,
      emailsSent: emails.length,
      changedUsers: changes.length
    }),
    changes,
    skips: book.skips,
    emails
  };
}

export function token(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
