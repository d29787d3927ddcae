import { z } from 'zod';
import type { Company, Organization } from './directory';
import { isTimeZone } from './timezones';
import { userSchema, type FlaggableField, type User, type UserPatch } from './user';

export interface FieldUpdateContext {
  organizations: ReadonlyMap<string, Organization>;
  companies: ReadonlyMap<string, Company>;
  userById(id: number): User | undefined;
}

const REQUIRED = 'Fill this in to continue';

/**
 * Checks the values a user typed into the forced field update (SPEC §7): each flagged field must
 * hold a valid value under the same rules as everywhere else (the user schema), and — since the
 * administrator asked for it — must not be left empty. Returns the patch, or a message per field.
 */
export function checkFieldUpdate(
  user: User,
  values: Partial<Record<FlaggableField, unknown>>,
  ctx: FieldUpdateContext
): { ok: true; patch: UserPatch } | { ok: false; errors: Partial<Record<FlaggableField, string>> } {
  const errors: Partial<Record<FlaggableField, string>> = {};
  const patch: Record<string, unknown> = { flaggedFields: [] };
  for (const field of user.flaggedFields) {
    const raw = values[field];
    const text = typeof raw === 'string' ? raw.trim() : raw;
    if (text === undefined || text === null || text === '') {
      errors[field] = REQUIRED;
      continue;
    }
    const problem = check(field, text, user, ctx);
    if (problem) errors[field] = problem;
    else patch[field] = field === 'accountExecutive' ? Number(text) : text;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, patch: patch as UserPatch };
}

function check(field: FlaggableField, value: unknown, user: User, ctx: FieldUpdateContext): string | null {
  switch (field) {
    case 'company':
      return ctx.companies.has(String(value)) ? null : 'Choose a company from the list';
    case 'organization':
      return ctx.organizations.has(String(value)) ? null : 'Choose an organization from the list';
    case 'accountExecutive': {
      const ae = ctx.userById(Number(value));
      if (!ae || ae.status === 'deleted') return 'Choose a person from the list';
      return ae.id === user.id ? 'You cannot be your own account executive' : null;
    }
    case 'timeZone':
      return isTimeZone(String(value)) ? null : 'Choose a time zone from the list';
    default: {
      const rule = userSchema.shape[field] as z.ZodType;
      const res = rule.safeParse(value);
      return res.success ? null : capitalise(res.error.issues[0].message);
    }
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
