import { CHUNK_SIZE, type MusterDB } from '../db/schema';
import type { Operation, OperationKind, UserChange } from '../domain/operations';
import type { ChangeRow, Names } from '../domain/report-rows';
import { ChangeTable, type RowsPage, type RowsQuery } from './change-table';

export interface ReportPage {
  total: number;
  rows: UserChange[];
}

export async function readOperation(db: MusterDB, id: number) {
  const op = await db.operations.get(id);
  if (!op) return null;
  const skips = await db.skips.get(id);
  return { ...op, skipGroups: skips?.groups ?? [], failures: skips?.failures ?? [] };
}

/** Every user change an operation recorded, in order (one read per chunk of the change log). */
export async function readAllChanges(db: MusterDB, opId: number): Promise<UserChange[]> {
  const chunks = await db.changeChunks.where('opId').equals(opId).sortBy('seq');
  return chunks.flatMap((c) => c.users);
}

export interface AuditQuery {
  kind?: OperationKind | '';
  /** Words matched against the name and email of the people an operation changed. */
  person?: string;
  actorId?: number | null;
  /** Inclusive days, YYYY-MM-DD (Muster's own calendar, UTC). */
  from?: string;
  to?: string;
}

export interface AuditPage {
  total: number;
  rows: Operation[];
  /** Everyone who has acted, for the filter. */
  actors: { id: number; name: string }[];
}

/**
 * The audit log, newest first. Headers are small (the change rows live apart), so even thousands
 * of operations filter in one pass; only the requested page crosses to the page.
 */
export async function readOperations(db: MusterDB, q: AuditQuery, offset: number, limit: number, only: ReadonlySet<number> | null = null): Promise<AuditPage> {
  const all = await db.operations.orderBy('id').reverse().toArray();
  const actors = new Map<number, string>();
  for (const op of all) if (!actors.has(op.actorId)) actors.set(op.actorId, op.actorName);
  const to = q.to ? `${q.to}\uffff` : null;
  const rows = all.filter(
    (op) =>
      (!only || only.has(op.id)) &&
      (!q.kind || op.kind === q.kind) &&
      (q.actorId == null || op.actorId === q.actorId) &&
      (!q.from || op.at >= q.from) &&
      (!to || op.at <= to)
  );
  return {
    total: rows.length,
    rows: rows.slice(offset, offset + limit),
    actors: [...actors].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name))
  };
}

export type { RowsQuery, RowsPage } from './change-table';

/**
 * A report's change rows, searchable by user and field. The last report opened stays flattened in
 * memory, so typing in its search box reads no chunk twice.
 */
export class ReportRows {
  private cached: { key: string; table: ChangeTable } | null = null;

  constructor(
    private db: MusterDB,
    private names: () => Names
  ) {}

  async page(opId: number, q: RowsQuery, offset: number, limit: number): Promise<RowsPage> {
    const table = await this.load(opId);
    return table ? table.page(q, offset, limit) : { total: 0, all: 0, rows: [], fields: [] };
  }

  async all(opId: number): Promise<ChangeRow[]> {
    return (await this.load(opId))?.all() ?? [];
  }

  forget() {
    this.cached = null;
  }

  private async load(opId: number): Promise<ChangeTable | null> {
    const op = await this.db.operations.get(opId);
    if (!op) return null;
    const key = `${op.id}:${op.at}`;
    if (this.cached?.key !== key) this.cached = { key, table: new ChangeTable(await readAllChanges(this.db, opId), this.names()) };
    return this.cached.table;
  }
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
