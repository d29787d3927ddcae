import { emailKey } from './email';
import { z } from 'zod';
import { companySchema, organizationSchema } from './directory';
import { roleSchema } from './roles';
import { userSchema } from './user';
import { isIsoDay } from './dates';

export const BACKUP_FORMAT = 'muster-workspace';
export const BACKUP_FORMAT_VERSION = 1;

const settingsSchema = z.object({
  key: z.literal('settings'),
  plan: z.enum(['standard', 'enterprise']),
  today: z.string().refine(isIsoDay, 'must be a date as YYYY-MM-DD'),
  invitationValidityDays: z.int().min(1).max(365),
  actorId: z.int().positive(),
  nextUserId: z.int().positive(),
  demoSize: z.int().min(0)
});

const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const userChange = z.object({
  userId: z.int().positive(),
  email: z.string(),
  name: z.string(),
  changes: z.array(fieldChange),
  snapshot: z.object({ kind: z.enum(['removed', 'created']), user: userSchema }).optional(),
  version: z.int().optional()
});
const operation = z.looseObject({
  id: z.int().positive(),
  kind: z.enum(['bulk_action', 'upload', 'self_service', 'clock', 'revert', 'sign_in', 'session', 'edit']),
  action: z.string(),
  label: z.string(),
  actorId: z.int(),
  actorName: z.string(),
  at: z.string(),
  params: z.record(z.string(), z.unknown()),
  applied: z.int().min(0),
  skipped: z.int().min(0),
  failed: z.int().min(0),
  changedUsers: z.int().min(0),
  revertOf: z.int().nullable(),
  revertedBy: z.int().nullable()
});

/** The whole workspace file: every table of the database, as its records. */
export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: `is not a Muster workspace file` }),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION, { error: `is a version this Muster cannot read` }),
  schemaVersion: z.int().min(1),
  exportedAt: z.string(),
  tables: z.object({
    userChunks: z.array(z.object({ id: z.int().min(0), users: z.array(userSchema) })),
    changeChunks: z.array(z.object({ opId: z.int().positive(), seq: z.int().min(0), users: z.array(userChange) })),
    operations: z.array(operation),
    skips: z.array(z.object({ opId: z.int().positive(), groups: z.array(z.object({ reason: z.string(), ids: z.array(z.int()) })) })),
    roles: z.array(roleSchema).min(1),
    organizations: z.array(organizationSchema),
    companies: z.array(companySchema),
    outbox: z.array(
      z.looseObject({ id: z.int().positive(), opId: z.int(), userId: z.int(), to: z.string(), kind: z.enum(['invitation', 'password_reset']), token: z.string() })
    ),
    settings: z.array(settingsSchema).length(1, 'must hold exactly one settings record')
  })
});
export type Backup = z.infer<typeof backupSchema>;

/**
 * Checks a parsed workspace file before anything is replaced: its shape (every user through the
 * user schema) and what the schema alone cannot see — duplicate ids or emails, users in the wrong
 * chunk, an acting administrator who is not there. Returns the first problems, each with its place.
 */
export function checkBackup(data: unknown, chunkOf: (id: number) => number): { ok: true; backup: Backup } | { ok: false; problems: string[] } {
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || 'file'}: ${i.message}`) };
  const b = parsed.data;
  const problems: string[] = [];
  const ids = new Set<number>();
  const emails = new Set<string>();
  for (const chunk of b.tables.userChunks)
    for (const u of chunk.users) {
      if (ids.has(u.id)) problems.push(`user ${u.id}: the id appears twice`);
      if (emails.has(u.emailKey)) problems.push(`user ${u.id}: the email ${u.email} is used twice`);
      if (chunkOf(u.id) !== chunk.id) problems.push(`user ${u.id}: stored in chunk ${chunk.id}, expected ${chunkOf(u.id)}`);
      ids.add(u.id);
      emails.add(u.emailKey);
    }
  if (!ids.has(b.tables.settings[0].actorId)) problems.push(`settings: the acting administrator (user ${b.tables.settings[0].actorId}) is not in the file`);
  return problems.length ? { ok: false, problems: problems.slice(0, 10) } : { ok: true, backup: b };
}

/**
 * Files written before schema version 3 hold email keys computed without compatibility folding;
 * the keys are computed again before the file is checked, as the database upgrade does.
 */
export function rekeyOldBackup(data: unknown): void {
  const version = (data as { schemaVersion?: unknown })?.schemaVersion;
  if (typeof version !== 'number' || version >= 3) return;
  const chunks = (data as { tables?: { userChunks?: unknown } })?.tables?.userChunks;
  if (!Array.isArray(chunks)) return;
  for (const chunk of chunks)
    for (const u of Array.isArray(chunk?.users) ? chunk.users : [])
      if (u && typeof u.email === 'string') u.emailKey = emailKey(u.email);
}
