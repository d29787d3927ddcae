/**
 * SCIM 2.0 schema and message URNs (RFC 7643 §8.7, RFC 7644 §3.1), and the lookups every SCIM
 * writer and the filter need: Muster keeps ids for organizations, companies and roles, SCIM
 * carries their names.
 */
export const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** The display names of the ids a user record points at. Never hand back an id as a name. */
export interface ScimNames {
  organization(id: string): string;
  company(id: string): string;
  role(id: string): string;
}

/** Where Muster's fields live in SCIM (see user-resource.ts for the reasons). */
export const ENTERPRISE_FIELDS = {
  department: 'department',
  /** Muster's organization → the enterprise extension's `organization`. */
  organization: 'organization',
  /** Muster's company → the enterprise extension's `division` (documented in user-resource.ts). */
  company: 'division'
} as const;

/** A full enterprise attribute path, as PATCH paths and filters write it. */
export function enterprisePath(attr: string): string {
  return `${ENTERPRISE_USER}:${attr}`;
}
