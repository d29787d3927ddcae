import { z } from 'zod';
import { FLAGGABLE_FIELDS, type User, type UserPatch } from '../user';
import { ROLE_IDS } from '../roles';
import { isTimeZone } from '../timezones';
import { byShape, defineAction, normal, type ActionContext } from './types';
import { REASONS } from './reasons';

const notDeleted = (u: User) => (u.status === 'deleted' ? REASONS.deleted : null);

/** Each field: undefined leaves it alone, null clears it, a value sets it. */
const profileParams = z
  .object({
    company: z.string().min(1).nullable().optional(),
    organization: z.string().min(1).nullable().optional(),
    accountExecutive: z.int().positive().nullable().optional(),
    timeZone: z.string().min(1).optional()
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Choose at least one field to change' });
type ProfileParams = z.infer<typeof profileParams>;

function checkProfileParams(p: ProfileParams, ctx: ActionContext): string | null {
  if (p.company && !ctx.companies.has(p.company)) return `Unknown company: ${p.company}`;
  if (p.organization && !ctx.organizations.has(p.organization)) return `Unknown organization: ${p.organization}`;
  if (p.timeZone !== undefined && !isTimeZone(p.timeZone)) return `Unknown time zone: ${p.timeZone}`;
  if (p.accountExecutive) {
    const ae = ctx.userById(p.accountExecutive);
    if (!ae || ae.status === 'deleted') return 'The chosen account executive is not in the directory.';
    if (!ae.roles.includes(ROLE_IDS.accountExecutive)) return `${ae.email} does not hold the Account Executive role.`;
  }
  return null;
}

/** The fields the parameters set: a user's old value of each is what the preview shows changing. */
const changedProfileFields = (p: ProfileParams) => (['company', 'organization', 'accountExecutive', 'timeZone'] as const).filter((f) => p[f] !== undefined);

export const updateProfileFields = defineAction({
  id: 'update_profile',
  label: 'Update profile fields',
  description: 'Sets company, organization, account executive or time zone for every user.',
  family: 'profile',
  permission: 'users.profile',
  params: profileParams,
  form: [
    { kind: 'company', key: 'company', label: 'Company', optional: true, clearable: true },
    { kind: 'organization', key: 'organization', label: 'Organization', optional: true, clearable: true },
    {
      kind: 'user',
      key: 'accountExecutive',
      label: 'Account executive',
      optional: true,
      clearable: true,
      rule: { status: 'active', role: ROLE_IDS.accountExecutive, description: 'An active user holding the Account Executive role.' }
    },
    { kind: 'time-zone', key: 'timeZone', label: 'Time zone', optional: true }
  ],
  severity: normal,
  checkParams: checkProfileParams,
  unchangedReason: 'Already has these values',
  skipReason(u, p) {
    const deleted = notDeleted(u);
    if (deleted) return deleted;
    if (p.accountExecutive && p.accountExecutive === u.id) return 'Cannot be their own account executive';
    return null;
  },
  shapeFields: changedProfileFields,
  effect(_u, p) {
    const patch: UserPatch = {};
    if (p.company !== undefined) patch.company = p.company;
    if (p.organization !== undefined) patch.organization = p.organization;
    if (p.accountExecutive !== undefined) patch.accountExecutive = p.accountExecutive;
    if (p.timeZone !== undefined) patch.timeZone = p.timeZone;
    return { patch };
  }
});

export const flagFields = defineAction({
  id: 'flag_fields',
  label: 'Flag fields for update',
  description: 'At their next sign-in the users must fill in these fields before anything else.',
  family: 'profile',
  permission: 'users.profile',
  params: z.object({ fields: z.array(z.enum(FLAGGABLE_FIELDS), { error: 'Choose at least one field' }).min(1, 'Choose at least one field') }).strict(),
  form: [{ kind: 'fields-to-flag', key: 'fields', label: 'Fields the users must update at next sign-in' }],
  severity: normal,
  unchangedReason: 'These fields are already flagged',
  skipReason: notDeleted,
  shapeFields: byShape,
  effect: (u, p) => ({
    patch: { flaggedFields: FLAGGABLE_FIELDS.filter((f) => u.flaggedFields.includes(f) || p.fields.includes(f)) }
  })
});

export const clearFlaggedFields = defineAction({
  id: 'clear_flags',
  label: 'Clear flagged fields',
  description: 'Removes every flag, so the users are no longer asked to update fields.',
  family: 'profile',
  permission: 'users.profile',
  params: z.object({}).strict(),
  severity: normal,
  skipReason: (u) => (u.flaggedFields.length === 0 ? REASONS.noFlags : null),
  shapeFields: byShape,
  effect: () => ({ patch: { flaggedFields: [] } })
});
