import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories';
import { setup } from '../../../tests/engine';

const people = () => [
  makeUser({ id: 1, email: 'admin@example.com', roles: ['administrator'], organization: 'org-1' }),
  makeUser({ id: 2, email: 'erin@example.com', firstName: 'Erin', lastName: 'Exec', roles: ['account_executive'], organization: 'org-1' }),
  ...Array.from({ length: 9 }, (_, i) => makeUser({ id: 10 + i, email: `p${i}@example.com`, firstName: `P${i}`, lastName: 'Person', organization: i < 6 ? 'org-1' : 'org-2', company: 'co-1' }))
];

describe('previews show what changes, in words', () => {
  it('say each step as it starts, for a preview that takes seconds at a million users', async () => {
    const { engine } = await setup(undefined, people(), { nextUserId: 100 });
    const steps: string[] = [];
    const p = await engine.preview('deactivate', { ids: [10, 11] }, {}, (e) => steps.push(`${e.done}/${e.total} ${e.phase}`));
    expect(p).toMatchObject({ ok: true, applies: 2 });
    expect(steps).toEqual(['0/4 Checking who it applies to', '1/4 Planning each user’s changes', '2/4 Checking what you may change', '3/4 Summarising the changes']);
  });

  it('Update profile fields on 9 users: each distinct change with its count, names not ids, user by user and searchable', async () => {
    const { engine } = await setup(undefined, people(), { nextUserId: 100 });
    const ids = Array.from({ length: 9 }, (_, i) => 10 + i);
    const p = await engine.preview('update_profile', { ids }, { organization: 'org-2', accountExecutive: 2 });
    if (!p.ok) throw new Error(p.message);
    expect(p.summary).toEqual([
      { label: 'Account executive', before: '—', after: 'Erin Exec (erin@example.com)', count: 9 },
      { label: 'Organization', before: 'North', after: 'South', count: 6 }
    ]);
    expect(p.changes).toBe(15);
    const rows = await engine.previewRows(p.previewId, { q: 'p7', field: 'accountExecutive' });
    expect(rows).toMatchObject({ total: 1, all: 15, rows: [{ email: 'p7@example.com', label: 'Account executive', after: 'Erin Exec (erin@example.com)' }] });
    // A newer preview replaces it: the old id reads nothing.
    await engine.preview('deactivate', { ids }, {});
    expect((await engine.previewRows(p.previewId)).total).toBe(0);
    const csv = await engine.previewCsv('update_profile', { ids }, { organization: 'org-2' });
    expect(csv).toMatch(/^\ufeffemail,name,outcome,field,before,after,user id\r\n/);
    expect(csv).toContain('p0@example.com,P0 Person,applies,Organization,North,South,10');
    expect(csv).not.toMatch(/org-\d|co-\d/);
  });

  it('a report names the people its parameters refer to', async () => {
    const { engine } = await setup(undefined, people(), { nextUserId: 100 });
    const op = await engine.apply('update_profile', { ids: [10] }, { accountExecutive: 2 });
    if (!op.ok) throw new Error(op.message);
    expect((await engine.report(op.reportId))!.people).toEqual({ 2: 'Erin Exec (erin@example.com)' });
  });

  it('a revert preview says what goes back, in words', async () => {
    const { engine } = await setup(undefined, people(), { nextUserId: 100 });
    const op = await engine.apply('set_role', { ids: [10, 11] }, { roleId: 'instructor' });
    if (!op.ok) throw new Error(op.message);
    const r = await engine.revertPreview(op.reportId);
    if (!r.ok) throw new Error(r.message);
    expect(r.summary).toEqual([{ label: 'Roles', before: 'Instructor', after: 'Learner', count: 2 }]);
    expect((await engine.previewRows(r.previewId)).rows.map((x) => x.email)).toEqual(['p0@example.com', 'p1@example.com']);
  });
});
