import { isValidEmail } from '../email';
import { locateJsonError } from './json-error';
import { listResponseSchema, scimUserSchema, type ScimUserInput } from './schemas';
import { CORE_USER, ENTERPRISE_FIELDS, ENTERPRISE_USER, LIST_RESPONSE } from './urns';

/** The state column: 'true'/'false' from a resource's `active`, blank when it has none. */
export const SCIM_ACTIVE_COLUMN = 'scim_active';
/** Muster's own upload headers (csv/columns.ts), so the upload pipeline reads the records unchanged. */
export const SCIM_UPLOAD_HEADERS = ['email', 'first_name', 'last_name', 'title', 'department', 'company', 'organization', 'time_zone', 'roles', SCIM_ACTIVE_COLUMN];

export type ScimReadFailure = { ok: false; error: string; problems: string[]; line?: number; column?: number };
export type ScimReadResult = { ok: true; headers: string[]; records: string[][]; warning: string | null } | ScimReadFailure;

const MAX_PROBLEMS = 100;
const SHOWN = 5;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function failure(problems: string[], extra: { line?: number; column?: number } = {}): ScimReadFailure {
  const more = problems.length > SHOWN ? `\n…and ${problems.length - SHOWN} more` : '';
  return { ok: false, error: problems.slice(0, SHOWN).join('\n') + more, problems, ...extra };
}

/** `Resources[3].emails[0].value` from a prefix and a zod issue path. */
function where(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** The email: the primary one, else the first work one, else the first, else userName if it is one. */
function emailOf(r: ScimUserInput): string | null {
  const withValue = (r.emails ?? []).filter((e) => e.value);
  const pick = withValue.find((e) => e.primary === true) ?? withValue.find((e) => same(e.type ?? '', 'work')) ?? withValue[0];
  if (pick?.value) return pick.value;
  return isValidEmail(r.userName) ? r.userName : null;
}

function enterpriseOf(r: ScimUserInput): Record<string, unknown> {
  const key = ENTERPRISE_USER in r ? ENTERPRISE_USER : Object.keys(r).find((k) => same(k, ENTERPRISE_USER));
  const ext = key ? (r as Record<string, unknown>)[key] : undefined;
  return ext && typeof ext === 'object' ? (ext as Record<string, unknown>) : {};
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function record(r: ScimUserInput, email: string): string[] {
  const ext = enterpriseOf(r);
  const roles = (r.roles ?? []).map((x) => x.value ?? x.display ?? '').filter(Boolean);
  return [
    email,
    r.name?.givenName ?? '',
    r.name?.familyName ?? '',
    r.title ?? '',
    text(ext[ENTERPRISE_FIELDS.department]),
    text(ext[ENTERPRISE_FIELDS.company]),
    text(ext[ENTERPRISE_FIELDS.organization]),
    r.timezone ?? '',
    roles.join('; '),
    r.active === undefined ? '' : String(r.active)
  ];
}

/** The resources of a ListResponse, a bare array of Users, or one User, and how to name them. */
function resourcesOf(data: unknown): { ok: true; resources: unknown[]; prefix: (i: number) => string; warning: string | null } | ScimReadFailure {
  if (Array.isArray(data)) return { ok: true, resources: data, prefix: (i) => `[${i}]`, warning: null };
  if (!data || typeof data !== 'object') return failure(['The file holds JSON but not a SCIM ListResponse or User: expected an object or an array.']);
  const schemas = (data as { schemas?: unknown }).schemas;
  const urns = Array.isArray(schemas) ? schemas.filter((s): s is string => typeof s === 'string') : [];
  if (urns.some((s) => same(s, LIST_RESPONSE))) {
    const parsed = listResponseSchema.safeParse(data);
    if (!parsed.success) return failure(parsed.error.issues.slice(0, MAX_PROBLEMS).map((i) => `${where('', i.path)}: ${i.message}`));
    const list = parsed.data;
    const resources = list.Resources ?? [];
    const partial = list.totalResults > resources.length || (list.startIndex ?? 1) > 1;
    const warning = partial ? `This file holds ${resources.length} of ${list.totalResults} users: one page of the directory’s results.` : null;
    return { ok: true, resources, prefix: (i) => `Resources[${i}]`, warning };
  }
  if (urns.some((s) => same(s, CORE_USER))) return { ok: true, resources: [data], prefix: () => '', warning: null };
  const found = schemas === undefined ? 'schemas is missing' : `schemas is ${JSON.stringify(schemas)}`;
  return failure([`${found}: expected “${LIST_RESPONSE}” (a ListResponse, as GET /Users returns) or “${CORE_USER}” (one User).`]);
}

/**
 * A SCIM ListResponse JSON text (what GET /Users returns; also a bare array of User resources, or
 * one User) → Muster's upload headers and one record per resource, for the upload pipeline's
 * mapping, preview and atomic apply. Any problem fails the whole file and says where.
 * Name parts missing from a resource stay blank (a blank cell sets nothing on upload).
 */
export function readListResponse(input: string): ScimReadResult {
  const json = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (json.trim() === '') return failure(['The file is empty.']);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    const at = locateJsonError(json);
    if (!at) return failure([`The file is not valid JSON: ${(e as Error).message}`]);
    return failure([`The file is not valid JSON: line ${at.line}, column ${at.column} (position ${at.offset}): ${at.message}.`], { line: at.line, column: at.column });
  }
  const found = resourcesOf(data);
  if (!found.ok) return found;
  if (found.resources.length === 0) return failure(['The file holds no users.']);
  const problems: string[] = [];
  const records: string[][] = [];
  found.resources.forEach((raw, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const prefix = found.prefix(i);
    const parsed = scimUserSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where(prefix, issue.path) || 'the resource'}: ${issue.message}`);
      return;
    }
    const email = emailOf(parsed.data);
    if (email === null) {
      const hasEmails = (parsed.data.emails ?? []).length > 0;
      problems.push(hasEmails ? `${where(prefix, ['emails'])}: no primary or first email value` : `${prefix || 'the resource'}: no email address (no emails, and userName is not an email)`);
      return;
    }
    records.push(record(parsed.data, email));
  });
  if (problems.length) return failure(problems);
  return { ok: true, headers: [...SCIM_UPLOAD_HEADERS], records, warning: found.warning };
}
