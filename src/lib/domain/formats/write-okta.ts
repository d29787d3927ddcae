import { csvDocument } from '../csv/sanitize';
import type { User } from '../user';
import { displayName } from '../user-fields';
import { OKTA_HEADERS } from './okta';
import type { FormatNames } from './names';

type OktaHeader = (typeof OKTA_HEADERS)[number];

/**
 * Users as an Okta user import CSV (Directory › People › Import users from CSV): the template's
 * columns, login and email both the user's email. Okta's file carries no status and no password:
 * Okta activates imported users as its import settings say. Every cell goes through the CSV
 * sanitiser.
 */
export function writeOktaUsers(users: readonly User[], names: FormatNames): string {
  return csvDocument(
    [...OKTA_HEADERS],
    users.map((u) => OKTA_HEADERS.map((h) => oktaCell(h, u, names)))
  );
}

function oktaCell(h: OktaHeader, u: User, names: FormatNames): string {
  switch (h) {
    case 'login':
    case 'email':
      return u.email;
    case 'firstName':
      return u.firstName;
    case 'lastName':
      return u.lastName;
    case 'displayName':
      return displayName(u);
    case 'title':
      return u.title;
    case 'department':
      return u.department;
    case 'organization':
      return u.organization ? names.organization(u.organization) : '';
    case 'timezone':
      return u.timeZone;
    default:
      return '';
  }
}
