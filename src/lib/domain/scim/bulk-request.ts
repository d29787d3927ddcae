import type { Operation, UserChange } from '../operations';
import { patchOperations, type PatchOperation } from './patch-operations';
import { toScimUser, type ScimUser } from './user-resource';
import { BULK_REQUEST, PATCH_OP, type ScimNames } from './urns';

export interface ScimPatchRequest {
  schemas: [typeof PATCH_OP];
  Operations: PatchOperation[];
}

export type ScimBulkOperation =
  | { method: 'POST'; path: '/Users'; bulkId: string; data: ScimUser }
  | { method: 'PATCH'; path: string; data: ScimPatchRequest }
  | { method: 'DELETE'; path: string };

export interface ScimBulkRequest {
  schemas: [typeof BULK_REQUEST];
  failOnErrors: number;
  Operations: ScimBulkOperation[];
}

/**
 * A change report as a SCIM BulkRequest (RFC 7644 §3.7): one operation per user, in the report's
 * order. A created user is a POST of the full resource (without id and meta, which the receiving
 * service provider assigns; the bulkId names the Muster operation and user), a removed user a
 * DELETE, any other user a PATCH with a path and value per changed field SCIM carries. A user
 * whose changes are all Muster-only (see MUSTER_ONLY_FIELDS) has no operation.
 *
 * Paths are /Users/<Muster id>: they address users as Muster's own ListResponse exports them.
 * No `version` is sent: Muster's record versions are not the receiving service's ETags, and a
 * wrong one fails the operation (412). `failOnErrors: 1` stops at the first error.
 */
export function bulkRequest(op: Pick<Operation, 'id'>, log: readonly UserChange[], names: ScimNames): ScimBulkRequest {
  const Operations: ScimBulkOperation[] = [];
  for (const change of log) {
    const path = `/Users/${change.userId}`;
    if (change.snapshot?.kind === 'created') {
      const data = toScimUser(change.snapshot.user, names, { withServerAttributes: false });
      Operations.push({ method: 'POST', path: '/Users', bulkId: `op${op.id}-user${change.userId}`, data });
    } else if (change.snapshot?.kind === 'removed') {
      Operations.push({ method: 'DELETE', path });
    } else {
      const ops = patchOperations(change, names);
      if (ops.length) Operations.push({ method: 'PATCH', path, data: { schemas: [PATCH_OP], Operations: ops } });
    }
  }
  return { schemas: [BULK_REQUEST], failOnErrors: 1, Operations };
}
