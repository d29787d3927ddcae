import { describe, expect, it, vi } from 'vitest';
import { deferred } from '../../../tests/deferred';

const fake = {
  open: vi.fn(async () => ({ total: 0 })),
  meta: vi.fn(async () => null),
  watch: vi.fn(async () => {}),
  report: vi.fn(),
  reportRows: vi.fn(),
  exportReport: vi.fn(),
  exportReportUsers: vi.fn()
};
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));
const downloadBlob = vi.fn();
vi.mock('$lib/client/download', () => ({ downloadBlob }));

const { workspace } = await import('./workspace.svelte');
const { ReportView } = await import('./report-view.svelte');
type Report = import('./report-view.svelte').Report;

const report = (id: number, more: Partial<Report> = {}) => ({ id, label: `Report ${id}`, kind: 'bulk', revertedBy: null, changedUsers: 3, ...more }) as Report;

describe('a report’s page', () => {
  it('shows the report now in the address when the one left arrives after it', async () => {
    let id = 1;
    const view = new ReportView(() => id);
    const one = deferred<Report>();
    const two = deferred<Report>();
    fake.report.mockReturnValueOnce(one.promise).mockReturnValueOnce(two.promise);
    const first = view.load();
    id = 2;
    const second = view.load();
    two.resolve(report(2));
    expect(await second).toBe(true);
    one.resolve(report(1));
    expect(await first).toBe(false);
    expect(view.op?.id).toBe(2);
  });

  it('says when there is no such report, and whether a report can be reverted', async () => {
    const view = new ReportView(() => 5);
    expect(view.op).toBeUndefined();
    fake.report.mockResolvedValueOnce(null);
    await view.load();
    expect(view.op).toBeNull();
    expect(view.revertable).toBe(false);
    for (const [more, revertable] of [
      [{}, true],
      [{ revertedBy: 9 }, false],
      [{ changedUsers: 0 }, false],
      [{ kind: 'clock' }, false]
    ] as const) {
      fake.report.mockResolvedValueOnce(report(5, more as Partial<Report>));
      await view.load();
      expect(view.revertable).toBe(revertable);
    }
  });

  it('reads the changed fields and the exports of the report in the address', async () => {
    const view = new ReportView(() => 4);
    fake.reportRows.mockResolvedValueOnce({ total: 0, rows: [] });
    await view.rows({ q: 'nora' }, 200, 100);
    expect(fake.reportRows).toHaveBeenCalledWith(4, { q: 'nora' }, 200, 100);
    const blob = new Blob(['{"id":4}'], { type: 'application/scim+json;charset=utf-8' });
    fake.exportReport.mockResolvedValueOnce({ filename: 'muster-report-4-scim-bulk.json', mime: 'application/scim+json', blob });
    await view.download('scim');
    expect(fake.exportReport).toHaveBeenCalledWith(4, 'scim');
    expect(downloadBlob).toHaveBeenCalledWith('muster-report-4-scim-bulk.json', blob);
    fake.exportReportUsers.mockResolvedValueOnce({ filename: 'report-4-okta-users.csv', mime: 'text/csv', blob: new Blob([]) });
    await view.downloadUsers('okta');
    expect(fake.exportReportUsers).toHaveBeenCalledWith(4, 'okta', expect.any(Function));
  });

  it('hands a failure to the one error handler, in words', async () => {
    workspace.failure = null;
    fake.report.mockRejectedValueOnce(new Error('The workspace is closed.'));
    expect(await new ReportView(() => 1).load()).toBe(false);
    expect(workspace.failure).toBe('The workspace is closed.');
  });
});
