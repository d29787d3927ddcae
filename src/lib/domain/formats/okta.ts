import { IGNORED, ignored } from './reasons';
import type { ColumnRead } from './types';

/** Okta's user import CSV (Directory › People › More actions › Import users from CSV): its template's headers. */
export const OKTA_HEADERS = [
  'login',
  'firstName',
  'lastName',
  'middleName',
  'honorificPrefix',
  'honorificSuffix',
  'email',
  'title',
  'displayName',
  'nickName',
  'profileUrl',
  'secondEmail',
  'mobilePhone',
  'primaryPhone',
  'streetAddress',
  'city',
  'state',
  'zipCode',
  'countryCode',
  'postalAddress',
  'preferredLanguage',
  'locale',
  'timezone',
  'userType',
  'employeeNumber',
  'costCenter',
  'organization',
  'division',
  'department',
  'managerId',
  'manager'
] as const;


/** `login` fills email only when the file has no email column (recognise.ts). */
export const OKTA_LOGIN_REASON = 'Okta’s sign-in name; Muster matches users by the email column.';

export const OKTA_COLUMNS: Record<string, ColumnRead> = {
  login: { kind: 'field', header: 'email' },
  firstname: { kind: 'field', header: 'first_name' },
  lastname: { kind: 'field', header: 'last_name' },
  middlename: ignored('Muster keeps a first and a last name only.'),
  honorificprefix: ignored('Muster has no honorifics.'),
  honorificsuffix: ignored('Muster has no honorifics.'),
  email: { kind: 'field', header: 'email' },
  title: { kind: 'field', header: 'title' },
  displayname: ignored(IGNORED.displayNameSplit),
  nickname: ignored('Muster has no nicknames.'),
  profileurl: ignored('Muster has no profile links.'),
  secondemail: ignored(IGNORED.otherEmail),
  mobilephone: ignored(IGNORED.phone),
  primaryphone: ignored(IGNORED.phone),
  streetaddress: ignored(IGNORED.address),
  city: ignored(IGNORED.address),
  state: ignored(IGNORED.address),
  zipcode: ignored(IGNORED.address),
  countrycode: ignored(IGNORED.address),
  postaladdress: ignored(IGNORED.address),
  preferredlanguage: ignored(IGNORED.language),
  locale: ignored(IGNORED.language),
  timezone: { kind: 'field', header: 'time_zone' },
  usertype: ignored('Okta’s user type is a free label (such as Employee), not Muster’s user type (regular or directory).'),
  employeenumber: ignored(IGNORED.employeeId),
  costcenter: ignored(IGNORED.costCenter),
  organization: { kind: 'field', header: 'organization' },
  division: ignored('Muster has no divisions.'),
  department: { kind: 'field', header: 'department' },
  managerid: ignored(IGNORED.manager),
  manager: ignored(IGNORED.manager)
};
