import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { generateDemoWorkspace } from './demo-data';
import { QUIET_MS, Store } from './store';
import { matchingIds } from './query';
import { SORT_KEYS } from '../domain/filters';
import { countActiveAdministrators } from '../domain/policy';
import type { User } from '../domain/user';

const ws = generateDemoWorkspace({ size: 200, today: '2026-11-23' });

function storeOf(users: Iterable<User>, slice?: number, budgetMs?: number): Store {
  const s = new Store(slice, budgetMs);
  s.settings = { plan: 'standard', today: '2026-11-22', invitationValidityDays: 14, actorId: 1, nextUserId: 100000, demoSize: 0 };
  for (const r of ws.roles) s.roles.set(r.id, r);
  for (const o of ws.organizations) s.organizations.set(o.id, o);
  for (const c of ws.companies) s.companies.set(c.id, c);
  s.load(users);
  return s;
}

// One write: change a field (some move users in some orders, some move nobody), add or remove.
const edit = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), value: fc.constantFrom('active', 'inactive', 'invited') }),
  fc.record({ kind: fc.constant('title' as const), pick: fc.nat(), value: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('lastName' as const), pick: fc.nat(), value: fc.constantFrom('Adams', 'Zhou', 'Moss') }),
  fc.record({ kind: fc.constant('lastSignInAt' as const), pick: fc.nat(), value: fc.constantFrom(null, '2026-01-01T10:00:00.000Z') }),
  fc.record({ kind: fc.constant('roles' as const), pick: fc.nat(), value: fc.constantFrom(['administrator'], ['learner'], ['learner', 'administrator']) }),
  fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), value: fc.constant('') }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(), value: fc.constant('') })
);

