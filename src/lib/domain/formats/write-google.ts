import { csvDocument } from '../csv/sanitize';
import type { User } from '../user';
import { GOOGLE_UPLOAD_HEADERS } from './google';
import { signInCell, type FormatNames } from './names';
import { stateCell } from './state';

type GoogleHeader = (typeof GOOGLE_UPLOAD_HEADERS)[number];

/**
 * Users as a Google Workspace bulk update file (Admin console › Users › Bulk update users): the
 * template's upload columns, read-only ones left out. Every cell goes through the CSV sanitiser.
 * Columns Muster has no data for are left blank: on an existing Google account a blank cell
 * changes nothing.
 */
export function writeGoogleUsers(users: readonly User[], names: FormatNames): string {
  return csvDocument(
    [...GOOGLE_UPLOAD_HEADERS],
    users.map((u) => GOOGLE_UPLOAD_HEADERS.map((h) => googleCell(h, u, names)))
  );
}

function googleCell(h: GoogleHeader, u: User, names: FormatNames): string {
  switch (h) {
    case 'First Name [Required]':
      return u.firstName;
    case 'Last Name [Required]':
      return u.lastName;
    case 'Email Address [Required]':
      return u.email;
    // Required for new Google accounts, yet left blank: Muster holds no password it could hand
    // over (only a salted digest of a password the user chose), and Google keeps an existing
    // account's password when the cell is blank. For new accounts, fill it in before uploading.
    case 'Password [Required]':
      return '';
    // "/Name": Muster's organizations are flat, one level under the top. No organization: "/",
    // the top-level unit.
    case 'Org Unit Path [Required]':
      return u.organization ? `/${names.organization(u.organization)}` : '/';
    case 'Employee Title':
      return u.title;
    case 'Department':
      return u.department;
    case 'Change Password at Next Sign-In':
      return stateCell('google-change-password', u.forcePasswordChange ? 'force_password_change' : 'cancel_force_password_change');
    case 'New Status [UPLOAD ONLY]':
      return signInCell('google-new-status', u);
    default:
      return '';
  }
}
