import { getAction, type ActionDef, type Severity } from '../domain/actions';
import type { ActionContext } from '../domain/actions/types';
import { applyPatch } from '../domain/changes';
import { evaluate, type Evaluation } from '../domain/evaluate';
import { userChange, type UserChange } from '../domain/operations';
import { reach, type Reach } from '../domain/permissions';
import { hasAdministrativeRole } from '../domain/roles';
import { displayName, type User } from '../domain/user';
import type { CommitPlan } from './commit';
import { actionContext } from './context';
import { resolveSelection, type Selection } from './selection';
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
}

export type Refusal = { ok: false; error: string; denied?: boolean };
export type PreviewResult = PreviewOk | Refusal;

interface Prepared {
  action: ActionDef<unknown>;
  params: unknown;
  ctx: ActionContext;
  actor: User;
  reach: Reach;
}

/** Checks action, parameters and permission — the engine's gate, whatever the UI showed. */
export function prepare(store: Store, actionId: string, rawParams: unknown, actorId: number): Prepared | Refusal {
  const action = getAction(actionId);
  if (!action) return { ok: false, error: `Unknown action “${actionId}”.` };
  const actor = store.users.get(actorId);
  if (!actor) return { ok: false, error: 'The acting administrator is not in the directory.', denied: true };
  const r = reach(actor, store.settings.plan, action.permission, store.roles);
  if (r.kind === 'none') return { ok: false, error: r.reason, denied: true };
  const parsed = action.params.safeParse(rawParams ?? {});
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join('; ') };
  const ctx = actionContext(store, actorId);
  const problem = action.checkParams?.(parsed.data, ctx);
  if (problem) return { ok: false, error: problem };
  return { action, params: parsed.data, ctx, actor, reach: r };
}

export function runEvaluation(store: Store, p: Prepared, selection: Selection): { ids: number[]; ev: Evaluation } {
  const ids = resolveSelection(store, selection);
  return { ids, ev: evaluate(p.action, ids, p.params, p.ctx, p.reach) };
}

export function summarise(p: Prepared, selected: number, ev: Evaluation): PreviewOk {
  const skipped = [...ev.skipped].map(([reason, ids]) => ({ reason, count: ids.length, ids }));
  skipped.sort((a, b) => b.count - a.count);
  let emails = 0;
  let gainAdmin = 0;
  let adminWithoutOrgs = 0;
  for (const a of ev.applies) {
    emails += a.effect.emails?.length ?? 0;
    const roles = a.effect.patch.roles;
    if (roles && hasAdministrativeRole(roles, p.ctx.roles)) {
      if (!hasAdministrativeRole(a.user.roles, p.ctx.roles)) gainAdmin++;
      if ((a.effect.patch.managedOrganizations ?? a.user.managedOrganizations).length === 0) adminWithoutOrgs++;
    }
  }
  const notes: string[] = [];
  const n = (k: number) => `${k.toLocaleString('en-US')} user${k === 1 ? '' : 's'}`;
  if (gainAdmin) notes.push(`${n(gainAdmin)} will gain administrative permissions.`);
  if (adminWithoutOrgs)
    notes.push(`${n(adminWithoutOrgs)} will hold an administrative role without managing any organization; set organization management next.`);
  if (emails) notes.push(`${emails.toLocaleString('en-US')} email${emails === 1 ? '' : 's'} will be sent.`);
  return {
    ok: true,
    action: p.action.id,
    label: p.action.label,
    selected,
    applies: ev.applies.length,
    skipped,
    severity: p.action.severity(p.params as never, p.ctx),
    emails,
    notes
  };
}

/** Turns an evaluation into the writes of one atomic commit, with its change report. */
export function planBulk(store: Store, p: Prepared, ev: Evaluation): CommitPlan {
  const now = p.ctx.now;
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
    if (effect.transfer) credits.set(effect.transfer.toUserId, (credits.get(effect.transfer.toUserId) ?? 0) + effect.transfer.amount);
    for (const e of effect.emails ?? []) emails.push({ ...e, userId: user.id, to: user.email, sentAt: now, token: token() });
  }
  for (const [id, amount] of credits) {
    const target = store.users.get(id)!;
    const patch = { ownedContent: target.ownedContent + amount };
    const after = applyPatch(target, patch, now);
    users.set(id, after);
    changes.push(userChange(target, after, [{ field: 'ownedContent', before: target.ownedContent, after: patch.ownedContent }]));
  }
  // Only users whose record really changes are rewritten.
  for (const [id, u] of users) if (u && u === store.users.get(id)) users.delete(id);

  return {
    users,
    operation: {
      kind: 'bulk_action',
      action: p.action.id,
      label: p.action.label,
      actorId: p.actor.id,
      actorName: displayName(p.actor),
      at: now,
      params: (p.params ?? {}) as Record<string, unknown>,
      applied: ev.applies.length,
      skipped: [...ev.skipped.values()].reduce((s, ids) => s + ids.length, 0),
      failed: 0,
      skipReasons: [...ev.skipped].map(([reason, ids]) => ({ reason, count: ids.length })),
      emailsSent: emails.length,
      changedUsers: changes.length,
      revertOf: null,
      revertedBy: null
    },
    changes,
    skips: [...ev.skipped].map(([reason, ids]) => ({ reason, ids })),
    emails
  };
}

export function token(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
