import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories';
import { everyone, setup as setupEngine } from '../../../tests/engine';
import { USER_EXPORT_FORMATS } from '../domain/export-formats';
import { bulkRequestSchema, listResponseSchema } from '../domain/scim';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url)));
const file = (text: string) => new TextEncoder().encode(text);

// Organizations named as the fixtures name them (Google's "/Sales/EMEA" is EMEA), and the people
// some fixtures update.
function setup() {
  return setupEngine(
    undefined,
    [
      makeUser({ id: 1, email: 'admin@example.com', roles: ['administrator'], organization: 'org-1' }),
      makeUser({ id: 2, email: 'grace.hopper@example.com', firstName: 'Grace', lastName: 'Hopper', status: 'active', organization: 'org-1' }),
      makeUser({ id: 3, email: 'chris.green@example.com', firstName: 'Chris', lastName: 'Green', status: 'inactive' }),
      makeUser({ id: 4, email: 'priya.natarajan@example.com', firstName: 'Priya', lastName: 'Natarajan', status: 'invited' }),
      makeUser({ id: 5, email: 'formula@example.com', firstName: '=cmd', lastName: '+1', title: '@SUM(A1)', status: 'active' }),
      makeUser({ id: 6, email: 'new.hire@example.com', firstName: 'New', lastName: 'Hire', status: 'profile_only' })
    ],
    {
      organizations: [
        { id: 'org-1', name: 'Engineering' },
        { id: 'org-2', name: 'EMEA' },
        { id: 'org-3', name: 'Finance' },
        { id: 'org-4', name: 'Sales' }
      ],
      companies: [{ id: 'co-1', name: 'Contoso' }],
      nextUserId: 100
    }
  );
}

const FIXTURES = [
  ['google-workspace-update.csv', 'Google Workspace users file'],
  ['google-workspace-export.csv', 'Google Workspace users file'],
  ['entra-bulk-create.csv', 'Entra ID bulk create file'],
  ['entra-bulk-invite.csv', 'Entra ID bulk invite file'],
  ['entra-bulk-delete.csv', 'Entra ID bulk delete file'],
  ['entra-users-download.csv', 'Entra ID users download'],
  ['okta-import.csv', 'Okta user import file'],
  ['scim-list-response.json', 'SCIM 2.0 ListResponse (JSON)']
] as const;

