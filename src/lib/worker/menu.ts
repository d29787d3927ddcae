import { ACTIONS } from '../domain/actions';
import { countApplicable } from '../domain/evaluate';
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

const NEUTRAL: Record<string, unknown> = { transfer: { targetId: -1 }, remove_roles: { roleIds: [] } };
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
    // Parameterised actions are counted by their rule alone, with neutral parameters; the preview
    // then counts exactly, with the chosen parameters.
    const params = PARAMETERISED.has(action.id) ? NEUTRAL[action.id] ?? {} : action.params.parse({});
    return { ...base, applies: countApplicable(action, ids, params as never, ctx, r), disabled: null };
  });
}

function isEmptyParams(id: string): boolean {
  return !PARAMETERISED.has(id) && id !== 'invite' && id !== 'resend_invitation';
}
