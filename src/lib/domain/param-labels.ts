/**
 * Every operation parameter in words, as change reports show them (SPEC §6): a bulk action's
 * parameters, an upload's options, a revert, a clock tick. One word per parameter key whatever the
 * operation, so "Roles" reads the same for Add roles and Remove roles. Action field descriptors
 * (actions/form.ts) name their key from this table, so a key without words does not compile.
 * Zod-free on purpose: the page reads it.
 */

/** How a parameter's value reads: ids become names, days are formatted, counts grouped. */
export type ParamValueKind = 'role' | 'organization' | 'company' | 'field' | 'user' | 'report' | 'day' | 'count' | 'text' | 'plain';

export const PARAM_LABELS = {
  // Bulk actions (the keys of each action's form)
  roleId: { label: 'Role', value: 'role' },
  roleIds: { label: 'Roles', value: 'role' },
  organizationIds: { label: 'Organizations', value: 'organization' },
  mode: { label: 'Mode', value: 'plain' },
  fields: { label: 'Fields', value: 'field' },
  welcomeMessage: { label: 'Welcome message', value: 'text' },
  targetId: { label: 'Transfer to', value: 'user' },
  transferTo: { label: 'Content transferred to', value: 'user' },
  date: { label: 'Date', value: 'day' },
  company: { label: 'Company', value: 'company' },
  organization: { label: 'Organization', value: 'organization' },
  accountExecutive: { label: 'Account executive', value: 'user' },
  timeZone: { label: 'Time zone', value: 'plain' },
  // Uploads
  file: { label: 'File', value: 'plain' },
  rows: { label: 'Rows', value: 'count' },
  inviteNew: { label: 'Invite new users', value: 'plain' },
  reinvite: { label: 'Re-invite invited users', value: 'plain' },
  undelete: { label: 'Undelete matched deleted users', value: 'plain' },
  // Reverts and the clock
  report: { label: 'Reverts report', value: 'report' },
  from: { label: 'From', value: 'day' },
  to: { label: 'To', value: 'day' },
  invitationsExpired: { label: 'Invitations expired', value: 'count' },
  accessEnded: { label: 'Access ended', value: 'count' },
  // Sessions (acting administrator, plan) and single edits
  previous: { label: 'Before', value: 'plain' },
  next: { label: 'After', value: 'plain' },
  user: { label: 'User', value: 'plain' },
  invited: { label: 'Invited at once', value: 'plain' }
} as const satisfies Record<string, { label: string; value: ParamValueKind }>;

export type ParamKey = keyof typeof PARAM_LABELS;

/** The words and value kind of a parameter; an unknown key reads as itself. */
export function paramLabel(key: string): { label: string; value: ParamValueKind } {
  return (PARAM_LABELS as Record<string, { label: string; value: ParamValueKind }>)[key] ?? { label: key, value: 'plain' };
}
