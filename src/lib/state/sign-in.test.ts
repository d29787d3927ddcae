import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Meta, QueryResult, SessionView, UserRow } from '$lib/worker/api';
import { deferred } from '../../../tests/deferred';

const fake = { open: vi.fn(async () => ({ total: 0 })), meta: vi.fn(async () => null), watch: vi.fn(async () => {}), query: vi.fn() };
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));

const { workspace } = await import('./workspace.svelte');
const { SignInFlow } = await import('./sign-in.svelte');
await workspace.ready();
workspace.meta = { organizations: [{ id: 'org-1', name: 'North' }], companies: [{ id: 'co-1', name: 'Acme' }] } as unknown as Meta;

const user = (id: number, email: string) => ({ id, email, firstName: 'Nora', lastName: `N${id}`, status: 'active' }) as UserRow;
const answer = (...rows: UserRow[]): QueryResult => ({ total: rows.length, rows }) as QueryResult;

describe('signing in as a user', () => {
  afterEach(() => vi.useRealTimers());

  it('suggests users once typing pauses, for what was typed last', async () => {
    vi.useFakeTimers();
    const flow = new SignInFlow();
    const slow = deferred<QueryResult>();
    const answers: Record<string, Promise<QueryResult>> = {
      no: slow.promise,
      nora: Promise.resolve(answer(user(1, 'nora@example.com'))),
      'nora@': Promise.resolve(answer(user(2, 'nora@example.org')))
    };
    fake.query.mockReset().mockImplementation(({ filter }) => answers[filter.q]);
    flow.email = 'no';
    const first = flow.suggest();
    await vi.advanceTimersByTimeAsync(150); // the pause: asks for "no", whose answer is slow
    flow.email = 'nora';
    const second = flow.suggest();
    flow.email = 'nora@';
    const third = flow.suggest();
    await vi.advanceTimersByTimeAsync(150);
    await Promise.all([second, third]);
    slow.resolve(answer(user(3, 'noah@example.com')));
    await first;
    expect(fake.query.mock.calls.map(([q]) => q.filter.q)).toEqual(['no', 'nora@']);
    expect(flow.suggestions).toEqual([{ email: 'nora@example.org', label: 'Nora N2 · active' }]);
  });

  it('asks nothing for fewer than two letters, and drops a suggestion still on its way', async () => {
    vi.useFakeTimers();
    const flow = new SignInFlow();
    fake.query.mockReset();
    flow.email = 'nora';
    const typed = flow.suggest();
    flow.email = 'n';
    await flow.suggest();
    await vi.advanceTimersByTimeAsync(150);
    await typed;
    expect(fake.query).not.toHaveBeenCalled();
    expect(flow.suggestions).toEqual([]);
  });

  it('reads the lists of the forced update only when that step comes up, without the user themself', async () => {
    const flow = new SignInFlow();
    fake.query.mockReset();
    await flow.loadChoices();
    expect(fake.query).not.toHaveBeenCalled();
    flow.session = { sessionId: 's', userId: 1, steps: ['update_fields'], flagged: [] } as unknown as SessionView;
    fake.query.mockResolvedValueOnce(answer(user(1, 'self@example.com'), user(2, 'ae@example.com')));
    await flow.loadChoices();
    expect(flow.choices.organization).toEqual([{ value: 'org-1', label: 'North' }]);
    expect(flow.choices.company).toEqual([{ value: 'co-1', label: 'Acme' }]);
    expect(flow.choices.accountExecutive).toEqual([{ value: '2', label: 'Nora N2 (ae@example.com)' }]);
  });

  it('hands a failed suggestion to the one error handler, in words', async () => {
    workspace.failure = null;
    const flow = new SignInFlow();
    flow.email = 'nora';
    fake.query.mockReset().mockRejectedValueOnce(new Error('The workspace is closed.'));
    vi.useFakeTimers();
    const asked = flow.suggest();
    await vi.advanceTimersByTimeAsync(150);
    await asked;
    expect(workspace.failure).toBe('The workspace is closed.');
  });
});
