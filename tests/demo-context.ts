import { generateDemoWorkspace } from '../src/lib/worker/demo-data';
import { byName, type ValidationContext } from '../src/lib/domain/csv/validate';

/**
 * A 300-user demo workspace with what the upload's checks and the writers need: the validation
 * context (names and emails to ids) and the names (ids to names, user ids to emails).
 */
export function demoContext() {
  const ws = generateDemoWorkspace({ size: 300, today: '2026-11-22' });
  const byKey = new Map(ws.users.map((u) => [u.emailKey, u]));
  const byId = new Map(ws.users.map((u) => [u.id, u]));
  const ctx: ValidationContext = {
    roleByName: byName(ws.roles),
    organizationByName: byName(ws.organizations),
    companyByName: byName(ws.companies),
    userByEmailKey: (k) => byKey.get(k),
    idLimit: Math.max(...ws.users.map((u) => u.id)) + 1
  };
  const names = {
    role: (id: string) => ws.roles.find((r) => r.id === id)!.name,
    organization: (id: string) => ws.organizations.find((o) => o.id === id)!.name,
    company: (id: string) => ws.companies.find((c) => c.id === id)!.name,
    emailOf: (id: number) => byId.get(id)!.email
  };
  return { ws, ctx, names, byKey };
}
