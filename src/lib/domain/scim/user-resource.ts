import { displayName } from '../user-fields';
import type { User } from '../user';
import { CORE_USER, ENTERPRISE_FIELDS, ENTERPRISE_USER, LIST_RESPONSE, type ScimNames } from './urns';

/**
 * A Muster user as a SCIM User resource (RFC 7643 §4.1 core + §4.3 enterprise extension).
 *
 * Mapping decisions:
 * - `id` is Muster's id as a string; `externalId` is left out: Muster keeps no identifier of
 *   another system, and repeating its own id there would claim one.
 * - `userName` is the email (Muster signs people in by email); `emails` holds that one address as
 *   the primary work email.
 * - `active` is true only for status `active`. Invited, expired, profile-only, inactive and
 *   deleted users cannot sign in, which is what SCIM's "administrative status" means to a directory.
 * - `userType` is left out: Muster's regular/directory says how a user signs in, SCIM's userType
 *   is the relationship to the organization (Employee, Contractor…). Neither fits the other.
 * - Enterprise extension: `department`; Muster's organization → `organization` (its name);
 *   Muster's company → `division` (its name). RFC 7643 §4.3 defines only organization, division,
 *   department, costCenter, employeeNumber and manager as free-text unit names; division is the
 *   one standard slot left for a second unit, and standard attributes survive a round trip
 *   through directories where a private extension schema would be dropped.
 * - Empty values are left out (RFC 7643 §2.5: unassigned and null are the same state); the
 *   extension and its URN appear only when it holds an attribute.
 * - `roles` carry role names as `value` (RFC 7643 §4.1.2 leaves the vocabulary open).
 * - `meta.location` is left out: there is no SCIM endpoint the resource could be fetched from.
 *   `meta.version` is a weak ETag of Muster's record version.
 * - Muster-only fields (password digest, sign-in counters, invitation, 2FA, flags, access expiry,
 *   account executive, managed organizations, owned content) are not SCIM attributes.
 */
export interface ScimUser {
  schemas: string[];
  id?: string;
  userName: string;
  name: { givenName: string; familyName: string; formatted: string };
  displayName: string;
  emails: { value: string; type: 'work'; primary: true }[];
  title?: string;
  timezone: string;
  active: boolean;
  roles: { value: string }[];
  [ENTERPRISE_USER]?: { department?: string; organization?: string; division?: string };
  meta?: { resourceType: 'User'; created: string; lastModified: string; version: string };
}

export interface ScimListResponse {
  schemas: [typeof LIST_RESPONSE];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: ScimUser[];
}

export type ResourceUser = Pick<
  User,
  'id' | 'email' | 'firstName' | 'lastName' | 'title' | 'department' | 'company' | 'organization' | 'timeZone' | 'status' | 'roles' | 'createdAt' | 'updatedAt' | 'version'
>;

/** The enterprise extension's attributes for a user, or null when it would be empty. */
export function enterpriseOf(u: Pick<User, 'department' | 'organization' | 'company'>, names: ScimNames) {
  const ext: NonNullable<ScimUser[typeof ENTERPRISE_USER]> = {};
  if (u.department) ext[ENTERPRISE_FIELDS.department] = u.department;
  if (u.organization) ext[ENTERPRISE_FIELDS.organization] = names.organization(u.organization);
  if (u.company) ext[ENTERPRISE_FIELDS.company] = names.company(u.company);
  return Object.keys(ext).length ? ext : null;
}

/** `meta` is for resources a service provider returns; a POST body leaves it (and `id`) out. */
export function toScimUser(u: ResourceUser, names: ScimNames, opts: { withServerAttributes?: boolean } = {}): ScimUser {
  const server = opts.withServerAttributes ?? true;
  const full = displayName(u);
  const ext = enterpriseOf(u, names);
  const resource: ScimUser = {
    schemas: ext ? [CORE_USER, ENTERPRISE_USER] : [CORE_USER],
    ...(server ? { id: String(u.id) } : {}),
    userName: u.email,
    name: { givenName: u.firstName, familyName: u.lastName, formatted: full },
    displayName: full,
    emails: [{ value: u.email, type: 'work', primary: true }],
    ...(u.title ? { title: u.title } : {}),
    timezone: u.timeZone,
    active: u.status === 'active',
    roles: u.roles.map((r) => ({ value: names.role(r) }))
  };
  if (ext) resource[ENTERPRISE_USER] = ext;
  if (server) resource.meta = { resourceType: 'User', created: u.createdAt, lastModified: u.updatedAt, version: `W/"${u.version}"` };
  return resource;
}

/** RFC 7644 §3.4.2: every user on one page, as GET /Users returns them. */
export function listResponse(users: readonly ResourceUser[], names: ScimNames): ScimListResponse {
  return {
    schemas: [LIST_RESPONSE],
    totalResults: users.length,
    startIndex: 1,
    itemsPerPage: users.length,
    Resources: users.map((u) => toScimUser(u, names))
  };
}