describe('the engine’s sorted orders across writes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('match a fresh sort after any writes, holding the current users, ids and texts, and the count of active administrators', () => {
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (commits) => {
        const store = storeOf(ws.users);
        for (const key of SORT_KEYS) store.order(key);
        let nextId = 1000;
        for (const commit of commits) {
          for (const e of commit) {
            const ids = [...store.users.keys()];
            const u = store.users.get(ids[e.pick % ids.length])!;
            if (e.kind === 'remove') store.remove(u.id);
            else if (e.kind === 'add') {
              const id = nextId++;
              store.put({ ...u, id, email: `new${id}@example.com`, emailKey: `new${id}@example.com` });
            } else store.put({ ...u, [e.kind]: e.value, version: u.version + 1 } as User);
          }
          store.touch();
          expect(store.activeAdministrators).toBe(countActiveAdministrators(store.users.values()));
          const fresh = storeOf(store.users.values());
          for (const key of SORT_KEYS) {
            const kept = store.order(key);
            const want = fresh.order(key);
            expect(kept.users.map((x) => x.id), key).toEqual(want.users.map((x) => x.id));
            expect(Array.from(kept.ids), key).toEqual(want.users.map((x) => x.id));
            expect(kept.texts, key).toEqual(want.texts);
            expect(kept.users.every((x) => x === store.users.get(x.id)), key).toBe(true);
          }
        }
      }),
      { numRuns: 60 }
    );
  });

  it('sort every user by each key as comparing their sort keys would, ties by id', () => {
    // Names that differ only in case, empty and missing values, repeated emails' neighbours.
    const extra = ws.users.slice(0, 6).map((u, i) => ({
      ...u,
      id: 900 + i,
      firstName: 'Ann',
      lastName: ['Smith', 'smith', 'Smith', 'Émile', 'zed', 'Zed'][i],
      organization: i % 2 ? null : u.organization,
      lastSignInAt: i % 3 ? null : u.lastSignInAt,
      email: `a${i}@example.com`,
      emailKey: `a${i}@example.com`
    }));
    const store = storeOf([...extra, ...ws.users]);
    for (const key of SORT_KEYS) {
      const keyOf = store.sortKeyOf(key);
      const want = [...store.users.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : a.id - b.id));
      expect(store.order(key).users.map((u) => u.id), key).toEqual(want.map((u) => u.id));
    }
  });

  it('keeps the name order (no new sort) when a write changes only statuses', () => {
    const store = storeOf(ws.users);
    const before = store.order('name');
    for (const u of ws.users.slice(0, 50)) store.put({ ...u, status: 'inactive' });
    store.touch();
    const after = store.order('name');
    expect(after).toBe(before);
    expect(after.users.slice(0, 200).filter((u) => u.status === 'inactive').length).toBeGreaterThanOrEqual(50);
  });

  it('merges added users into the orders it holds and drops removed ones, without sorting everyone again', () => {
    const store = storeOf(ws.users);
    const before = store.order('name');
    const template = ws.users[10];
    store.put({ ...template, id: 5000, lastName: 'Aaaron', email: 'first@example.com', emailKey: 'first@example.com' });
    store.remove(ws.users[20].id);
    store.touch();
    const after = store.order('name');
    expect(after).toBe(before);
    expect(after.users[0].id).toBe(5000);
    expect(after.users.some((u) => u.id === ws.users[20].id)).toBe(false);
    expect(after.users).toHaveLength(ws.users.length);
  });

  it('joins the search index, then sorts the first order, then numbers the shapes, a slice a task, so a request comes between slices', () => {
    vi.useFakeTimers();
    // 20 users a slice, one slice a task (a budget of 0 ms).
    const store = storeOf(ws.users, 20, 0);
    const shapes = vi.spyOn(store.columns, 'shapeSteps');
    const fresh = storeOf(ws.users);
    store.soon('name');
    let tasks = 0;
    while (!store.indexed) {
      vi.advanceTimersToNextTimer();
      tasks++;
    }
    // One segment of 20 ids a task.
    expect(tasks).toBeGreaterThanOrEqual(ws.users.length / 20);
    expect(store.hasOrder('name')).toBe(false);
    tasks = 0;
    while (!store.hasOrder('name')) {
      vi.advanceTimersToNextTimer();
      tasks++;
    }
    // Ranking two parts and counting-sorting twice, then placing users and texts: several slices each.
    expect(tasks).toBeGreaterThan((4 * ws.users.length) / 20);
    expect(Array.from(store.order('name').ids)).toEqual(Array.from(fresh.order('name').ids));
    expect(shapes).not.toHaveBeenCalled();
    let shapeTasks = 0;
    while (vi.getTimerCount() > 0) {
      vi.advanceTimersToNextTimer();
      shapeTasks++;
    }
    expect(shapeTasks).toBeGreaterThanOrEqual(ws.users.length / 20);
    expect(shapes).toHaveBeenCalledTimes(shapeTasks);
    expect(Array.from(store.shapes())).toEqual(Array.from(fresh.shapes()));
  });

  it('finishes the index, an order or the shapes under way when a request needs them, with the same result as at once', () => {
    vi.useFakeTimers();
    const store = storeOf(ws.users, 20, 0);
    const fresh = storeOf(ws.users);
    store.soon('name');
    for (let i = 0; i < 3; i++) vi.advanceTimersToNextTimer();
    expect(store.indexed).toBe(false);
    expect(store.searchIndex().containing('a')).toEqual(fresh.searchIndex().containing('a'));
    expect(store.indexed).toBe(true);
    for (let i = 0; i < 5; i++) vi.advanceTimersToNextTimer();
    expect(store.hasOrder('name')).toBe(false);
    expect(Array.from(store.order('name').ids)).toEqual(Array.from(fresh.order('name').ids));
    vi.advanceTimersToNextTimer();
    vi.advanceTimersToNextTimer();
    expect(Array.from(store.shapes())).toEqual(Array.from(fresh.shapes()));
    vi.runAllTimers();
    expect(Array.from(store.shapes())).toEqual(Array.from(fresh.shapes()));
  });

  it('drops an order under way when the data changes, so it never holds users from before the write', () => {
    vi.useFakeTimers();
    const store = storeOf(ws.users, 20, 0);
    store.soon('name');
    for (let i = 0; i < 5; i++) vi.advanceTimersToNextTimer();
    const added = { ...ws.users[10], id: 5000, lastName: 'Aaaron', email: 'first@example.com', emailKey: 'first@example.com' };
    store.put(added);
    store.remove(ws.users[20].id);
    store.touch();
    vi.runAllTimers();
    const expected = storeOf([...ws.users.filter((u) => u.id !== ws.users[20].id), added]).order('name');
    expect(Array.from(store.order('name').ids)).toEqual(Array.from(expected.ids));
  });

  it('sorts a later order QUIET_MS after the request that asked, however often it is asked meanwhile', () => {
    vi.useFakeTimers();
    const store = storeOf(ws.users);
    store.order('name');
    store.soon('email');
    vi.advanceTimersByTime(QUIET_MS - 1);
    // Asked again (the column sorted the other way): the first wait still ends on time.
    store.soon('email');
    store.soon('status');
    expect(store.hasOrder('email')).toBe(false);
    vi.advanceTimersByTime(1);
    vi.runAllTimers();
    expect(store.hasOrder('email')).toBe(true);
    expect(store.hasOrder('status')).toBe(true);
  });

  it('joins again after a write only the index segments of users whose text changed, at once when someone searched', () => {
    vi.useFakeTimers();
    const store = storeOf(ws.users, 20, 0);
    expect(store.searchIndex().containing('zelda')).toEqual([]);
    // A status change leaves every search text as it was: nothing to join again.
    const v = ws.users[7];
    store.put({ ...v, status: v.status === 'active' ? 'inactive' : 'active', version: v.version + 1 });
    store.touch();
    expect(store.indexed).toBe(true);
    const u = ws.users[3];
    store.put({ ...u, firstName: 'Zelda', version: u.version + 1 });
    store.touch();
    expect(store.indexed).toBe(false);
    // One segment to join again, in the next task.
    vi.advanceTimersToNextTimer();
    expect(store.indexed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(store.searchIndex().containing('zelda')).toEqual([u.id]);
    const ids = Array.from(matchingIds(store, { q: 'zelda' }, { key: 'email', dir: 'desc' }));
    expect(ids).toEqual([u.id]);
  });

});

