import { roomProblem } from '../domain/storage-room';
import { storageEstimate } from './storage-estimate';
import { chunkOf, type MusterDB } from '../db/schema';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, checkBackup, rekeyOldBackup } from '../domain/backup';
import { fail, faultMessage, type Failure } from './failure';

/** The whole workspace as one gzip-compressed JSON file (SPEC §8 export). */
export async function exportBackup(db: MusterDB): Promise<Uint8Array> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const t of db.tables) tables[t.name] = await t.toArray();
  });
  const json = JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: db.verno, exportedAt: new Date().toISOString(), tables });
  return pipe(new TextEncoder().encode(json), new CompressionStream('gzip'));
}

export type ImportResult = { ok: true; users: number; operations: number } | (Failure & { problems?: string[] });

/**
 * Reads a workspace file and, only if the whole of it is valid, replaces every table with it in
 * one transaction. A file from a newer Muster is refused rather than half understood.
 */
export async function importBackup(db: MusterDB, bytes: Uint8Array): Promise<ImportResult> {
  let data: unknown;
  let jsonBytes = 0;
  try {
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? await pipe(bytes, new DecompressionStream('gzip')) : bytes;
    jsonBytes = raw.length;
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return fail('invalid', 'This file is not a Muster workspace: it is neither gzip-compressed JSON nor JSON. Nothing was changed.');
  }
  const version = (data as { schemaVersion?: unknown })?.schemaVersion;
  if (typeof version === 'number' && version > db.verno)
    return fail('invalid', `This file comes from a newer Muster (database version ${version}; this one reads up to ${db.verno}). Nothing was changed.`);
  rekeyOldBackup(data);
  const checked = checkBackup(data, chunkOf);
  if (!checked.ok) return fail('invalid', 'The file is not a valid Muster workspace. Nothing was changed.', { problems: checked.problems });
  const t = checked.backup.tables;
  const full = roomProblem('This backup', jsonBytes, await storageEstimate());
  if (full) return fail('invalid', full);
  try {
    await db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((table) => table.clear()));
      for (const table of db.tables) {
        const rows = (t as Record<string, unknown[]>)[table.name];
        if (rows?.length) await table.bulkAdd(rows);
      }
    });
  } catch (e) {
    return fail('fault', faultMessage(e));
  }
  return { ok: true, users: t.userChunks.reduce((n, c) => n + c.users.length, 0), operations: t.operations.length };
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}
