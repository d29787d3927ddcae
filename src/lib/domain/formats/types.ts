/**
 * The vocabulary of other directories' CSV files (SPEC §5.8, issue 17): which format a header row
 * is, and what each of its columns means to Muster. Pure data, so it crosses from the engine's
 * worker to the page as it is.
 */

export const FORMAT_IDS = ['muster', 'google', 'entra-create', 'entra-invite', 'entra-delete', 'entra-download', 'okta', 'scim'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** How the preview names the file. */
export const FORMAT_LABELS: Record<FormatId, string> = {
  muster: 'Muster CSV',
  google: 'Google Workspace users file',
  'entra-create': 'Entra ID bulk create file',
  'entra-invite': 'Entra ID bulk invite file',
  'entra-delete': 'Entra ID bulk delete file',
  'entra-download': 'Entra ID users download',
  okta: 'Okta user import file',
  scim: 'SCIM 2.0 ListResponse (JSON)'
};

/**
 * What the rows of a file are for. `update`: rows create or update users, as Muster's own upload
 * does. `invite`: the file lists people to invite (Entra's bulk invite). `delete`: the file lists
 * users to delete (Entra's bulk delete); nothing is deleted unless the administrator chooses to.
 */
export type Purpose = 'update' | 'invite' | 'delete';

/** Muster's CSV columns (csv/columns.ts) a vendor column can fill. */
export type MusterHeader =
  | 'email'
  | 'first_name'
  | 'last_name'
  | 'title'
  | 'department'
  | 'company'
  | 'organization'
  | 'account_executive'
  | 'time_zone'
  | 'user_type'
  | 'roles'
  | 'access_expires'
  | 'status'
  | 'last_sign_in';

/** Columns whose cells stand for a bulk action rather than a field (state.ts reads them). */
export const STATE_COLUMNS = ['google-new-status', 'google-change-password', 'entra-block-sign-in', 'entra-account-enabled', 'scim-active'] as const;
export type StateColumn = (typeof STATE_COLUMNS)[number];

/** A cell that must be rewritten before Muster reads it: Google's "/Sales/EMEA" names the organization "EMEA". */
export type CellConversion = 'org-unit-path';

export type ColumnRead =
  /** The column fills a Muster column; `note` tells the administrator how its values are read. */
  | { kind: 'field'; header: MusterHeader; convert?: CellConversion; note?: string }
  /** The column's cells stand for bulk actions (Suspended → Deactivate…). */
  | { kind: 'state'; state: StateColumn }
  /**
   * The column is not read; `reason` says why, in a sentence for people. `unrecognised`: Muster
   * does not know the column (a decision for the administrator), rather than knowing it has no use.
   */
  | { kind: 'ignored'; reason: string; unrecognised?: true };

export interface RecognisedHeader {
  format: FormatId;
  label: string;
  purpose: Purpose;
  /** Index of the header record: 1 when Entra's `version:v1.0` line comes first, else 0. Rows follow it. */
  headerIndex: number;
  /** The header row as written. */
  headers: string[];
  /** One entry per header cell, in order. */
  columns: ColumnRead[];
  /** Why the file cannot be used as it is mapped (no email column), or null. */
  error: string | null;
}
