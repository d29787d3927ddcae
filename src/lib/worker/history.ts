import type { MusterDB } from '../db/schema';
import type { FieldChange } from '../domain/changes';
import type { OperationKind } from '../domain/operations';
import type { Store } from './store';

/** One operation's changes to one user, for their page's history. */
export interface HistoryEntry {
  opId: number;
  at: string;
  kind: OperationKind;
  label: string;
  actorName: string;
  /** Created by this operation, or removed (and later restored); else null. */
  snapshot: 'created' | 'removed' | null;
  changes: FieldChange[];
  revertedBy: number | null;
}

export interface HistoryPage {
  total: number;
  rows: HistoryEntry[];
}

// (operation, chunk of its change log) packed in one number: change chunks are few per operation.
const SEQS = 1 << 20;
const pack = (opId: number, seq: number) => opId * SEQS + seq;

/**
 * Which operations changed which user: the change log is stored by operation, so the worker keeps
 * the other way round in memory, built on first use from the change chunks and brought up to date
 * by reading only the operations committed since. A history page then reads one chunk per entry.
 */
export class History {
  private byUser: Map<number, number[]> | null = null;
  private upTo = 0;

  constructor(
    private db: MusterDB,
    private store: Store
  ) {}

  forget() {
    this.byUser = null;
    this.upTo = 0;
  }

  private async current(): Promise<Map<number, number[]>> {
    const index = (this.byUser ??= new Map<number, number[]>());
    if (this.upTo >= this.store.lastOpId) return index;
    await this.db.changeChunks.where('opId').above(this.upTo).each((c) => {
      const at = pack(c.opId, c.seq);
      for (const u of c.users) {
        const list = index.get(u.userId);
        if (!list) index.set(u.userId, [at]);
        else if (list[list.length - 1] !== at) list.push(at);
      }
    });
    for (const list of index.values()) list.sort((a, b) => a - b);
    this.upTo = this.store.lastOpId;
    return index;
  }

  /** Every operation that changed this user, newest first. */
  async page(userId: number, offset: number, limit: number): Promise<HistoryPage> {
    const list = (await this.current()).get(userId) ?? [];
    const newestFirst = list.slice().reverse().slice(offset, offset + limit);
    const rows: HistoryEntry[] = [];
    for (const at of newestFirst) {
      const opId = Math.floor(at / SEQS);
      const [op, chunk] = await Promise.all([this.db.operations.get(opId), this.db.changeChunks.get([opId, at % SEQS])]);
      if (!op || !chunk) continue;
      for (const c of chunk.users)
        if (c.userId === userId)
          rows.push({
            opId,
            at: op.at,
            kind: op.kind,
            label: op.label,
            actorName: op.actorName,
            snapshot: c.snapshot?.kind ?? null,
            changes: c.changes,
            revertedBy: op.revertedBy
          });
    }
    return { total: list.length, rows };
  }

  /** The operations that changed any of these users. */
  async operationsTouching(userIds: Iterable<number>): Promise<Set<number>> {
    const index = await this.current();
    const ops = new Set<number>();
    for (const id of userIds) for (const at of index.get(id) ?? []) ops.add(Math.floor(at / SEQS));
    return ops;
  }
}

