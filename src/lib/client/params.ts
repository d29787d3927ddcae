import { FIELD_LABELS } from '../domain/user';
import { workspace } from '../state/workspace.svelte';
import { formatDay } from './format';

const LABELS: Record<string, string> = {
  roleId: 'Role',
  roleIds: 'Roles',
  organizationIds: 'Organizations',
  mode: 'Mode',
  fields: 'Fields',
  welcomeMessage: 'Welcome message',
  targetId: 'Transfer to',
  date: 'Date',
  company: 'Company',
  organization: 'Organization',
  accountExecutive: 'Account executive',
  timeZone: 'Time zone',
  file: 'File',
  rows: 'Rows',
  inviteNew: 'Invite new users',
  reinvite: 'Re-invite invited users',
  undelete: 'Undelete matched deleted users',
  report: 'Reverts report',
  from: 'From',
  to: 'To',
  invitationsExpired: 'Invitations expired',
  accessEnded: 'Access ended'
};

/** An operation's parameters as labelled words: role names, not ids; "Yes", not true. */
export function describeParams(params: Record<string, unknown>): { label: string; value: string }[] {
  return Object.entries(params).map(([key, v]) => ({ label: LABELS[key] ?? key, value: describe(key, v) }));
}

function describe(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return key === 'welcomeMessage' ? '(none)' : 'None';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.map((x) => describe(key.replace(/Ids$/, 'Id'), x)).join(', ');
  if (key === 'roleId') return workspace.roleName(String(v));
  if (key === 'organizationId' || key === 'organization') return workspace.orgName(String(v));
  if (key === 'company') return workspace.companyName(String(v));
  if (key === 'fields') return FIELD_LABELS[String(v)] ?? String(v);
  if (key === 'targetId' || key === 'accountExecutive') return `user #${v}`;
  if (key === 'report') return `#${v}`;
  if (key === 'from' || key === 'to' || key === 'date') return formatDay(String(v));
  if (key === 'rows' || key === 'invitationsExpired' || key === 'accessEnded') return Number(v).toLocaleString('en-US');
  return String(v);
}
