import Dexie, { type Table } from 'dexie';
import type { Company, Organization, Settings } from '../domain/directory';
import type { Operation, OutboxEmail, UserChange } from '../domain/operations';
import type { Role } from '../domain/roles';
import type { User } from '../domain/user';
import { emailKey } from '../domain/email';

/** Users live in chunks: one IndexedDB record per CHUNK_SIZE users (DESIGN.md, persistence). */
export const CHUNK_SIZE = 500;

/** A user's chunk depends on its id alone, so an id never moves and a write touches few chunks. */
export function chunkOf(userId: number): number {
  return Math.floor((userId - 1) / CHUNK_SIZE);
}

export interface UserChunk {
  id: number;
  users: User[];
}

export interface ChangeChunk {
  opId: number;
  seq: number;
  users: UserChange[];
}

export interface SkipRecord {
  opId: number;
  groups: { reason: string; ids: number[] }[];
  /** Rows that could not be applied at all (an upload's invalid rows), with what was wrong. */
  failures?: { row: number; message: string }[];
}

export interface SettingsRecord extends Settings {
  key: 'settings';
}

/** Version 1's stores, kept as written: the migration test opens a version-1 database with them. */
export const STORES_V1 = {
  userChunks: 'id',
  changeChunks: '[opId+seq], opId',
  operations: 'id, at, kind',
  skips: 'opId',
  roles: 'id',
  organizations: 'id',
  companies: 'id',
  outbox: 'id, opId, userId',
  settings: 'key'
};

export class MusterDB extends Dexie {
  userChunks!: Table<UserChunk, number>;
  changeChunks!: Table<ChangeChunk, [number, number]>;
  operations!: Table<Operation, number>;
  skips!: Table<SkipRecord, number>;
  roles!: Table<Role, string>;
  organizations!: Table<Organization, string>;
  companies!: Table<Company, string>;
  outbox!: Table<OutboxEmail, number>;
  settings!: Table<SettingsRecord, string>;

  constructor(name: string) {
    super(name);
    // Version 1 (2026-11-22): the first layout. Users and change rows are stored in chunks, not one
    // record per user: at 100k users that is 20-30x faster to write (DESIGN.md). The engine keeps
    // its own in-memory indexes (email key, filters), so user chunks need no secondary index.
    // operations: report headers, newest first by id; outbox: emails by operation and recipient.
    this.version(1).stores(STORES_V1);
    // Version 2 (2026-11-23): outbox emails are found by their link token (an invitation or reset
    // link opened from the outbox), so `token` is indexed. No data changes: Dexie adds the index.
    this.version(2).stores({ outbox: 'id, opId, userId, token' });
    // Version 3 (2026-12-01): the email key folds compatibility forms (NFKC), so a fullwidth
    // "ａfull@…" and "afull@…" are one address. Stored keys are computed again. Where a new key
    // is already another user's, the user keeps the old one: both stay reachable, and an upload
    // row for that address matches the user who had it first.
    this.version(3)
      .stores({})
      .upgrade(async (tx) => {
        const chunks = tx.table<UserChunk, number>('userChunks');
        const taken = new Set<string>();
        await chunks.each((c) => c.users.forEach((u) => u.emailKey === emailKey(u.email) && taken.add(u.emailKey)));
        await chunks.toCollection().modify((c) => {
          for (const u of c.users) {
            const key = emailKey(u.email);
            if (key === u.emailKey || taken.has(key)) continue;
            u.emailKey = key;
            taken.add(key);
          }
        });
      });
  }
}
