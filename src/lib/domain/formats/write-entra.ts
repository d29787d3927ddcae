import { csvDocument, csvLine } from '../csv/sanitize';
import type { User } from '../user';
import { displayName } from '../user-fields';
import { ENTRA_CREATE_HEADERS, ENTRA_VERSION_LINE } from './entra';
import { signInCell, type FormatNames } from './names';

type EntraHeader = (typeof ENTRA_CREATE_HEADERS)[number];

/**
 * Users as an Entra ID bulk create file (Users › Bulk operations › Bulk create): the
 * `version:v1.0` line, the template's header, then one row per user. The template's examples row
 * is not written (Entra asks for it to be replaced by real rows). Every cell goes through the CSV
 * sanitiser. Names are not needed: the create template has no company or organization column
 * (`_names` keeps the writers' signatures alike).
 */
export function writeEntraUsers(users: readonly User[], _names?: FormatNames): string {
  const body = csvDocument(
    [...ENTRA_CREATE_HEADERS],
    users.map((u) => ENTRA_CREATE_HEADERS.map((h) => entraCell(h, u)))
  );
  // csvDocument starts with the BOM; the version line goes between it and the header.
  return `\uFEFF${csvLine([ENTRA_VERSION_LINE])}\r\n${body.slice(1)}`;
}

function entraCell(h: EntraHeader, u: User): string {
  switch (h) {
    case 'Name [displayName] Required':
      return displayName(u);
    case 'User name [userPrincipalName] Required':
      return u.email;
    // Required, yet left blank: Muster holds no password it could hand over (only a salted digest
    // of a password the user chose). Entra refuses a row without one, so the administrator fills
    // this column (or lets a script generate passwords) before uploading.
    case 'Initial password [passwordProfile] Required':
      return '';
    case 'Block sign in (Yes/No) [accountEnabled] Required':
      return signInCell('entra-block-sign-in', u);
    case 'First name [givenName]':
      return u.firstName;
    case 'Last name [surname]':
      return u.lastName;
    case 'Job title [jobTitle]':
      return u.title;
    case 'Department [department]':
      return u.department;
    default:
      return '';
  }
}
