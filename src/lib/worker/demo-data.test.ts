import { describe, expect, it } from 'vitest';
import { userSchema, USER_STATUSES, TWO_FACTOR_STATES } from '../domain/user';
import { BUILT_IN_ROLES } from '../domain/roles';
import { accessExpired } from '../domain/dates';
import { generateDemoWorkspace } from './demo-data';

const today = '2026-11-22';

describe('demo workspace', () => {
  const ws = generateDemoWorkspace({ size: 1000, today });

  it('is deterministic: the same seed gives the same workspace, another seed another', () => {
    expect(generateDemoWorkspace({ size: 1000, today })).toEqual(ws);
    expect(generateDemoWorkspace({ size: 1000, today, seed: 2 }).users[10].email).not.toBe(ws.users[10].email);
  });

  it('holds only valid users with unique emails and resolvable references', () => {
    const orgs = new Set(ws.organizations.map((o) => o.id));
    const cos = new Set(ws.companies.map((c) => c.id));
    const ids = new Set(ws.users.map((u) => u.id));
    for (const u of ws.users) {
      const r = userSchema.safeParse(u);
      if (!r.success) throw new Error(`user ${u.id}: ${JSON.stringify(r.error.issues)}`);
      if (u.organization) expect(orgs.has(u.organization)).toBe(true);
      if (u.company) expect(cos.has(u.company)).toBe(true);
      if (u.accountExecutive) expect(ids.has(u.accountExecutive)).toBe(true);
      for (const o of u.managedOrganizations) expect(orgs.has(o)).toBe(true);
    }
    expect(new Set(ws.users.map((u) => u.emailKey)).size).toBe(1000);
  });

  it('represents every status, type, role and flag', () => {
    const has = (p: (u: (typeof ws.users)[number]) => boolean) => ws.users.some(p);
    for (const s of USER_STATUSES) expect(has((u) => u.status === s), s).toBe(true);
    for (const t of TWO_FACTOR_STATES) expect(has((u) => u.twoFactor === t), t).toBe(true);
    for (const r of BUILT_IN_ROLES) expect(has((u) => u.roles.includes(r.id)), r.id).toBe(true);
    expect(has((u) => u.userType === 'directory')).toBe(true);
    expect(has((u) => u.locked)).toBe(true);
    expect(has((u) => u.forcePasswordChange)).toBe(true);
    expect(has((u) => u.flaggedFields.length > 0)).toBe(true);
    expect(has((u) => u.ownedContent > 0)).toBe(true);
    expect(has((u) => accessExpired(u.accessExpiresAt, today))).toBe(true);
    expect(has((u) => u.status === 'invited' && u.invitation!.expiresAt >= today)).toBe(true);
    expect(has((u) => u.status === 'expired' && u.invitation!.expiresAt < today)).toBe(true);
    expect(has((u) => u.roles.includes('operations_manager') && u.managedOrganizations.length === 0)).toBe(true);
  });

  it('starts with an active Administrator as user 1, the default acting administrator', () => {
    expect(ws.users[0]).toMatchObject({ id: 1, status: 'active', roles: ['administrator'] });
    expect(ws.users[0].managedOrganizations.length).toBeGreaterThan(0);
  });

  it('generates 100,000 users quickly', () => {
    const t = performance.now();
    const big = generateDemoWorkspace({ size: 100_000, today });
    const ms = performance.now() - t;
    console.log(`100,000 demo users in ${ms.toFixed(0)} ms`);
    expect(big.users).toHaveLength(100_000);
    expect(new Set(big.users.map((u) => u.emailKey)).size).toBe(100_000);
    expect(ms).toBeLessThan(8000);
  });

  it('says how far it has got while generating a large workspace, before a single user is written', () => {
    const seen: string[] = [];
    generateDemoWorkspace({ size: 40_000, today: '2026-11-23', onProgress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`) });
    expect(seen).toEqual(['Generating 40,000 demo users 20000/40000', 'Generating 40,000 demo users 40000/40000']);
  });
});

