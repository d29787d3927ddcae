import { CHUNK_SIZE, chunkOf, type MusterDB, type UserChunk } from '../db/schema';
import type { Operation, OutboxEmail, UserChange } from '../domain/operations';
import type { Settings } from '../domain/directory';
import type { User } from '../domain/user';
import type { Store } from './store';
import type { Progress } from './jobs';
import { gatePlan, type Who } from './gate';

/** Everything one operation writes. Computed before the transaction opens (DESIGN.md). */
export interface CommitPlan {
  /** Who writes: every plan passes the one policy for this writer before it commits (gate.ts). */
  who: Who;
  /** New versions of users (created or changed); null erases the user. */
  users: Map<number, User | null>;
  operation: Omit<Operation, 'id'> | null;
  changes: UserChange[];
  skips: { reason: string; ids: number[] }[];
  emails: Omit<OutboxEmail, 'id' | 'opId'>[];
  /** New settings written in the same transaction (the next user id after an upload). */
  settings?: Settings;
  /** The report this operation reverts: marked `revertedBy` the new one in the same transaction. */
  reverts?: number;
  /** An outbox link used by this operation (an accepted invitation), marked so it works once. */
  linkUsed?: { emailId: number; at: string };
  /** Rows of a file that could not be applied at all (an upload's invalid rows), listed in the report. */
  failures?: { row: number; message: string }[];
  /** Users changed only as a side effect (a transfer's new owner): not counted as applied. */
  sideEffects?: ReadonlySet<number>;
  /** A user's change that needs another's (a transfer's owner needs its new owner's credit): if the
   *  policy refuses the second, the first is refused too. */
  dependsOn?: ReadonlyMap<number, number>;
}

/** What a commit wrote: its report (null for bookkeeping), and the plan as the policy let it. */
export interface Committed {
  reportId: number | null;
  plan: CommitPlan;
  refused: Map<number, string>;
}

/** The policy refused every change a write planned: nothing was written. */
export class RefusedError extends Error {
  constructor(readonly refused: Map<number, string>) {
    const reasons = [...new Set(refused.values())];
    super(`${reasons.join('; ')}. Nothing was changed.`);
    this.name = 'RefusedError';
  }
}

export interface CommitHooks {
  /** Test seam: called after each batch of chunk writes inside the transaction; a throw aborts it. */
  afterBatch?(batch: number): void;
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled: nothing was changed.');
    this.name = 'CancelledError';
  }
}

const BATCH = 20;

/**
 * Every write of user data ends here, so every write passes the one policy first (gate.ts): what
 * it refuses becomes skips in the report, and a write it refuses entirely writes nothing.
 *
 * Writes a plan in ONE IndexedDB transaction: the touched user chunks, the change log chunks, the
 * report header, skipped ids and outbox emails. Nothing that is not IndexedDB is awaited inside it;
 * a cancel or any failure throws, Dexie aborts, and neither the database nor memory changes.
 * Memory is updated only after the commit succeeded.
 */
export async function commit(
  db: MusterDB,
  store: Store,
  planned: CommitPlan,
  opts: { progress?: Progress; isCancelled?: () => boolean; hooks?: CommitHooks } = {}
): Promise<Committed> {
  const { plan, refused } = gatePlan(store, planned);
  if (refused.size > 0 && plan.users.size === 0) throw new RefusedError(refused);
  const touched = [...new Set([...plan.users.keys()].map(chunkOf))].sort((a, b) => a - b);
  const chunks: UserChunk[] = touched.map((c) => ({ id: c, users: chunkUsers(store, plan.users, c) }));
  const changeChunks: UserChange[][] = [];
  for (let i = 0; i < plan.changes.length; i += CHUNK_SIZE) changeChunks.push(plan.changes.slice(i, i + CHUNK_SIZE));
  const total = chunks.length + changeChunks.length;
  let done = 0;
  const step = (n: number) => {
    done += n;
    opts.progress?.({ phase: 'Writing', done, total });
  };
  const check = () => {
    if (opts.isCancelled?.()) throw new CancelledError();
  };

  const opId = plan.operation ? store.lastOpId + 1 : null;
  await db.transaction('rw', [db.userChunks, db.changeChunks, db.operations, db.skips, db.outbox, db.settings], async () => {
    if (plan.settings) await db.settings.put({ ...plan.settings, key: 'settings' });
    for (let b = 0; b * BATCH < chunks.length; b++) {
      check();
      const batch = chunks.slice(b * BATCH, (b + 1) * BATCH);
      const empty = batch.filter((c) => c.users.length === 0).map((c) => c.id);
      const full = batch.filter((c) => c.users.length > 0);
      if (full.length) await db.userChunks.bulkPut(full);
      if (empty.length) await db.userChunks.bulkDelete(empty);
      step(batch.length);
      opts.hooks?.afterBatch?.(b);
    }
    if (opId === null || !plan.operation) return;
    check();
    await db.operations.add({ ...plan.operation, id: opId });
    if (plan.skips.length || plan.failures?.length) await db.skips.add({ opId, groups: plan.skips, ...(plan.failures?.length ? { failures: plan.failures } : {}) });
    for (let s = 0; s < changeChunks.length; s += BATCH) {
      check();
      const batch = changeChunks.slice(s, s + BATCH).map((users, i) => ({ opId, seq: s + i, users }));
      await db.changeChunks.bulkAdd(batch);
      step(batch.length);
    }
    if (plan.emails.length) {
      const firstId = ((await db.outbox.orderBy('id').lastKey()) as number | undefined) ?? 0;
      await db.outbox.bulkAdd(plan.emails.map((e, i) => ({ ...e, id: firstId + 1 + i, opId })));
    }
    if (plan.reverts !== undefined) await db.operations.update(plan.reverts, { revertedBy: opId });
    if (plan.linkUsed) await db.outbox.update(plan.linkUsed.emailId, { usedAt: plan.linkUsed.at });
    check();
  });

  for (const [id, u] of plan.users) {
    if (u) store.put(u);
    else store.remove(id);
  }
  if (opId !== null) store.lastOpId = opId;
  if (plan.settings) store.settings = { ...plan.settings };
  store.touch();
  store.onCommit?.();
  return { reportId: opId, plan, refused };
}

function chunkUsers(store: Store, overlay: Map<number, User | null>, chunk: number): User[] {
  const out: User[] = [];
  const first = chunk * CHUNK_SIZE + 1;
  for (let id = first; id < first + CHUNK_SIZE; id++) {
    const u = overlay.has(id) ? overlay.get(id) : store.users.get(id);
    if (u) out.push(u);
  }
  return out;
}
