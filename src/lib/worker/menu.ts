import { ACTIONS } from '../domain/actions';
import { evaluate } from '../domain/evaluate';
import { reach } from '../domain/permissions';
import { actionContext } from './context';
import { resolveSelection, type Selection } from './selection';
import type { Store } from './store';

export interface MenuItem {
  id: string;
  label: string;
  description: string;
  family: string;
  /** How many selected users the action would change (parameters aside). */
  applies: number | null;
  /** Why the acting administrator may not run it, when they may not. */
  disabled: string | null;
  hasParams: boolean;
}

// Actions whose eligibility depends on parameters are counted by their parameter-free rule only.
const PARAMETERISED = new Set(['transfer', 'set_role', 'add_roles', 'remove_roles', 'set_org_management', 'update_profile', 'set_access_expiry', 'flag_fields']);

/** The "Choose an action…" menu: every action, how many selected users it applies to, or why not. */
export function actionMenu(store: Store, selection: Selection, actorId: number): MenuItem[] {
  const ids = resolveSelection(store, selection);
  const actor = store.users.get(actorId);
  const ctx = actionContext(store, actorId);
  return ACTIONS.map((action) => {
    const base = { id: action.id, label: action.label, description: action.description, family: action.family, hasParams: !isEmptyParams(action.id) };
    const r = actor ? reach(actor, store.settings.plan, action.permission, store.roles) : { kind: 'none' as const, reason: 'No acting administrator.' };
    if (r.kind === 'none') return { ...base, applies: null, disabled: r.reason };
    if (PARAMETERISED.has(action.id)) {
      // Count with a rule that ignores parameters: in scope, not the actor where protected, eligible status.
      const probe = { ...action, effect: () => ({ patch: {}, emails: [{ kind: 'invitation' as const, subject: '', body: '' }] }) };
      const params = action.id === 'transfer' ? { targetId: -1 } : action.id === 'remove_roles' ? { roleIds: [] } : {};
      return { ...base, applies: evaluate(probe, ids, params as never, ctx, r).applies.length, disabled: null };
    }
    const params = action.params.parse({});
    return { ...base, applies: evaluate(action, ids, params, ctx, r).applies.length, disabled: null };
  });
}

function isEmptyParams(id: string): boolean {
  return !PARAMETERISED.has(id) && id !== 'invite' && id !== 'resend_invitation';
}
