import { describe, expect, it } from 'vitest';
import { setup, workspace } from '../../../tests/engine';
import type { Filter } from '../domain/filters';
import type { User } from '../domain/user';

/** The test workspace with a job title on every other user but the acting administrator, so `title pr` narrows. */
function users(): User[] {
  return workspace().map((u, i) => (i > 0 && i % 2 === 0 ? { ...u, title: i % 4 ? 'Engineer' : 'Analyst' } : u));
}
const ids = (list: { id: number }[]) => list.map((u) => u.id).sort((a, b) => a - b);
const scim = (expression: string): Filter => ({ scim: expression });

describe('engine: SCIM filters in search', () => {
  it('narrows the directory to the users the expression matches, on the first page and the sorted pages alike', async () => {
    const all = users();
    const { engine } = await setup(undefined, all);
    const want = ids(all.filter((u) => u.title !== '' && u.status === 'active'));
    expect(want.length).toBeGreaterThan(2);
    // The first answer (one pass, no sorted order yet) and the later ones (the sorted order) agree.
    const first = await engine.query({ filter: scim('title pr and active eq true'), limit: 10 });
    expect(first.total).toBe(want.length);
    expect(first.filterError).toBeUndefined();
    const page = await engine.query({ filter: scim('title pr and active eq true'), limit: 1000 });
    expect(ids(page.rows)).toEqual(want);
    const desc = await engine.query({ filter: scim('title pr and active eq true'), sort: { key: 'email', dir: 'desc' }, limit: 1000 });
    expect(ids(desc.rows)).toEqual(want);
    expect(desc.rows.map((r) => r.email)).toEqual([...desc.rows.map((r) => r.email)].sort().reverse());
  });

  it('combines with the search and the filter panel, and reads names as a SCIM export writes them', async () => {
    const all = users();
    const { engine } = await setup(undefined, all);
    const north = await engine.query({ filter: scim('organization eq "North"'), limit: 1000 });
    expect(ids(north.rows)).toEqual(ids(all.filter((u) => u.organization === 'org-1')));
    const admins = await engine.query({ filter: scim('roles.value eq "administrator"'), limit: 1000 });
    expect(ids(admins.rows)).toEqual([1]);
    const emails = await engine.query({ filter: scim('emails.value ew "@example.com" and not (userName sw "user")'), limit: 1000 });
    expect(ids(emails.rows)).toEqual([1, 2, 3]);
    const both = await engine.query({ filter: { q: 'user1', status: ['active', 'inactive'], scim: 'title pr' }, limit: 1000 });
    const want = all.filter((u) => u.email.includes('user1') && ['active', 'inactive'].includes(u.status) && u.title !== '');
    expect(want.length).toBeGreaterThan(0);
    expect(ids(both.rows)).toEqual(ids(want));
  });

  it('narrows select all matching, its counts, the action menu, exports and apply to the same users', async () => {
    const all = users();
    const { engine } = await setup(undefined, all);
    const filter = scim('title pr and active eq true');
    const shown = ids((await engine.query({ filter, limit: 1000 })).rows);
    const everyMatching = { filter };

    expect(await engine.selectionInfo(everyMatching, filter)).toEqual({ selected: shown.length, hidden: 0 });
    expect(await engine.selectionInfo({ filter, except: [shown[0]] }, {})).toEqual({ selected: shown.length - 1, hidden: 0 });
    expect([...(await engine.rangeIds({ filter, sort: { key: 'name', dir: 'asc' } }, 0, 1000))].sort((a, b) => a - b)).toEqual(shown);
    // The menu counts the same users as the same ids picked one by one.
    expect(await engine.actionMenu(everyMatching)).toEqual(await engine.actionMenu({ ids: shown }));
    const listed = JSON.parse((await engine.exportUsers(everyMatching, 'scim')).text) as { totalResults: number; Resources: { userName: string }[] };
    expect(listed.totalResults).toBe(shown.length);
    expect(listed.Resources.map((r) => r.userName).sort()).toEqual(all.filter((u) => shown.includes(u.id)).map((u) => u.email).sort());

    const preview = await engine.preview('set_access_expiry', everyMatching, { date: '2027-01-31' });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.selected).toBe(shown.length);
    const before = new Map((await engine.query({ limit: 1000 })).rows.map((r) => [r.id, r.version]));
    const res = await engine.apply('set_access_expiry', everyMatching, { date: '2027-01-31' });
    if (!res.ok) throw new Error(res.message);
    expect(res.applied).toBe(preview.applies);
    const changed = (await engine.query({ limit: 1000 })).rows.filter((r) => r.version !== before.get(r.id)).map((r) => r.id);
    expect(changed.length).toBe(res.applied);
    expect(changed.every((id) => shown.includes(id))).toBe(true);
  });

  it('reports an expression that does not parse, with where, and matches nobody anywhere', async () => {
    const { engine } = await setup(undefined, users());
    const unknown = await engine.query({ filter: scim('titel pr'), limit: 100 });
    expect(unknown).toMatchObject({ total: 0, rows: [], filterError: { position: 0 } });
    expect(unknown.filterError?.message).toMatch(/^Unknown attribute “titel”\./);
    const unfinished = await engine.query({ filter: { status: ['active'], scim: 'title pr and' }, limit: 10 });
    expect(unfinished).toMatchObject({
      total: 0,
      rows: [],
      filterError: { message: 'Expected an attribute name, “(” or “not” at the end of the filter.', position: 12 }
    });

    // Never everyone: select all matching, the menu, exports and bulk actions find no one either.
    const bad = scim('title pr and');
    expect(await engine.selectionInfo({ filter: bad }, bad)).toEqual({ selected: 0, hidden: 0 });
    expect(await engine.rangeIds({ filter: bad, sort: { key: 'name', dir: 'asc' } }, 0, 100)).toHaveLength(0);
    expect((await engine.actionMenu({ filter: bad })).every((item) => !item.applies)).toBe(true);
    expect(JSON.parse((await engine.exportUsers({ filter: bad }, 'scim')).text).totalResults).toBe(0);
    const preview = await engine.preview('set_access_expiry', { filter: bad }, { date: '2027-01-31' });
    expect(preview).toMatchObject({ selected: 0, applies: 0 });
    // A blank expression narrows nothing.
    expect((await engine.query({ filter: scim('   '), limit: 1 })).total).toBe(63);
  });
});
