import { emailKey, isValidEmailKey, shownEmail } from './email';
import { isTimeZone } from './timezones';
import { MAX_NAME, MAX_TEXT, USER_TYPES, type User, type UserPatch, type UserType } from './user';

// One person edited or added by hand (SPEC §1 fields), checked as an upload row is checked: the
// same limits, known organizations and companies, an Account Executive who holds the role, a
// unique email by its matching key. Pure: the engine supplies the workspace's lists.

/** The fields an administrator edits on the user's page. */
export interface EditValues {
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  department: string;
  company: string | null;
  organization: string | null;
  accountExecutive: number | null;
  timeZone: string;
}

/** What the Add user form sets besides the editable fields. */
export interface NewUserValues extends EditValues {
  userType: UserType;
  roles: string[];
}

export const EDITABLE_FIELDS = ['firstName', 'lastName', 'email', 'title', 'department', 'company', 'organization', 'accountExecutive', 'timeZone'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface EditContext {
  organizations: ReadonlyMap<string, unknown>;
  companies: ReadonlyMap<string, unknown>;
  roles: ReadonlyMap<string, unknown>;
  userById(id: number): User | undefined;
  userByEmailKey(key: string): User | undefined;
}

export type FieldErrors = Partial<Record<EditableField | 'userType' | 'roles', string>>;
export type EditCheck = { ok: true; patch: UserPatch & { emailKey?: string } } | { ok: false; errors: FieldErrors };

/**
 * Checks the given fields of one user (`current` null: a new user, every field required as the
 * upload requires it of a new row). Returns the patch of what differs, or a message per field.
 */
export function checkEdit(current: User | null, values: Partial<NewUserValues>, ctx: EditContext): EditCheck {
  const errors: FieldErrors = {};
  const patch: UserPatch & { emailKey?: string } = {};
  const text = (field: 'firstName' | 'lastName' | 'title' | 'department', max: number, required: boolean) => {
    const v = values[field];
    if (v === undefined) return;
    const t = v.trim();
    if (required && !t) errors[field] = 'Fill this in.';
    else if (t.length > max) errors[field] = `Keep it to ${max} characters (this is ${t.length}).`;
    else patch[field] = t;
  };
  text('firstName', MAX_NAME, true);
  text('lastName', MAX_NAME, true);
  text('title', MAX_TEXT, false);
  text('department', MAX_TEXT, false);
  if (current === null) {
    if (values.firstName === undefined) errors.firstName = 'Fill this in.';
    if (values.lastName === undefined) errors.lastName = 'Fill this in.';
    if (values.email === undefined) errors.email = 'Fill this in.';
  }

  if (values.email !== undefined) {
    const key = emailKey(values.email);
    const holder = ctx.userByEmailKey(key);
    if (!key) errors.email = 'Fill this in.';
    else if (!isValidEmailKey(key)) errors.email = 'This is not an email address (name@example.com).';
    else if (holder && holder.id !== current?.id) errors.email = `${holder.firstName} ${holder.lastName} already has this email.`;
    else {
      patch.email = shownEmail(values.email.trim());
      patch.emailKey = key;
    }
  }
  if (values.company !== undefined) {
    if (values.company !== null && !ctx.companies.has(values.company)) errors.company = 'Choose a company from the list.';
    else patch.company = values.company;
  }
  if (values.organization !== undefined) {
    if (values.organization !== null && !ctx.organizations.has(values.organization)) errors.organization = 'Choose an organization from the list.';
    else patch.organization = values.organization;
  }
  if (values.accountExecutive !== undefined) {
    const ae = values.accountExecutive === null ? null : ctx.userById(values.accountExecutive);
    if (values.accountExecutive !== null && (!ae || ae.status === 'deleted')) errors.accountExecutive = 'Choose a person from the directory.';
    else if (ae && !ae.roles.includes('account_executive')) errors.accountExecutive = `${ae.firstName} ${ae.lastName} does not hold the Account Executive role.`;
    else patch.accountExecutive = values.accountExecutive;
  }
  if (values.timeZone !== undefined) {
    if (!isTimeZone(values.timeZone)) errors.timeZone = 'Choose a time zone from the list.';
    else patch.timeZone = values.timeZone;
  }
  if (values.userType !== undefined) {
    if (!USER_TYPES.includes(values.userType)) errors.userType = 'Choose Regular or Directory.';
    else patch.userType = values.userType;
  }
  if (values.roles !== undefined) {
    const unknown = values.roles.filter((r) => !ctx.roles.has(r));
    if (values.roles.length === 0) errors.roles = 'Choose at least one role.';
    else if (unknown.length) errors.roles = 'Choose roles from the list.';
    else patch.roles = [...new Set(values.roles)];
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (current) for (const k of Object.keys(patch) as (keyof typeof patch)[]) if (JSON.stringify(patch[k]) === JSON.stringify(current[k])) delete patch[k];
  return { ok: true, patch };
}
