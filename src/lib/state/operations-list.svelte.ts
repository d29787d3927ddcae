import { engine } from '../client/engine';
import { Latest } from '../client/latest';
import type { Operation, OperationKind } from '../domain/operations';
import type { AuditPage } from '../worker/api';
import { workspace } from './workspace.svelte';

export const OPERATIONS_PAGE = 50;

/**
 * The audit log as the page shows it: the filters, the page of operations they match, newest
 * first. Typing in a filter or paging asks again; an answer to an earlier question is dropped.
 */
export class OperationsList {
  kind = $state<OperationKind | ''>('');
  person = $state('');
  actorId = $state<number | null>(null);
  from = $state('');
  to = $state('');
  offset = $state(0);
  rows = $state.raw<Operation[]>([]);
  total = $state(0);
  actors = $state.raw<AuditPage['actors']>([]);
  loaded = $state(false);
  private latest = new Latest();

  get filtered(): boolean {
    return this.kind !== '' || this.person.trim() !== '' || this.actorId !== null || this.from !== '' || this.to !== '';
  }

  get badRange(): boolean {
    return this.from !== '' && this.to !== '' && this.from > this.to;
  }

  /** Reads the page the filters and offset name (an effect calls it, so it reads them first). */
  async load() {
    const q = { kind: this.kind, person: this.person.trim(), actorId: this.actorId, from: this.from, to: this.to };
    const at = this.offset;
    if (this.badRange) return;
    try {
      await this.latest.run(
        async () => {
          await workspace.ready();
          return engine().operations(q, at, OPERATIONS_PAGE);
        },
        (page) => {
          this.rows = page.rows;
          this.total = page.total;
          this.actors = page.actors;
          this.loaded = true;
        }
      );
    } catch (e) {
      workspace.fail(e);
    }
  }

  clear() {
    this.kind = '';
    this.person = '';
    this.actorId = null;
    this.from = '';
    this.to = '';
    this.offset = 0;
  }

  newer() {
    this.offset = Math.max(0, this.offset - OPERATIONS_PAGE);
  }

  older() {
    this.offset += OPERATIONS_PAGE;
  }
}
