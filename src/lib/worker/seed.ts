import { chunkOf, type MusterDB, type UserChunk } from '../db/schema';
import type { Company, Organization, Settings } from '../domain/directory';
import type { Role } from '../domain/roles';
import type { User } from '../domain/user';
import type { Progress } from './jobs';

export const DEFAULT_DEMO_SIZE = 1000;

export interface WorkspaceData {
  users: User[];
  roles: Role[];
  organizations: Organization[];
  companies: Company[];
  settings: Settings;
}

/** Real today in UTC: the simulated clock starts here and only a trainer moves it. */
export function realToday(): string {
  return new Date().toISOString().slice(0, 10);
}

export function toChunks(users: User[]): UserChunk[] {
  const chunks = new Map<number, User[]>();
  for (const u of users) {
    const c = chunkOf(u.id);
    const list = chunks.get(c);
    if (list) list.push(u);
    else chunks.set(c, [u]);
  }
  return [...chunks].map(([id, list]) => ({ id, users: list }));
}

/** Chunks written per request: progress moves every 20,000 users, in the same transaction. */
const SLICE = 40;

/** Replaces every table with the given workspace, in one transaction. */
export async function writeWorkspace(db: MusterDB, ws: WorkspaceData, onProgress?: Progress) {
  const chunks = toChunks(ws.users);
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    for (let i = 0; i < chunks.length; i += SLICE) {
      await db.userChunks.bulkAdd(chunks.slice(i, i + SLICE));
      onProgress?.({ phase: 'Writing them to this browser’s storage', done: Math.min(i + SLICE, chunks.length), total: chunks.length });
    }
    await db.roles.bulkAdd(ws.roles);
    await db.organizations.bulkAdd(ws.organizations);
    await db.companies.bulkAdd(ws.companies);
    await db.settings.add({ key: 'settings', ...ws.settings });
  });
}

/** Deterministic demo data (SPEC §8): the same size and day always give the same workspace. */
export async function demoWorkspace(size: number, today = realToday(), onProgress?: Progress): Promise<WorkspaceData> {
  // Loaded on demand: the fake-data library is only needed the moment a workspace is seeded.
  const { generateDemoWorkspace } = await import('./demo-data');
  const ws = generateDemoWorkspace({ size, today, onProgress });
  return {
    ...ws,
    settings: {
      plan: 'standard',
      today,
      invitationValidityDays: 14,
      actorId: ws.users[0]?.id ?? 1,
      nextUserId: ws.users.reduce((m, u) => Math.max(m, u.id), 0) + 1,
      demoSize: size
    }
  };
}

export async function seedDemo(db: MusterDB, size: number, today = realToday()) {
  await writeWorkspace(db, await demoWorkspace(size, today));
}
