import type { MusterDB } from '../db/schema';
import type { OutboxEmail } from '../domain/operations';

export interface OutboxPage {
  total: number;
  rows: OutboxEmail[];
}

/** Emails newest first, optionally only those whose recipient contains `q`. */
export async function readOutbox(db: MusterDB, q: string, offset: number, limit: number): Promise<OutboxPage> {
  const needle = q.trim().toLowerCase();
  const coll = db.outbox.orderBy('id').reverse();
  if (!needle) return { total: await db.outbox.count(), rows: await coll.offset(offset).limit(limit).toArray() };
  const matching = coll.filter((e) => e.to.toLowerCase().includes(needle));
  const all = await matching.toArray();
  return { total: all.length, rows: all.slice(offset, offset + limit) };
}
