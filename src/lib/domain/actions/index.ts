import type { ActionDef } from './types';
import { activate, deactivate, deleteUser, undelete, removePermanently, transferOwnership } from './status';
import { invite, cancelInvitation, resendInvitation } from './invitations';
import { forcePasswordChange, cancelForcePasswordChange, resetPassword, resetTwoFactor, unlock } from './security';
import { setRole, addRoles, removeRoles, setOrganizationManagement } from './roles';
import { updateProfileFields, flagFields, clearFlaggedFields } from './profile';
import { expireAccess, setAccessExpiry } from './access';

/** Every bulk action of SPEC §3, in the order the "Choose an action…" menu shows them. */
export const ACTIONS = [
  activate,
  deactivate,
  deleteUser,
  undelete,
  removePermanently,
  transferOwnership,
  invite,
  cancelInvitation,
  resendInvitation,
  forcePasswordChange,
  cancelForcePasswordChange,
  resetPassword,
  resetTwoFactor,
  unlock,
  setRole,
  addRoles,
  removeRoles,
  setOrganizationManagement,
  updateProfileFields,
  expireAccess,
  setAccessExpiry,
  flagFields,
  clearFlaggedFields
] as unknown as readonly ActionDef<unknown>[];

export const ACTION_IDS = ACTIONS.map((a) => a.id);
const byId = new Map(ACTIONS.map((a) => [a.id, a]));

export function getAction(id: string): ActionDef<unknown> | undefined {
  return byId.get(id);
}

const schemaDefaults = new WeakMap<ActionDef<unknown>, unknown>();

/** The parameters the "Choose an action…" menu counts an action with (ActionDef.neutralParams). */
export function neutralParams(action: ActionDef<unknown>): unknown {
  if (action.neutralParams !== undefined) return action.neutralParams;
  if (!schemaDefaults.has(action)) {
    const parsed = action.params.safeParse({});
    schemaDefaults.set(action, parsed.success ? parsed.data : {});
  }
  return schemaDefaults.get(action);
}

export type { ActionDef, ActionContext, Effect, EmailDraft, Severity } from './types';
export type { FieldDescriptor } from './form';
export { REASONS } from './reasons';
