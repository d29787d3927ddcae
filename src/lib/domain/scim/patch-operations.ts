import type { FieldChange } from '../changes';
import type { UserChange } from '../operations';
import { displayName } from '../user-fields';
import type { TrackedField } from '../user';
import { ENTERPRISE_FIELDS, enterprisePath, type ScimNames } from './urns';

/** One operation of a SCIM PATCH request (RFC 7644 §3.5.2). */
export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

/** Change-log fields with a place in the SCIM User resource (see user-resource.ts). */
export const SCIM_FIELDS = ['email', 'firstName', 'lastName', 'title', 'department', 'company', 'organization', 'timeZone', 'status', 'roles'] as const satisfies readonly TrackedField[];

/**
 * Change-log fields SCIM does not carry, left out of a BulkRequest: userType (not SCIM's
 * userType), the invitation, access expiry, account lock and failed sign-ins, 2FA, the forced
 * password change, the password digest (SCIM's `password` is write-only cleartext), managed
 * organizations, flagged fields, owned content, last sign-in, and the account executive (a
 * Muster role, not the enterprise extension's `manager`).
 */
export const MUSTER_ONLY_FIELDS = [
  'userType',
  'invitation',
  'accessExpiresAt',
  'locked',
  'failedSignIns',
  'twoFactor',
  'forcePasswordChange',
  'passwordHash',
  'managedOrganizations',
  'flaggedFields',
  'ownedContent',
  'lastSignInAt',
  'accountExecutive'
] as const satisfies readonly TrackedField[];

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const nameOr = (lookup: (id: string) => string, id: unknown) => (typeof id === 'string' && id ? lookup(id) : null);

/** The full name after the change, from the change log alone: `name` is displayName(before). */
function fullNameAfter(change: Pick<UserChange, 'name'>, first?: FieldChange, last?: FieldChange): string | null {
  if (!first && !last) return null;
  if (first && last) return displayName({ firstName: String(first.after), lastName: String(last.after) });
  if (first) {
    const prefix = `${String(first.before)} `;
    if (!change.name.startsWith(prefix)) return null;
    return displayName({ firstName: String(first.after), lastName: change.name.slice(prefix.length) });
  }
  const suffix = ` ${String(last!.before)}`;
  if (!change.name.endsWith(suffix)) return null;
  return displayName({ firstName: change.name.slice(0, -suffix.length), lastName: String(last!.after) });
}

/**
 * The PATCH operations for one user's changes: a path and value per changed field SCIM carries,
 * in change-log order. `add` where the attribute had no value, `remove` where it has none left,
 * `replace` otherwise. Values are names (organization, company, roles), never Muster's ids.
 */
export function patchOperations(change: Pick<UserChange, 'name' | 'changes'>, names: ScimNames): PatchOperation[] {
  const ops: PatchOperation[] = [];
  const set = (path: string, before: unknown, after: unknown) => {
    if (isEmpty(after)) {
      if (!isEmpty(before)) ops.push({ op: 'remove', path });
    } else ops.push({ op: isEmpty(before) ? 'add' : 'replace', path, value: after });
  };
  let first: FieldChange | undefined;
  let last: FieldChange | undefined;
  for (const c of change.changes) {
    switch (c.field) {
      case 'email':
        set('userName', c.before, c.after);
        ops.push({ op: 'replace', path: 'emails', value: [{ value: c.after, type: 'work', primary: true }] });
        break;
      case 'firstName':
        first = c;
        set('name.givenName', c.before, c.after);
        break;
      case 'lastName':
        last = c;
        set('name.familyName', c.before, c.after);
        break;
      case 'title':
        set('title', c.before, c.after);
        break;
      case 'department':
        set(enterprisePath(ENTERPRISE_FIELDS.department), c.before, c.after);
        break;
      case 'organization':
        set(enterprisePath(ENTERPRISE_FIELDS.organization), nameOr(names.organization, c.before), nameOr(names.organization, c.after));
        break;
      case 'company':
        set(enterprisePath(ENTERPRISE_FIELDS.company), nameOr(names.company, c.before), nameOr(names.company, c.after));
        break;
      case 'timeZone':
        set('timezone', c.before, c.after);
        break;
      case 'status':
        if ((c.before === 'active') !== (c.after === 'active')) ops.push({ op: 'replace', path: 'active', value: c.after === 'active' });
        break;
      case 'roles': {
        const roles = (v: unknown) => (Array.isArray(v) ? v.map((r) => ({ value: names.role(String(r)) })) : []);
        set('roles', roles(c.before), roles(c.after));
        break;
      }
    }
  }
  const full = fullNameAfter(change, first, last);
  if (full !== null) ops.push({ op: 'replace', path: 'displayName', value: full }, { op: 'replace', path: 'name.formatted', value: full });
  return ops;
}
