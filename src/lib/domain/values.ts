import { FIELD_LABELS, STATUS_LABELS, TYPE_LABELS, type TwoFactor, type UserStatus, type UserType } from '../domain/user-fields';
import { count, formatDate, formatDateTime } from '../domain/format';

/**
 * A user's field values in words, wherever people read them: the user's page and history, previews,
 * reports and their CSV. Role, organization and company names, a person's name or email, days and
 * times through the one formatter. Zod-free, so the page imports it as well as the engine.
 */
export interface Names {
  role(id: string): string;
  organization(id: string): string;
  company(id: string): string;
  /** A person referred to by id (an account executive), by name. */
  user(id: number): string;
}

export const TWO_FACTOR_LABELS: Record<TwoFactor, string> = {
  none: 'Not enrolled',
  enrolled: 'Enrolled',
  reset: 'Reset — enrols again at next sign-in'
};

interface Invitation {
  sentAt: string;
  expiresAt: string;
  welcomeMessage: string;
  timesSent: number;
}

/** A field's value as people read it; '—' when empty. Never an id, never the password digest. */
export function describeValue(field: string, v: unknown, names: Names): string {
  if (field === 'passwordHash') return v ? 'Set' : 'Not set';
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    const name =
      field === 'roles' ? names.role : field === 'managedOrganizations' ? names.organization : field === 'flaggedFields' ? (f: string) => FIELD_LABELS[f] ?? f : String;
    return v.map((x) => name(String(x))).join(', ');
  }
  switch (field) {
    case 'organization':
      return names.organization(String(v));
    case 'company':
      return names.company(String(v));
    case 'accountExecutive':
      return names.user(Number(v));
    case 'status':
      return STATUS_LABELS[v as UserStatus] ?? String(v);
    case 'userType':
      return TYPE_LABELS[v as UserType] ?? String(v);
    case 'twoFactor':
      return TWO_FACTOR_LABELS[v as TwoFactor] ?? String(v);
    case 'accessExpiresAt':
      return formatDate(String(v));
    case 'lastSignInAt':
      return formatDateTime(String(v));
    case 'failedSignIns':
    case 'ownedContent':
      return count(Number(v));
    case 'invitation': {
      const i = v as Invitation;
      return `Sent ${formatDateTime(i.sentAt)}, expires ${formatDate(i.expiresAt)} (sent ${count(i.timesSent)}×)`;
    }
    default:
      return String(v);
  }
}

/** The ids of people a list of changes refers to (account executives), to look their names up. */
export function userIdsIn(changes: { field: string; before: unknown; after: unknown }[]): number[] {
  const ids = new Set<number>();
  for (const c of changes)
    if (c.field === 'accountExecutive') for (const v of [c.before, c.after]) if (typeof v === 'number') ids.add(v);
  return [...ids];
}
