import { describe, expect, it } from 'vitest';
import { stateAction, stateCell, STATE_ACTIONS } from './state';
import { STATE_COLUMNS } from './types';
import { ACTIONS } from '../actions';

describe('state cells as bulk actions', () => {
  it.each([
    ['google-new-status', 'Active', { action: 'activate' }],
    ['google-new-status', 'Suspended', { action: 'deactivate' }],
    ['google-new-status', ' suspended ', { action: 'deactivate' }],
    ['google-new-status', '', { action: null }],
    ['google-new-status', '   ', { action: null }],
    ['google-new-status', 'Archived', { error: 'must be “Active” or “Suspended”' }],
    ['google-change-password', 'TRUE', { action: 'force_password_change' }],
    ['google-change-password', 'True', { action: 'force_password_change' }],
    ['google-change-password', 'FALSE', { action: 'cancel_force_password_change' }],
    ['google-change-password', 'false', { action: 'cancel_force_password_change' }],
    ['google-change-password', 'Yes', { error: 'must be “TRUE” or “FALSE”' }],
    ['entra-block-sign-in', 'Yes', { action: 'deactivate' }],
    ['entra-block-sign-in', 'No', { action: 'activate' }],
    ['entra-block-sign-in', 'no', { action: 'activate' }],
    ['entra-block-sign-in', 'Maybe', { error: 'must be “Yes” or “No”' }],
    ['entra-block-sign-in', 'TRUE', { error: 'must be “Yes” or “No”' }],
    ['entra-account-enabled', 'True', { action: 'activate' }],
    ['entra-account-enabled', 'FALSE', { action: 'deactivate' }],
    ['entra-account-enabled', 'Disabled', { error: 'must be “True” or “False”' }],
    ['entra-account-enabled', '', { action: null }]
  ] as const)('%s %j → %j', (state, cell, expected) => {
    expect(stateAction(state, cell)).toEqual(expected);
  });

  it('every action named is one of Muster’s bulk actions', () => {
    const ids = new Set(ACTIONS.map((a) => a.id));
    for (const a of STATE_ACTIONS) expect(ids.has(a)).toBe(true);
  });

  it('the cell a writer puts reads back as the same action', () => {
    for (const state of STATE_COLUMNS)
      for (const action of STATE_ACTIONS) {
        let cell: string;
        try {
          cell = stateCell(state, action);
        } catch {
          continue;
        }
        expect(stateAction(state, cell)).toEqual({ action });
      }
  });
});

describe('the labels the page shows for row actions', () => {
  it('are the bulk actions’ own labels', async () => {
    const { getAction } = await import('../actions');
    const { ROW_ACTION_LABELS } = await import('./state');
    for (const [id, label] of Object.entries(ROW_ACTION_LABELS)) expect(getAction(id)?.label).toBe(label);
  });
});
