import { z } from 'zod';
import { BULK_REQUEST, CORE_USER, ENTERPRISE_USER, LIST_RESPONSE, PATCH_OP } from './urns';

/**
 * RFC 7643/7644 shapes, written from the RFCs, to check what Muster writes (tests) and what it
 * reads (uploads). Objects are loose: attributes Muster does not use (phoneNumbers, addresses,
 * x509Certificates, other extensions…) pass through untouched.
 */

const hasUrn = (urn: string) => (schemas: string[]) => schemas.some((s) => s.toLowerCase() === urn.toLowerCase());
/** `schemas` (RFC 7643 §3): a non-empty list of URIs that names the given one. */
const schemasWith = (urn: string) => z.array(z.string()).min(1).refine(hasUrn(urn), `must include ${urn}`);
const dateTime = z.iso.datetime({ offset: true });

/** A value of a multi-valued attribute (RFC 7643 §2.4): value, display, type, primary. */
const multiValue = z.looseObject({
  value: z.string().optional(),
  display: z.string().optional(),
  type: z.string().optional(),
  primary: z.boolean().optional()
});
const atMostOnePrimary = (values: { primary?: boolean }[] | undefined) => (values ?? []).filter((v) => v.primary === true).length <= 1;

export const enterpriseUserSchema = z.looseObject({
  employeeNumber: z.string().optional(),
  costCenter: z.string().optional(),
  organization: z.string().optional(),
  division: z.string().optional(),
  department: z.string().optional(),
  manager: z.looseObject({ value: z.string().optional(), $ref: z.string().optional(), displayName: z.string().optional() }).optional()
});

/** RFC 7643 §4.1 User. `id` is optional here: a POST body has none (tests check it on exports). */
export const scimUserSchema = z.looseObject({
  schemas: schemasWith(CORE_USER),
  id: z.string().min(1).optional(),
  externalId: z.string().optional(),
  userName: z.string().min(1, 'is required (RFC 7643 §4.1)'),
  name: z
    .looseObject({
      formatted: z.string().optional(),
      familyName: z.string().optional(),
      givenName: z.string().optional(),
      middleName: z.string().optional(),
      honorificPrefix: z.string().optional(),
      honorificSuffix: z.string().optional()
    })
    .optional(),
  displayName: z.string().optional(),
  nickName: z.string().optional(),
  title: z.string().optional(),
  userType: z.string().optional(),
  preferredLanguage: z.string().optional(),
  locale: z.string().optional(),
  timezone: z.string().optional(),
  active: z.boolean().optional(),
  emails: z.array(multiValue).refine(atMostOnePrimary, 'has more than one primary value').optional(),
  roles: z.array(multiValue).refine(atMostOnePrimary, 'has more than one primary value').optional(),
  [ENTERPRISE_USER]: enterpriseUserSchema.optional(),
  meta: z
    .looseObject({
      resourceType: z.string().optional(),
      created: dateTime.optional(),
      lastModified: dateTime.optional(),
      location: z.string().optional(),
      version: z.string().optional()
    })
    .optional()
});
export type ScimUserInput = z.infer<typeof scimUserSchema>;

/** RFC 7644 §3.4.2: Resources is required when totalResults is not zero; paging fields 1-based. */
export const listResponseSchema = z
  .looseObject({
    schemas: schemasWith(LIST_RESPONSE),
    totalResults: z.int().min(0),
    startIndex: z.int().min(1).optional(),
    itemsPerPage: z.int().min(0).optional(),
    Resources: z.array(z.unknown()).optional()
  })
  .refine((r) => r.totalResults === 0 || r.Resources !== undefined, { path: ['Resources'], message: 'is required when totalResults is not 0' });

/** RFC 7644 §3.5.2: op add/remove/replace (any case); remove needs a path, add and replace a value. */
export const patchOperationSchema = z
  .looseObject({
    op: z.string().refine((o) => ['add', 'remove', 'replace'].includes(o.toLowerCase()), 'must be add, remove or replace'),
    path: z.string().min(1).optional(),
    value: z.unknown().optional()
  })
  .superRefine((o, ctx) => {
    const op = o.op.toLowerCase();
    if (op === 'remove' && !o.path) ctx.addIssue({ code: 'custom', path: ['path'], message: 'is required for remove' });
    if (op !== 'remove' && o.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `is required for ${op}` });
    if (op !== 'remove' && !o.path && (typeof o.value !== 'object' || o.value === null || Array.isArray(o.value)))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be an object of attributes when there is no path' });
  });

export const patchRequestSchema = z.looseObject({
  schemas: schemasWith(PATCH_OP),
  Operations: z.array(patchOperationSchema).min(1)
});

/** RFC 7644 §3.7.1–3.7.3 BulkRequest operations, checked for /Users (the resources Muster writes). */
export const bulkOperationSchema = z
  .looseObject({
    method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
    bulkId: z.string().min(1).optional(),
    version: z.string().optional(),
    path: z.string().min(1),
    data: z.unknown().optional()
  })
  .superRefine((o, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (o.method === 'POST') {
      if (!o.bulkId) issue('bulkId', 'is required for POST');
      if (!/^\/[A-Za-z]+$/.test(o.path)) issue('path', 'must be a resource type endpoint such as /Users for POST');
    } else if (!/^\/[A-Za-z]+\/[^/]+$/.test(o.path)) issue('path', `must name one resource, e.g. /Users/<id>, for ${o.method}`);
    if (o.method === 'DELETE') {
      if (o.data !== undefined) issue('data', 'must be absent for DELETE');
      return;
    }
    if (o.data === undefined) return issue('data', `is required for ${o.method}`);
    const schema = o.method === 'PATCH' ? patchRequestSchema : scimUserSchema;
    const parsed = schema.safeParse(o.data);
    if (!parsed.success) for (const i of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['data', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: i.message });
  });

export const bulkRequestSchema = z
  .looseObject({
    schemas: schemasWith(BULK_REQUEST),
    failOnErrors: z.int().min(1).optional(),
    Operations: z.array(bulkOperationSchema)
  })
  .refine((r) => {
    const ids = r.Operations.flatMap((o) => (o.bulkId ? [o.bulkId] : []));
    return new Set(ids).size === ids.length;
  }, { path: ['Operations'], message: 'bulkId values must be unique within the request' });
