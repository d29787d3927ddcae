import type { StateColumn } from './types';

/**
 * Cells that stand for a bulk action: Google's "New Status [UPLOAD ONLY]" (Active / Suspended)
 * and "Change Password at Next Sign-In" (TRUE / FALSE), Entra's "Block sign in (Yes/No)" and its
 * download's accountEnabled (True / False). The upload applies the action through the engine's
 * rules, so a row naming a user the action does not apply to is skipped with the action's reason
 * ("already active", "not active"…), as in a bulk action.
 */
export const STATE_ACTIONS = ['activate', 'deactivate', 'force_password_change', 'cancel_force_password_change'] as const;
export type StateAction = (typeof STATE_ACTIONS)[number];

/**
 * The actions' names as the bulk action menu says them, for the page (which does not load the
 * action definitions); a test holds them equal to the definitions' labels.
 */
export const ROW_ACTION_LABELS: Record<StateAction | 'delete' | 'invite', string> = {
  activate: 'Activate',
  deactivate: 'Deactivate',
  force_password_change: 'Force password change',
  cancel_force_password_change: 'Cancel force password change',
  delete: 'Delete',
  invite: 'Invite to activate account'
};

/** A cell's meaning: an action, nothing (a blank cell), or what is wrong with the value. */
export type StateOutcome = { action: StateAction } | { action: null } | { error: string };

interface StateRule {
  /** The values the directory writes, as it spells them, with the action each stands for. */
  values: readonly (readonly [string, StateAction])[];
}

export const STATE_RULES: Record<StateColumn, StateRule> = {
  'google-new-status': {
    values: [
      ['Active', 'activate'],
      ['Suspended', 'deactivate']
    ]
  },
  'google-change-password': {
    values: [
      ['TRUE', 'force_password_change'],
      ['FALSE', 'cancel_force_password_change']
    ]
  },
  // "Block sign in": Yes blocks, so Yes deactivates.
  'entra-block-sign-in': {
    values: [
      ['Yes', 'deactivate'],
      ['No', 'activate']
    ]
  },
  'entra-account-enabled': {
    values: [
      ['True', 'activate'],
      ['False', 'deactivate']
    ]
  },
  // A SCIM User's `active`, as the ListResponse reader writes it (scim/read-list-response.ts).
  'scim-active': {
    values: [
      ['true', 'activate'],
      ['false', 'deactivate']
    ]
  }
};

/**
 * Whether the user already is what the cell asks for: a directory writes "Suspended" for everyone
 * who cannot sign in (profile only, invited, inactive…), so such a row changes nothing and is not
 * reported as a skipped deactivation.
 */
export function alreadyInState(action: StateAction, u: { status: string; forcePasswordChange: boolean }): boolean {
  switch (action) {
    case 'activate':
      return u.status === 'active';
    case 'deactivate':
      return u.status !== 'active';
    case 'force_password_change':
      return u.forcePasswordChange;
    case 'cancel_force_password_change':
      return !u.forcePasswordChange;
  }
}

/** What one state cell asks for. Values are read ignoring case and surrounding spaces. */
export function stateAction(state: StateColumn, cell: string): StateOutcome {
  const v = cell.trim().toLowerCase();
  if (v === '') return { action: null };
  const { values } = STATE_RULES[state];
  const found = values.find(([written]) => written.toLowerCase() === v);
  if (found) return { action: found[1] };
  return { error: `must be “${values[0][0]}” or “${values[1][0]}”` };
}

/** The cell a writer puts for an action, as the directory spells it. */
export function stateCell(state: StateColumn, action: StateAction): string {
  const found = STATE_RULES[state].values.find(([, a]) => a === action);
  if (!found) throw new Error(`${state} has no value for ${action}`);
  return found[0];
}
