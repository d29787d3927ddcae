import type { ColumnRead } from './types';

/** Why a vendor's column is not read: sentences the upload preview shows beside the column. */
export const IGNORED = {
  password: 'Muster never reads passwords from a file: people choose their own when they accept an invitation.',
  phone: 'Muster has no phone numbers.',
  address: 'Muster has no postal addresses or offices.',
  otherEmail: 'Muster keeps one email per user: the one it matches users by.',
  manager: 'Muster has account executives, not managers: fill the account_executive column of a Muster CSV instead.',
  costCenter: 'Muster has no cost centers.',
  employeeId: 'Muster has no employee IDs.',
  license: 'Muster has no licenses.',
  rename: 'Renames the account in the directory; Muster matches users by email and does not rename them from a file.',
  displayNameSplit: 'Muster keeps first and last names apart and reads them from the First name and Last name columns, not from a display name.',
  displayNameAlone: 'Muster keeps first and last names apart and cannot split a display name reliably: add first and last name columns.',
  language: 'Muster has no language or locale setting.',
  duplicate: (n: number, header: string) => `Fills the same Muster field as column ${n} (${header}), which is read instead.`,
  blank: 'The column has no header.',
  unknown: (label: string) => `Not a column of the ${label}, and Muster has no field by that name.`
} as const;

/** A column Muster does not read, and why; `unrecognised` when it does not know the column at all. */
export const ignored = (reason: string, unrecognised = false): ColumnRead => (unrecognised ? { kind: 'ignored', reason, unrecognised } : { kind: 'ignored', reason });