describe('engine: other directories’ files', () => {
  it.each(FIXTURES)('recognises %s from its header and accounts for every column', async (name, label) => {
    const { engine } = await setup();
    const p = await engine.uploadPreview(fixture(name), name);
    if (!p.ok) throw new Error(p.message);
    expect(p.format.label).toBe(label);
    expect(p.columns).toHaveLength(p.headers.length);
    for (const c of p.columns) if (c.kind === 'ignored') expect(c.reason).toMatch(/\w+.*\./);
    // The version line of Entra's templates is neither the header nor a row.
    expect(p.headers.some((h) => /^version:/i.test(h))).toBe(false);
    expect(p.counts.rows).toBeGreaterThan(0);
  });

  it('applies Google’s New Status and Entra’s Block sign in as Deactivate and Activate would: same rules, same reasons', async () => {
    const { engine } = await setup();
    // Grace is active: Google's "Suspended" deactivates her; her row also changes her title.
    const g = await engine.uploadPreview(fixture('google-workspace-update.csv'), 'google.csv');
    if (!g.ok) throw new Error(g.message);
    const updated = await engine.uploadGroup(g.sessionId, 'updated');
    expect(updated.rows.find((r) => r.email === 'grace.hopper@example.com')?.actions).toEqual([{ label: 'Deactivate', from: 'New Status [UPLOAD ONLY]: Suspended' }]);
    // A bad state value is an invalid row, said with its column.
    const invalid = await engine.uploadGroup(g.sessionId, 'invalid');
    expect(invalid.rows.map((r) => r.detail)).toContainEqual(expect.stringMatching(/^New Status \[UPLOAD ONLY\]: must be “Active” or “Suspended” \(“Archived”\)$/));
    const applied = await engine.uploadApply(g.sessionId, { welcomeMessage: '', inviteNew: false, reinvite: false, undelete: false });
    if (!applied.ok) throw new Error(applied.message);
    expect((await engine.user(2))?.status).toBe('inactive');

    // Entra: Chris (inactive) is not blocked → activated; Priya (invited) is blocked → already cannot sign in: no change.
    const e = await engine.uploadPreview(fixture('entra-users-download.csv'), 'entra.csv');
    if (!e.ok) throw new Error(e.message);
    const check = await engine.uploadCheck(e.sessionId, { welcomeMessage: '', inviteNew: false, reinvite: false, undelete: false });
    if (!check.ok) throw new Error(check.message);
    const applied2 = await engine.uploadApply(e.sessionId, { welcomeMessage: '', inviteNew: false, reinvite: false, undelete: false });
    if (!applied2.ok) throw new Error(applied2.message);
    expect((await engine.user(3))?.status).toBe('active');
    expect((await engine.user(4))?.status).toBe('invited');
  });

  it('a state the actor may not change is skipped with the action’s reason, not applied', async () => {
    const { engine } = await setup();
    const csv = 'Email Address [Required],First Name [Required],Last Name [Required],New Status [UPLOAD ONLY]\npriya.natarajan@example.com,Priya,Natarajan,Active\n';
    const p = await engine.uploadPreview(file(csv), 'google.csv');
    if (!p.ok) throw new Error(p.message);
    const check = await engine.uploadCheck(p.sessionId, { welcomeMessage: '', inviteNew: false, reinvite: false, undelete: false });
    if (!check.ok) throw new Error(check.message);
    expect(check.changes).toBe(0);
    expect(check.skipped).toEqual([{ reason: expect.stringMatching(/^Activate: Invited/), count: 1, rows: [2] }]);
  });

  it.each(USER_EXPORT_FORMATS)('round trip: the directory exported as %s uploads back changing nothing', async (format) => {
    const { engine } = await setup();
    const out = await engine.exportUsers(everyone, format);
    const p = await engine.uploadPreview(file(out.text), out.filename);
    if (!p.ok) throw new Error(p.message);
    expect(p.counts).toMatchObject({ created: 0, invalid: 0 });
    const check = await engine.uploadCheck(p.sessionId, { welcomeMessage: '', inviteNew: false, reinvite: false, undelete: false });
    if (!check.ok) throw new Error(check.message);
    expect(check).toMatchObject({ changes: 0, emails: 0, skipped: [], partly: [] });
  });

  it.each(['google', 'entra', 'okta', 'muster'] as const)('exports as %s are formula-safe', async (format) => {
    const { engine } = await setup();
    const out = await engine.exportUsers({ ids: [5] }, format);
    expect(out.text).toContain("'=cmd");
    expect(out.text).not.toMatch(/(^|,)[=+@]/m);
  });

  it('exports users as a SCIM ListResponse and a report as a SCIM BulkRequest, both valid by the RFC’s shapes', async () => {
    const { engine } = await setup();
    const list = JSON.parse((await engine.exportUsers(everyone, 'scim')).text);
    expect(listResponseSchema.safeParse(list).success).toBe(true);
    expect(list.totalResults).toBe(6);
    const op = await engine.apply('deactivate', { ids: [2] }, {});
    if (!op.ok) throw new Error(op.message);
    const bulk = JSON.parse((await engine.exportReport(op.reportId, 'scim'))!.text);
    expect(bulkRequestSchema.safeParse(bulk).success).toBe(true);
    expect(bulk).toMatchObject({ failOnErrors: 1, Operations: [{ method: 'PATCH', path: '/Users/2', data: { Operations: [{ op: 'replace', path: 'active', value: false }] } }] });
    // The report's users, as a Google file.
    const users = await engine.exportReportUsers(op.reportId, 'google');
    expect(users!.text.split('\n')).toHaveLength(3);
    expect(users!.text).toMatch(/grace\.hopper@example\.com.*Suspended/);
  });

  it('an Entra bulk delete file deletes the listed users only when the administrator says so, by Delete’s own rules', async () => {
    const { engine } = await setup();
    const p = await engine.uploadPreview(fixture('entra-bulk-delete.csv'), 'delete.csv');
    if (!p.ok) throw new Error(p.message);
    expect(p.format).toEqual({ id: 'entra-delete', label: 'Entra ID bulk delete file', purpose: 'delete' });
    // Someone not in the directory is an error on that row (row 5: the version line is row 1).
    const invalid = await engine.uploadGroup(p.sessionId, 'invalid');
    expect(invalid.rows).toEqual([expect.objectContaining({ row: 5, detail: expect.stringMatching(/^email: no user in the directory has this email/) })]);
    const options = { welcomeMessage: '', inviteNew: false, reinvite: false, undelete: false };
    expect(await engine.uploadCheck(p.sessionId, options)).toMatchObject({ changes: 0 });
    expect(await engine.uploadCheck(p.sessionId, { ...options, actOnListed: true })).toMatchObject({ changes: 2 });
    const done = await engine.uploadApply(p.sessionId, { ...options, actOnListed: true });
    if (!done.ok) throw new Error(done.message);
    expect((await engine.user(3))?.status).toBe('deleted');
    expect((await engine.user(4))?.status).toBe('deleted');
  });

  it('an Entra bulk invite file invites listed profile-only users with the upload’s welcome message', async () => {
    const { engine } = await setup();
    const csv = 'version:v1.0\nEmail address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] Required\nnew.hire@example.com,https://example.com\ngrace.hopper@example.com,https://example.com\n';
    const p = await engine.uploadPreview(file(csv), 'invite.csv');
    if (!p.ok) throw new Error(p.message);
    expect(p.format.purpose).toBe('invite');
    const options = { welcomeMessage: 'Hello from the team', inviteNew: false, reinvite: false, undelete: false, actOnListed: true };
    // Grace has an account already: Invite's own reason, on her row.
    expect(await engine.uploadCheck(p.sessionId, options)).toMatchObject({ changes: 1, emails: 1, skipped: [{ reason: expect.stringMatching(/^Invite to activate account: /), count: 1, rows: [4] }] });
    const done = await engine.uploadApply(p.sessionId, options);
    if (!done.ok) throw new Error(done.message);
    expect((await engine.user(6))?.status).toBe('invited');
    const mail = (await engine.outbox('new.hire')).rows[0];
    expect(mail.body).toContain('Hello from the team');
  });
});
