import { getAction } from '../domain/actions';
import type { ActionContext, EmailDraft } from '../domain/actions/types';
import { applyPatch } from '../domain/changes';
import type { RowAction } from '../domain/csv/check-rows';
import { evaluate } from '../domain/evaluate';
import { reach } from '../domain/permissions';
import type { User } from '../domain/user';
import { actionContext } from './context';
import type { Store } from './store';

export interface StateOutcome {
  user: User;
  /** The actions that applied, by label ("Deactivate"). */
  applied: string[];
  /** The actions that did not, with the action's own reason ("Deactivate: Invited — …"). */
  skipped: { reason: string }[];
  /** What the actions send (an invitation). */
  emails: EmailDraft[];
}

/**
 * A row's state cells (Google's "New Status", Entra's "Block sign in", SCIM's `active`) applied as
 * the matching bulk actions would be: the acting administrator's reach for the action, the action's
 * own rule and effect. What it refuses is a skip with the action's reason, never silent.
 */
export function rowStateApplier(store: Store, actor: User, now: string, params: { welcomeMessage: string }) {
  const base = actionContext(store, actor.id);
  return (user: User, actions: readonly RowAction[] | undefined): StateOutcome => {
    const out: StateOutcome = { user, applied: [], skipped: [], emails: [] };
    for (const a of actions ?? []) {
      const action = getAction(a.action)!;
      const r = reach(actor, store.settings.plan, action.permission, store.roles);
      if (r.kind === 'none') {
        out.skipped.push({ reason: `${action.label}: ${r.reason}` });
        continue;
      }
      const current = out.user;
      const ctx: ActionContext = { ...base, now, userById: (id) => (id === current.id ? current : base.userById(id)) };
      // A file's invitations carry the upload's welcome message; a file's deletions move no content
      // (owners are skipped with Delete's own reason, as in a bulk action without a transfer).
      const ev = evaluate(action, [current.id], a.action === 'invite' ? params : {}, ctx, r);
      const done = ev.applies[0];
      if (done) {
        out.user = applyPatch(current, done.effect.patch, now);
        out.applied.push(action.label);
        out.emails.push(...(done.effect.emails ?? []));
      } else for (const reason of ev.skipped.keys()) out.skipped.push({ reason: `${action.label}: ${reason}` });
    }
    return out;
  };
}
