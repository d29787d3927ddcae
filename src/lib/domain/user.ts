import { z } from 'zod';
import { isValidEmail, emailKey } from './email';
import { isIsoDay } from './dates';
import { FLAGGABLE_FIELDS, MAX_NAME, MAX_TEXT, MAX_WELCOME, TWO_FACTOR_STATES, USER_STATUSES, USER_TYPES } from './user-fields';

// The vocabulary lives in a zod-free module the page can import; re-exported for the engine's code.
export * from './user-fields';

const day = z.string().refine(isIsoDay, 'must be a date as YYYY-MM-DD');
const instant = z.iso.datetime();
const ref = z.string().min(1).max(64);

export const invitationSchema = z.object({
  sentAt: instant,
  expiresAt: day,
  welcomeMessage: z.string().max(MAX_WELCOME),
  timesSent: z.int().min(1)
});
export type Invitation = z.infer<typeof invitationSchema>;

const fieldsSchema = z.object({
  id: z.int().positive(),
  email: z.string().max(254).refine(isValidEmail, 'is not a valid email address'),
  emailKey: z.string(),
  firstName: z.string().trim().min(1, 'is required').max(MAX_NAME),
  lastName: z.string().trim().min(1, 'is required').max(MAX_NAME),
  title: z.string().max(MAX_TEXT),
  department: z.string().max(MAX_TEXT),
  company: ref.nullable(),
  organization: ref.nullable(),
  accountExecutive: z.int().positive().nullable(),
  timeZone: z.string().min(1),
  userType: z.enum(USER_TYPES),
  status: z.enum(USER_STATUSES),
  invitation: invitationSchema.nullable(),
  accessExpiresAt: day.nullable(),
  locked: z.boolean(),
  failedSignIns: z.int().min(0),
  twoFactor: z.enum(TWO_FACTOR_STATES),
  forcePasswordChange: z.boolean(),
  /** Simulated credential: a salted digest, or null when the user never set a password. */
  passwordHash: z.string().nullable(),
  roles: z.array(ref).min(1, 'needs at least one role'),
  managedOrganizations: z.array(ref),
  flaggedFields: z.array(z.enum(FLAGGABLE_FIELDS)),
  ownedContent: z.int().min(0),
  createdAt: instant,
  updatedAt: instant,
  lastSignInAt: instant.nullable(),
  version: z.int().min(1)
});

export const userSchema = fieldsSchema.superRefine((u, ctx) => {
  for (const issue of crossFieldIssues(u)) ctx.addIssue({ code: 'custom', ...issue });
});

/** The fields crossFieldIssues reads. */
const CROSS_FIELDS: ReadonlySet<keyof User> = new Set(['email', 'emailKey', 'status', 'invitation', 'userType', 'roles']);

/** The rules of a user record that span fields (userSchema checks them after each field's own). */
function crossFieldIssues(u: z.infer<typeof fieldsSchema>): { path: [keyof User]; message: string }[] {
  const issues: { path: [keyof User]; message: string }[] = [];
  if (u.emailKey !== emailKey(u.email)) issues.push({ path: ['emailKey'], message: 'does not match the email' });
  const needsInvitation = u.status === 'invited' || u.status === 'expired';
  if (needsInvitation && !u.invitation) issues.push({ path: ['invitation'], message: `is required while ${u.status}` });
  if (!needsInvitation && u.invitation) issues.push({ path: ['invitation'], message: `must be empty while ${u.status}` });
  if (u.userType === 'directory' && needsInvitation) issues.push({ path: ['status'], message: 'directory users are never invited' });
  if (new Set(u.roles).size !== u.roles.length) issues.push({ path: ['roles'], message: 'has duplicates' });
  return issues;
}

/**
 * What userSchema.parse(after) would say, for a user changed from a valid one: only the fields
 * whose value is not the one `before` holds are checked against their own schema, then the rules
 * across fields. An upload checks every user it changes (40,000 in a 100,000-row file): parsing
 * each whole record took 400 ms in Chromium; this takes a few. Throws as parse would.
 */
export function checkChangedUser(before: User, after: User): void {
  const shape = fieldsSchema.shape;
  let crossing = false;
  for (const key in shape) {
    const k = key as keyof User;
    if (after[k] === before[k]) continue;
    crossing ||= CROSS_FIELDS.has(k);
    const r = shape[k].safeParse(after[k]);
    if (!r.success) throw new z.ZodError(r.error.issues.map((i) => ({ ...i, path: [k, ...i.path] })));
  }
  // The rules across fields read only these: if none changed, they hold as they did for `before`.
  if (!crossing) return;
  const issues = crossFieldIssues(after);
  if (issues.length) throw new z.ZodError(issues.map((i) => ({ code: 'custom' as const, input: after, ...i })));
}

export type User = z.infer<typeof userSchema>;

/** The fields an action may patch. id, email key and bookkeeping are the engine's. */
export type UserPatch = Partial<Omit<User, 'id' | 'emailKey' | 'createdAt' | 'updatedAt' | 'version'>>;

/** Fields compared, recorded and reverted one by one in change reports. */
export const TRACKED_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'title',
  'department',
  'company',
  'organization',
  'accountExecutive',
  'timeZone',
  'userType',
  'status',
  'invitation',
  'accessExpiresAt',
  'locked',
  'failedSignIns',
  'twoFactor',
  'forcePasswordChange',
  'passwordHash',
  'roles',
  'managedOrganizations',
  'flaggedFields',
  'ownedContent',
  'lastSignInAt'
] as const satisfies readonly (keyof User)[];
export type TrackedField = (typeof TRACKED_FIELDS)[number];
