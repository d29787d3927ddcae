import { IGNORED, ignored } from './reasons';
import type { ColumnRead } from './types';

/**
 * Google Workspace's users CSV: the Admin console's bulk update template ("Download blank CSV
 * template") and its user export share these headers; the export adds the [READ ONLY] columns.
 * Keys are the headers without their bracketed notes, normalised (header-text.ts).
 */
export const GOOGLE_UPLOAD_HEADERS = [
  'First Name [Required]',
  'Last Name [Required]',
  'Email Address [Required]',
  'Password [Required]',
  'Password Hash Function [UPLOAD ONLY]',
  'Org Unit Path [Required]',
  'New Primary Email [UPLOAD ONLY]',
  'Recovery Email',
  'Home Secondary Email',
  'Work Secondary Email',
  'Recovery Phone [MUST BE IN THE E.164 FORMAT]',
  'Work Phone',
  'Home Phone',
  'Mobile Phone',
  'Work Address',
  'Home Address',
  'Employee ID',
  'Employee Type',
  'Employee Title',
  'Manager Email',
  'Department',
  'Cost Center',
  'Building ID',
  'Floor Name',
  'Floor Section',
  'Change Password at Next Sign-In',
  'New Status [UPLOAD ONLY]',
  'Advanced Protection Program enrollment'
] as const;

export const GOOGLE_READ_ONLY_HEADERS = [
  'Last Sign In [READ ONLY]',
  'Email Usage [READ ONLY]',
  '2sv Enrolled [READ ONLY]',
  '2sv Enforced [READ ONLY]',
  'Status [READ ONLY]'
] as const;

export const ORG_UNIT_NOTE =
  'The last part of the path is the organization’s name (“/Sales/EMEA” is EMEA); “/”, the top-level unit, leaves the organization unchanged.';

const readOnly = (why: string): ColumnRead => ({ kind: 'ignored', reason: `Read only in Google Workspace: ${why}` });

export const GOOGLE_COLUMNS: Record<string, ColumnRead> = {
  firstname: { kind: 'field', header: 'first_name' },
  lastname: { kind: 'field', header: 'last_name' },
  emailaddress: { kind: 'field', header: 'email' },
  password: ignored(IGNORED.password),
  passwordhashfunction: ignored(`Tells Google how the passwords are hashed. ${IGNORED.password}`),
  orgunitpath: { kind: 'field', header: 'organization', convert: 'org-unit-path', note: ORG_UNIT_NOTE },
  newprimaryemail: ignored(IGNORED.rename),
  recoveryemail: ignored(IGNORED.otherEmail),
  homesecondaryemail: ignored(IGNORED.otherEmail),
  worksecondaryemail: ignored(IGNORED.otherEmail),
  recoveryphone: ignored(IGNORED.phone),
  workphone: ignored(IGNORED.phone),
  homephone: ignored(IGNORED.phone),
  mobilephone: ignored(IGNORED.phone),
  workaddress: ignored(IGNORED.address),
  homeaddress: ignored(IGNORED.address),
  employeeid: ignored(IGNORED.employeeId),
  employeetype: ignored('Google’s employee type is a free label, not Muster’s user type (regular or directory).'),
  employeetitle: { kind: 'field', header: 'title' },
  manageremail: ignored(IGNORED.manager),
  department: { kind: 'field', header: 'department' },
  costcenter: ignored(IGNORED.costCenter),
  buildingid: ignored('Muster has no buildings or desks.'),
  floorname: ignored('Muster has no buildings or desks.'),
  floorsection: ignored('Muster has no buildings or desks.'),
  changepasswordatnextsignin: { kind: 'state', state: 'google-change-password' },
  newstatus: { kind: 'state', state: 'google-new-status' },
  newlicenses: ignored(IGNORED.license),
  licenses: readOnly(IGNORED.license),
  advancedprotectionprogramenrollment: ignored('Muster has no Advanced Protection Program; its sign-in protection is two-step verification.'),
  lastsignin: readOnly('Muster keeps its own last sign-in.'),
  emailusage: readOnly('Muster has no mailboxes.'),
  '2svenrolled': readOnly('Muster keeps its own two-step verification state (reset it with the Reset 2FA action).'),
  '2svenforced': readOnly('Muster keeps its own two-step verification state.'),
  status: readOnly('change status with the New Status [UPLOAD ONLY] column, or with Muster’s bulk actions.')
};

/** Headers only Google's file has: with an email address column, any of these makes the file Google's. */
export const GOOGLE_MARKERS = new Set([
  'orgunitpath',
  'newstatus',
  'changepasswordatnextsignin',
  'employeetitle',
  'newprimaryemail',
  'passwordhashfunction',
  'homesecondaryemail',
  'worksecondaryemail',
  'advancedprotectionprogramenrollment',
  '2svenrolled',
  '2svenforced',
  'emailusage'
]);

/** A Google column not in the table above (a newer template, a custom attribute). */
export function googleFallback(readOnlyNote: boolean, uploadOnlyNote: boolean): ColumnRead | null {
  if (readOnlyNote) return readOnly('Muster has no such field.');
  if (uploadOnlyNote) return ignored('Only Google Workspace acts on this column; Muster has no such field.');
  return null;
}
