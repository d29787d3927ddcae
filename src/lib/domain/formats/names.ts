import type { User } from '../user';
import { stateCell } from './state';
import type { StateColumn } from './types';

/** Names for the ids a user record holds (csv/export.ts's `ExportNames` is one). */
export interface FormatNames {
  organization(id: string): string;
  company(id: string): string;
  role(id: string): string;
}

/**
 * A status column's value for a user. Only an active user can sign in; everyone else (profile
 * only, invited, expired, inactive, deleted) cannot, so the directory gets the blocked value:
 * Suspended, Block sign in Yes.
 */
export function signInCell(state: StateColumn, u: User): string {
  return stateCell(state, u.status === 'active' ? 'activate' : 'deactivate');
}
