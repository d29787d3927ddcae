import { IGNORED, ignored } from './reasons';
import type { ColumnRead, FormatId } from './types';

/**
 * Microsoft Entra ID's bulk operation files (Users › Bulk operations). The templates start with a
 * `version:v1.0` line, then headers written "Label [property] Required"; the users download has
 * bare property names. Columns are keyed by the property, normalised, so both forms meet.
 */
export const ENTRA_VERSION_LINE = 'version:v1.0';

export const ENTRA_CREATE_HEADERS = [
  'Name [displayName] Required',
  'User name [userPrincipalName] Required',
  'Initial password [passwordProfile] Required',
  'Block sign in (Yes/No) [accountEnabled] Required',
  'First name [givenName]',
  'Last name [surname]',
  'Job title [jobTitle]',
  'Department [department]',
  'Usage location [usageLocation]',
  'Street address [streetAddress]',
  'State or province [state]',
  'Country or region [country]',
  'Office [physicalDeliveryOfficeName]',
  'City [city]',
  'ZIP or postal code [postalCode]',
  'Office phone [telephoneNumber]',
  'Mobile phone [mobile]'
] as const;

export const ENTRA_INVITE_HEADERS = [
  'Email address to invite [inviteeEmail] Required',
  'Redirection url [inviteRedirectURL] Required',
  'Send invitation message (true or false) [sendEmail]',
  'Customized invitation message [customizedMessageBody]'
] as const;

export const ENTRA_DELETE_HEADERS = ['User name [userPrincipalName] Required'] as const;

/** The download's columns: Microsoft's documented list, with those newer downloads add. */
export const ENTRA_DOWNLOAD_HEADERS = [
  'userPrincipalName',
  'displayName',
  'surname',
  'mail',
  'givenName',
  'objectId',
  'userType',
  'jobTitle',
  'department',
  'accountEnabled',
  'usageLocation',
  'streetAddress',
  'state',
  'country',
  'physicalDeliveryOfficeName',
  'city',
  'postalCode',
  'telephoneNumber',
  'mobile',
  'authenticationAlternativePhoneNumber',
  'authenticationEmail',
  'alternateEmailAddress',
  'ageGroup',
  'consentProvidedForMinor',
  'legalAgeGroupClassification',
  'companyName',
  'creationType',
  'directorySynced',
  'invitationState',
  'identityIssuer',
  'createdDateTime'
] as const;

const readOnly = (why: string): ColumnRead => ignored(`Read only in Entra ID: ${why}`);
const AGE = 'Muster keeps no age or parental consent information.';

/** `displayname` and `accountenabled` depend on the file: see `entraColumn`. */
const ENTRA_COLUMNS: Record<string, ColumnRead> = {
  userprincipalname: { kind: 'field', header: 'email' },
  inviteeemail: { kind: 'field', header: 'email' },
  passwordprofile: ignored(IGNORED.password),
  givenname: { kind: 'field', header: 'first_name' },
  surname: { kind: 'field', header: 'last_name' },
  jobtitle: { kind: 'field', header: 'title' },
  department: { kind: 'field', header: 'department' },
  companyname: { kind: 'field', header: 'company' },
  usagelocation: ignored('Entra’s usage location is a country code for licenses; Muster has no country or licenses.'),
  streetaddress: ignored(IGNORED.address),
  state: ignored(IGNORED.address),
  country: ignored(IGNORED.address),
  physicaldeliveryofficename: ignored(IGNORED.address),
  city: ignored(IGNORED.address),
  postalcode: ignored(IGNORED.address),
  telephonenumber: ignored(IGNORED.phone),
  mobile: ignored(IGNORED.phone),
  authenticationalternativephonenumber: ignored(IGNORED.phone),
  mail: ignored('Entra’s mailbox address can differ from the sign-in name; Muster matches users by the user name (userPrincipalName).'),
  authenticationemail: ignored(IGNORED.otherEmail),
  alternateemailaddress: ignored(IGNORED.otherEmail),
  objectid: ignored('Entra’s own identifier; Muster matches users by email.'),
  usertype: ignored('Entra’s user type (Member or Guest) is not Muster’s user type (regular or directory).'),
  agegroup: ignored(AGE),
  consentprovidedforminor: ignored(AGE),
  legalagegroupclassification: ignored(AGE),
  creationtype: readOnly('how the account was created.'),
  directorysynced: readOnly('whether the account comes from an on-premises Active Directory.'),
  invitationstate: readOnly('Muster keeps its own invitation status.'),
  identityissuer: readOnly('the account’s identity provider.'),
  createddatetime: readOnly('Muster keeps its own creation date.'),
  inviteredirecturl: ignored('Where Entra sends a guest after accepting; Muster’s invitations lead to Muster.'),
  sendemail: ignored('Whether to send invitations is chosen once for the whole upload, in its options.'),
  customizedmessagebody: ignored('Muster’s welcome message is written once for the whole upload, in its options.')
};

/** The column for a key in an Entra file of the given kind; `keys` are all the file's keys. */
export function entraColumn(key: string, format: FormatId, keys: ReadonlySet<string>): ColumnRead | null {
  if (key === 'accountenabled') return { kind: 'state', state: format === 'entra-download' ? 'entra-account-enabled' : 'entra-block-sign-in' };
  if (key === 'displayname') return ignored(keys.has('givenname') && keys.has('surname') ? IGNORED.displayNameSplit : IGNORED.displayNameAlone);
  return ENTRA_COLUMNS[key] ?? null;
}

/**
 * Which Entra file a header row is, or null. `templateStyle`: the file has a version line, or a
 * header in the "Label [property]" form. A lone user name column is the delete template only
 * when written that way; a bare `userPrincipalName` column is a (cut) download.
 */
export function entraFormat(keys: ReadonlySet<string>, templateStyle: boolean): FormatId | null {
  if (keys.has('inviteeemail') || keys.has('inviteredirecturl')) return 'entra-invite';
  if (!keys.has('userprincipalname')) return null;
  if (keys.size === 1 && templateStyle) return 'entra-delete';
  return templateStyle || keys.has('passwordprofile') ? 'entra-create' : 'entra-download';
}
