import type { ReportExportFormat, UserExportFormat } from '../domain/export-formats';
import { FileExport } from './file-export.svelte';
import { engine } from '../client/engine';
import { Latest } from '../client/latest';
import type { Engine, RowsPage, RowsQuery } from '../worker/api';
import { workspace } from './workspace.svelte';

/** A report as the engine answers it: the operation, its skip groups and failures, the people it names. */
export type Report = NonNullable<Awaited<ReturnType<Engine['report']>>>;

/** One change report's page: the report for the id in the address, its changed fields, its exports. */
export class ReportView {
  /** undefined while loading the first time; null when there is no such report. */
  op = $state.raw<Report | null | undefined>(undefined);
  private latest = new Latest();

  constructor(private id: () => number) {}

  /** Whether this report can still be reverted (not already, something changed, not a clock move). */
  get revertable(): boolean {
    const op = this.op;
    return !!op && op.revertedBy === null && op.changedUsers > 0 && op.kind !== 'clock';
  }

  /** Reads the report; resolves whether its answer is shown (an answer for an id left since is dropped). */
  async load(): Promise<boolean> {
    const id = this.id();
    try {
      return await this.latest.run(
        async () => {
          await workspace.ready();
          return engine().report(id);
        },
        (op) => (this.op = op)
      );
    } catch (e) {
      workspace.fail(e);
      return false;
    }
  }

  /** A page of the report's changed fields (the change list pages and searches through it). */
  rows = (q: RowsQuery, offset: number, limit: number): Promise<RowsPage> => engine().reportRows(this.id(), q, offset, limit);

  /** Writing an export, with its progress. */
  readonly exporting = new FileExport();

  /** The report as a file: its changes (CSV), the whole report (JSON), or a SCIM BulkRequest. */
  download(format: ReportExportFormat) {
    return this.exporting.run(() => engine().exportReport(this.id(), format));
  }

  /** The users the report changed, as they are now, as a file another directory reads. */
  downloadUsers(format: UserExportFormat) {
    return this.exporting.run((progress) => engine().exportReportUsers(this.id(), format, progress));
  }
}
