import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories';
import { setup as setupEngine } from '../../../tests/engine';
import type { CommitHooks } from './commit';

function setup(hooks?: CommitHooks) {
  return setupEngine(
    hooks,
    [
      makeUser({ id: 1, email: 'admin@example.com', roles: ['administrator'], organization: 'org-1' }),
      makeUser({ id: 2, email: 'ada@example.com', firstName: 'Ada', lastName: 'L', timeZone: 'Europe/London', organization: 'org-1' }),
      makeUser({ id: 3, email: 'inv@example.com', firstName: 'Old', lastName: 'Name', status: 'invited' }),
      makeUser({ id: 4, email: 'gone@example.com', status: 'deleted' }),
      ...Array.from({ length: 30 }, (_, i) => makeUser({ id: 600 + i * 500, email: `bulk${i}@example.com` }))
    ],
    { organizations: [{ id: 'org-1', name: 'North' }], nextUserId: 20000 }
  );
}

const file = (csv: string) => new TextEncoder().encode(csv);
const CSV = [
  'Email;First Name;Last Name;Time Zone;Company',
  'new@example.com;New;Person;Asia/Tokyo;Acme',
  'ADA@example.com ;;;Asia/Tokyo;',
  'inv@example.com;Fresh;Name;;',
  'gone@example.com;;;;',
  'bad-email;X;Y;;',
  'new@example.com;Dup;Row;;',
  ...Array.from({ length: 30 }, (_, i) => `bulk${i}@example.com;;;America/Chicago;`)
].join('\r\n');

