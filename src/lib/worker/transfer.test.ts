import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories';
import { setup } from '../../../tests/engine';

const people = () => [
  makeUser({ id: 1, email: 'admin@example.com', roles: ['administrator'], organization: 'org-1' }),
  makeUser({ id: 2, email: 'owner1@example.com', ownedContent: 3, organization: 'org-1' }),
  makeUser({ id: 3, email: 'owner2@example.com', ownedContent: 2, organization: 'org-1' }),
  makeUser({ id: 4, email: 'plain@example.com', organization: 'org-1' }),
  makeUser({ id: 5, email: 'heir@example.com', ownedContent: 1, organization: 'org-1' })
];

describe('delete or remove content owners, their content transferred in the same operation', () => {
  it('Delete with a new owner: one report; owners deleted, content moved; a revert gives it all back', async () => {
    const { engine } = await setup(undefined, people(), { nextUserId: 100 });
    const plain = await engine.preview('delete', { ids: [2, 3, 4] }, {});
    expect(plain).toMatchObject({ ok: true, applies: 1, skipped: [{ reason: 'Owns content — transfer ownership first', count: 2 }] });
    expect(await engine.preview('delete', { ids: [2, 3, 4] }, { transferTo: 4 })).toMatchObject({ ok: true, applies: 2, skipped: [{ reason: 'Is the transfer target', count: 1 }] });
    const res = await engine.apply('delete', { ids: [2, 3, 4] }, { transferTo: 5 });
    if (!res.ok) throw new Error(res.message);
    expect(res).toMatchObject({ applied: 3, skipped: 0 });
    expect(await engine.user(2)).toMatchObject({ status: 'deleted', ownedContent: 0 });
    expect(await engine.user(3)).toMatchObject({ status: 'deleted', ownedContent: 0 });
    expect(await engine.user(5)).toMatchObject({ status: 'active', ownedContent: 6 });
    expect((await engine.operations()).rows.filter((r) => r.kind === 'bulk_action')).toHaveLength(1);
    const back = await engine.revert(res.reportId);
    if (!back.ok) throw new Error(back.message);
    expect(await engine.user(2)).toMatchObject({ status: 'active', ownedContent: 3 });
    expect(await engine.user(3)).toMatchObject({ status: 'active', ownedContent: 2 });
    expect(await engine.user(5)).toMatchObject({ ownedContent: 1 });
  });

  it('Remove permanently with a new owner: erased, content moved; a revert restores the users and their content', async () => {
    const { engine } = await setup(undefined, people(), { nextUserId: 100 });
    const res = await engine.apply('remove', { ids: [2, 3] }, { transferTo: 5 });
    if (!res.ok) throw new Error(res.message);
    expect(await engine.user(2)).toBeNull();
    expect(await engine.user(5)).toMatchObject({ ownedContent: 6 });
    const back = await engine.revert(res.reportId);
    if (!back.ok) throw new Error(back.message);
    expect(await engine.user(2)).toMatchObject({ ownedContent: 3 });
    expect(await engine.user(3)).toMatchObject({ ownedContent: 2 });
    expect(await engine.user(5)).toMatchObject({ ownedContent: 1 });
  });

  it('refuses a new owner who cannot receive content', async () => {
    const { engine } = await setup(undefined, [...people(), makeUser({ id: 6, email: 'off@example.com', status: 'inactive' })], { nextUserId: 100 });
    expect(await engine.preview('delete', { ids: [2] }, { transferTo: 6 })).toMatchObject({ ok: false, kind: 'invalid', message: /not active/ });
  });
});

describe('the preview of a transfer reads as a few lines, not one per old value', () => {
  it('owned content counts that all differ become one line: various values → 0', async () => {
    const users = [
      makeUser({ id: 1, email: 'admin@example.com', roles: ['administrator'] }),
      ...Array.from({ length: 6 }, (_, i) => makeUser({ id: 10 + i, email: `o${i}@example.com`, ownedContent: i + 1 })),
      makeUser({ id: 30, email: 'heir@example.com' })
    ];
    const { engine } = await setup(undefined, users, { nextUserId: 100 });
    const p = await engine.preview('delete', { ids: [10, 11, 12, 13, 14, 15] }, { transferTo: 30 });
    if (!p.ok) throw new Error(p.message);
    expect(p.summary).toEqual([
      { label: 'Status', before: 'Active', after: 'Deleted', count: 6 },
      { label: 'Owned content', before: 'various values', after: '0', count: 6 },
      { label: 'Owned content', before: '0', after: '21', count: 1 }
    ]);
  });
});
