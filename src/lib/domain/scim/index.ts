/**
 * SCIM 2.0 (RFC 7643/7644) for Muster's engine: users out as a ListResponse, change reports out as
 * a BulkRequest, a ListResponse in as upload records, and SCIM filters for the search.
 * This entry point loads zod (schemas, the reader): import it from the engine's worker only. The
 * filter alone is zod-free: './filter' may be imported directly where zod must not go.
 */
export { BULK_REQUEST, CORE_USER, ENTERPRISE_USER, LIST_RESPONSE, PATCH_OP, type ScimNames } from './urns';
export { listResponse, toScimUser, type ResourceUser, type ScimListResponse, type ScimUser } from './user-resource';
export { bulkRequest, type ScimBulkOperation, type ScimBulkRequest, type ScimPatchRequest } from './bulk-request';
export { MUSTER_ONLY_FIELDS, SCIM_FIELDS, patchOperations, type PatchOperation } from './patch-operations';
export { bulkRequestSchema, listResponseSchema, patchRequestSchema, scimUserSchema } from './schemas';
export { readListResponse, SCIM_ACTIVE_COLUMN, SCIM_UPLOAD_HEADERS, type ScimReadResult } from './read-list-response';
export { parseScimFilter, type ScimFilter } from './filter';
export { FILTER_ATTRIBUTES } from './filter-attributes';