describe('engine: CSV upload', () => {
  it('previews counts by group, with errors by row and column', async () => {
    const { engine } = await setup();
    // The page hands over the chosen File (a Blob): the engine reads it.
    const p = await engine.uploadPreview(new Blob([CSV], { type: 'text/csv' }), 'people.csv');
    if (!p.ok) throw new Error(p.message);
    expect(p.delimiter).toBe(';');
    expect(p.counts).toEqual({ rows: 36, created: 1, updated: 32, unchanged: 0, invalid: 2, deleted: 1 });
    // The preview opens on what needs attention: the invalid rows.
    expect(p.firstGroup.group).toBe('invalid');
    expect(p.firstGroup.total).toBe(2);
    const invalid = await engine.uploadGroup(p.sessionId, 'invalid');
    expect(invalid.rows.map((r) => r.row)).toEqual([6, 7]);
    const updated = await engine.uploadGroup(p.sessionId, 'updated', 0, 2);
    expect(updated.rows[0].changes).toEqual([{ field: 'timeZone', label: 'Time zone', before: 'Europe/London', after: 'Asia/Tokyo' }]);
  });

  it('names organizations, companies and people in the preview’s changes, never ids', async () => {
    const { engine } = await setup();
    const p = await engine.uploadPreview(file('email;company;organization\nada@example.com;Acme;North'), 'names.csv');
    if (!p.ok) throw new Error(p.message);
    expect((await engine.uploadGroup(p.sessionId, 'updated')).rows[0].changes).toEqual([{ field: 'company', label: 'Company', before: '—', after: 'Acme' }]);
  });

  it('applies in one write: creates, updates, re-invites, skips deleted; results per row; a report', async () => {
    const { engine } = await setup();
    const p = await engine.uploadPreview(file(CSV), 'people.csv');
    if (!p.ok) throw new Error(p.message);
    const res = await engine.uploadApply(p.sessionId, { welcomeMessage: 'Hi!', inviteNew: true, reinvite: true, undelete: false });
    if (!res.ok) throw new Error(res.message);
    const created = await engine.query({ filter: { q: 'new@example.com' } });
    expect(created.rows[0]).toMatchObject({ id: 20000, status: 'invited', timeZone: 'Asia/Tokyo', company: 'co-1' });
    expect((await engine.user(2))!.timeZone).toBe('Asia/Tokyo');
    expect((await engine.user(3))!).toMatchObject({ firstName: 'Fresh', status: 'invited', invitation: { welcomeMessage: 'Hi!', timesSent: 2 } });
    expect((await engine.user(4))!.status).toBe('deleted');
    const csv = await engine.uploadResultsCsv(p.sessionId);
    expect(csv).toContain('5,gone@example.com,skipped');
    expect(csv).toContain('3,ada@example.com,updated,Time zone');
    expect(csv).toContain('6,,invalid,email: is not a valid email address');
    expect((await engine.outbox()).total).toBe(2);
    // Results file, answer and report agree; the invalid rows are listed in the report, not counted as skips.
    const report = await engine.report(res.reportId);
    expect(report).toMatchObject({ kind: 'upload', failed: 2, skipped: res.skipped, applied: res.applied });
    expect(report!.skipReasons.map((r) => r.reason)).not.toContain('Invalid row');
    expect(report!.failures).toEqual([
      { row: 6, message: 'email: is not a valid email address' },
      { row: 7, message: expect.stringMatching(/^email: duplicates row 2/) }
    ]);
    // A second upload of new users continues the id sequence.
    const again = await engine.uploadPreview(file('email,first_name,last_name\nnext@example.com,Next,One\n'), 'b.csv');
    if (!again.ok) throw new Error(again.message);
    await engine.uploadApply(again.sessionId, { welcomeMessage: '', inviteNew: false, reinvite: false, undelete: false });
    expect((await engine.query({ filter: { q: 'next@example.com' } })).rows[0]).toMatchObject({ id: 20001, status: 'profile_only' });
  });

  it('after applying an upload, the same file previews as unchanged', async () => {
    const { engine } = await setup();
    const first = await engine.uploadPreview(file(CSV), 'people.csv');
    if (!first.ok) throw new Error(first.message);
    await engine.uploadApply(first.sessionId, { welcomeMessage: '', inviteNew: false, reinvite: false, undelete: true });
    const again = await engine.uploadPreview(file(CSV), 'people.csv');
    if (!again.ok) throw new Error(again.message);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, deleted: 0, invalid: 2, unchanged: first.counts.created + first.counts.updated + first.counts.deleted });
  });

  it('a failure half-way through the write changes nothing', async () => {
    const { engine } = await setup({
      afterBatch(b) {
        if (b === 1) throw new Error('Injected failure.');
      }
    });
    const before = await engine.query({ limit: 100 });
    const p = await engine.uploadPreview(file(CSV), 'people.csv');
    if (!p.ok) throw new Error(p.message);
    const res = await engine.uploadApply(p.sessionId, { welcomeMessage: '', inviteNew: true, reinvite: true, undelete: true });
    expect(res.ok).toBe(false);
    expect(await engine.query({ limit: 100 })).toEqual(before);
    expect((await engine.outbox()).total).toBe(0);
  });

  it('refuses rows with too few cells, like rows with too many, and applies nothing from them', async () => {
    const { engine } = await setup();
    const csv = [
      'Email;First Name;Last Name;Time Zone;Company',
      'ada@example.com;Ada;L;Asia/Tokyo',
      'inv@example.com;Fresh;Name;;;',
      'short@example.com;Short',
      'new@example.com;New;Person;Asia/Tokyo;Acme',
      '',
      ''
    ].join('\r\n');
    const p = await engine.uploadPreview(file(csv), 'shifted.csv');
    if (!p.ok) throw new Error(p.message);
    expect(p.counts).toEqual({ rows: 4, created: 1, updated: 0, unchanged: 0, invalid: 3, deleted: 0 });
    const invalid = await engine.uploadGroup(p.sessionId, 'invalid');
    expect(invalid.rows.map((r) => [r.row, r.detail])).toEqual([
      [2, '(row): has 4 cells but the header has 5 columns (missing: Company)'],
      [3, '(row): has 6 cells but the header has 5 columns'],
      [4, '(row): has 2 cells but the header has 5 columns (missing: Last Name, Time Zone, Company)']
    ]);
    const res = await engine.uploadApply(p.sessionId, { welcomeMessage: '', inviteNew: false, reinvite: true, undelete: false });
    if (!res.ok) throw new Error(res.message);
    expect((await engine.user(2))!.timeZone).toBe('Europe/London');
    expect((await engine.user(3))!).toMatchObject({ firstName: 'Old', invitation: { timesSent: 1 } });
    expect((await engine.query({ filter: { q: 'short@example.com' } })).total).toBe(0);
    expect((await engine.query({ filter: { q: 'new@example.com' } })).total).toBe(1);
    const results = await engine.uploadResultsCsv(p.sessionId);
    expect(results).toContain('2,,invalid,(row): has 4 cells but the header has 5 columns (missing: Company)');
    expect(results).toContain('3,,invalid,(row): has 6 cells but the header has 5 columns');
    expect(results).toContain('4,,invalid,"(row): has 2 cells but the header has 5 columns (missing: Last Name, Time Zone, Company)"');
    expect(await engine.report(res.reportId)).toMatchObject({ kind: 'upload', failed: 3 });
  });

  it('refuses a stale preview and bad files with clear messages', async () => {
    const { engine } = await setup();
    const p = await engine.uploadPreview(file(CSV), 'people.csv');
    if (!p.ok) throw new Error(p.message);
    await engine.apply('deactivate', { ids: [2] }, {});
    expect(await engine.uploadApply(p.sessionId, { welcomeMessage: '', inviteNew: false, reinvite: false, undelete: false })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/changed since this preview/)
    });
    expect(await engine.uploadPreview(file('email,first_name\n'), 'h.csv')).toMatchObject({ ok: false, message: 'The file has a header row but no users below it.' });
    expect(await engine.uploadPreview(file('name,phone\nA,1\n'), 'x.csv')).toMatchObject({ ok: true, mappingError: expect.stringMatching(/no email column/) });
    expect(await engine.uploadPreview(file('email\n"a@b.co\n'), 'q.csv')).toMatchObject({ ok: false, line: 2 });
  });

  it('exports the directory in the upload columns, and the export uploads back unchanged', async () => {
    const { engine } = await setup();
    const csv = (await engine.exportUsers({ filter: {} }, 'muster')).text;
    const p = await engine.uploadPreview(file(csv), 'export.csv');
    if (!p.ok) throw new Error(p.message);
    expect(p.counts).toMatchObject({ rows: 34, created: 0, updated: 0, invalid: 0, unchanged: 33, deleted: 1 });
  });
});
