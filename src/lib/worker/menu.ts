import { ACTIONS, neutralParams } from '../domain/actions';
import type { FieldDescriptor, Remedy } from '../domain/actions/form';
import { countApplicable } from '../domain/evaluate';
import { reach } from '../domain/permissions';
import { actionContext } from './context';
import { resolveSelection, type Selection } from './selection';
import { groupByShape } from './shape-groups';
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
  /** The action asks for parameters before its preview (its form has fields). */
  hasParams: boolean;
  /** The action's parameter form as plain data, from its definition: the dialog renders it. */
  form: readonly FieldDescriptor[];
  /** Ways past skip reasons the preview offers, from the definition. */
  remedies: readonly Remedy[];
}

/** The "Choose an action…" menu: every action, how many selected users it applies to, or why not. */
export function actionMenu(store: Store, selection: Selection, actorId: number): MenuItem[] {
  const ids = resolveSelection(store, selection);
  const actor = store.users.get(actorId);
  const ctx = actionContext(store, actorId);
  const reaches = new Map(ACTIONS.map((a) => [a.id, actor ? reach(actor, store.settings.plan, a.permission, store.roles) : null]));
  const scoped = [...reaches.values()].some((r) => r?.kind === 'managed');
  const { firsts, sizes } = groupByShape(store, ids, { actorId, scoped });
  const groups = firsts.flatMap((id, g) => {
    const user = store.users.get(id);
    return user ? [{ user, count: sizes[g] }] : [];
  });
  return ACTIONS.map((action) => {
    const form = action.form ?? [];
    const base = { id: action.id, label: action.label, description: action.description, family: action.family, hasParams: form.length > 0, form, remedies: action.remedies ?? [] };
    const r = reaches.get(action.id) ?? { kind: 'none' as const, reason: 'No acting administrator.' };
    if (r.kind === 'none') return { ...base, applies: null, disabled: r.reason };
    // Counted by the action's rule with neutral parameters; the preview then counts exactly, with
    // the chosen parameters.
    return { ...base, applies: countApplicable(action, groups, neutralParams(action), ctx, r), disabled: null };
  });
}
