import { describe, expect, it, vi } from 'vitest';
import type { LinkInfo } from '$lib/worker/api';
import { deferred } from '../../../tests/deferred';

const fake = { open: vi.fn(async () => ({ total: 0 })), meta: vi.fn(async () => null), watch: vi.fn(async () => {}), link: vi.fn(), useLink: vi.fn() };
vi.mock('$lib/client/engine', () => ({ engine: () => fake, onEngineStopped: () => () => {} }));

const { LinkFlow } = await import('./link-flow.svelte');

const info = (email: string) => ({ kind: 'invitation', state: 'valid', email, name: 'Nora North', expiresAt: '2026-12-15' }) as unknown as LinkInfo;

describe('a link from an email', () => {
  it('shows what the link now in the address is, when the previous one answers last', async () => {
    let token = 'old';
    const flow = new LinkFlow(() => token);
    const old = deferred<LinkInfo>();
    const current = deferred<LinkInfo>();
    fake.link.mockReturnValueOnce(old.promise).mockReturnValueOnce(current.promise);
    const first = flow.open();
    token = 'new';
    const second = flow.open();
    current.resolve(info('new@example.com'));
    await second;
    old.resolve(info('old@example.com'));
    await first;
    expect(flow.info?.email).toBe('new@example.com');
    expect(flow.invitation).toBe(true);
  });

  it('refuses two different passwords without asking the engine', async () => {
    const flow = new LinkFlow(() => 't');
    flow.password = 'correct horse battery';
    flow.confirm = 'correct horse battery!';
    await flow.submit();
    expect(flow.error).toBe('The two passwords are not the same.');
    expect(fake.useLink).not.toHaveBeenCalled();
  });

  it('says why the password was not set, in words, and lets the person try again', async () => {
    const flow = new LinkFlow(() => 't');
    flow.password = flow.confirm = 'correct horse battery';
    fake.useLink.mockRejectedValueOnce(new Error('The workspace is closed.'));
    await flow.submit();
    expect([flow.error, flow.busy, flow.done]).toEqual(['The workspace is closed.', false, false]);
    fake.useLink.mockResolvedValueOnce({ ok: true });
    await flow.submit();
    expect(fake.useLink).toHaveBeenLastCalledWith('t', 'correct horse battery');
    expect(flow.done).toBe(true);
  });
});
