import { TRACKED_FIELDS, type TrackedField, type User, type UserPatch } from './user';

export interface FieldChange {
  field: TrackedField;
  before: unknown;
  after: unknown;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  // Lists (roles, organizations, flags) item by item: an upload compares them on every row.
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Each tracked field's place in TRACKED_FIELDS: changes are listed in that order. */
const PLACE: ReadonlyMap<string, number> = new Map(TRACKED_FIELDS.map((f, i) => [f, i]));

/**
 * The tracked fields a patch would really change on this user (equal values are not changes), in
 * TRACKED_FIELDS order. The patch's own keys are walked (a bulk action's patch has one or two),
 * not all 23 tracked fields: a preview asks this of every selected user.
 */
export function patchChanges(user: User, patch: UserPatch): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key in patch) {
    if (!PLACE.has(key)) continue;
    const field = key as TrackedField;
    const after = (patch as Record<string, unknown>)[field];
    if (after === undefined) continue;
    if (!same(user[field], after)) out.push({ field, before: user[field], after });
  }
  if (out.length > 1) out.sort((a, b) => PLACE.get(a.field)! - PLACE.get(b.field)!);
  return out;
}

/** The user after a patch, with bookkeeping advanced: version + 1, updatedAt = now. */
export function applyPatch(user: User, patch: UserPatch, now: string): User {
  return { ...user, ...patch, updatedAt: now, version: user.version + 1 };
}

export function sameValue(a: unknown, b: unknown): boolean {
  return same(a, b);
}
