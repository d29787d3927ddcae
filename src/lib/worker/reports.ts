import { CHUNK_SIZE, type MusterDB } from '../db/schema';
import type { Operation, UserChange } from '../domain/operations';

export interface ReportPage {
  total: number;
  rows: UserChange[];
}

export async function readOperation(db: MusterDB, id: number) {
  const op = await db.operations.get(id);
  if (!op) return null;
  const skips = await db.skips.get(id);
  return { ...op, skipGroups: skips?.groups ?? [] };
}

export async function readOperations(db: MusterDB, offset: number, limit: number): Promise<{ total: number; rows: Operation[] }> {
  const total = await db.operations.count();
  const rows = await db.operations.orderBy('id').reverse().offset(offset).limit(limit).toArray();
  return { total, rows };
}

/** A page of the users an operation changed, read chunk by chunk from the change log. */
export async function readChanges(db: MusterDB, opId: number, offset: number, limit: number): Promise<ReportPage> {
  // Every change chunk but the last holds exactly CHUNK_SIZE users, so a page maps to known keys.
  const op = await db.operations.get(opId);
  if (!op) return { total: 0, rows: [] };
  const first = Math.floor(offset / CHUNK_SIZE);
  const last = Math.floor((offset + Math.max(limit, 1) - 1) / CHUNK_SIZE);
  const keys: [number, number][] = [];
  for (let seq = first; seq <= last; seq++) keys.push([opId, seq]);
  const chunks = await db.changeChunks.bulkGet(keys);
  const rows = chunks.flatMap((c) => c?.users ?? []);
  const skip = offset - first * CHUNK_SIZE;
  return { total: op.changedUsers, rows: rows.slice(skip, skip + limit) };
}
