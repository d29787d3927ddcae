import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories';
import { exportUsers } from '../domain/csv/export';
import { USER_EXPORT_FORMATS } from '../domain/export-formats';
import { writeEntraUsers, writeGoogleUsers, writeOktaUsers } from '../domain/formats';
import { listResponse } from '../domain/scim';
import { exportUsersAs } from './export-users';

const names = { role: (id: string) => `Role ${id}`, organization: (id: string) => `Org ${id}`, company: (id: string) => `Co ${id}`, emailOf: () => '' };
const users = Array.from({ length: 23_456 }, (_, i) => makeUser({ id: i + 1, email: `u${i}@example.com`, title: i % 7 ? 'Engineer' : '=HYPERLINK()' }));

describe('exporting users in chunks, with progress', () => {
  it.each(USER_EXPORT_FORMATS)('%s: the same file as one piece, and progress up to every user', (format) => {
    const seen: number[] = [];
    const file = exportUsersAs(users, format, names, (p) => seen.push(p.done));
    const whole = { muster: exportUsers, google: writeGoogleUsers, entra: writeEntraUsers, okta: writeOktaUsers }[format as 'muster'];
    if (format === 'scim') expect(JSON.parse(file.text)).toEqual(listResponse(users, names));
    else expect(file.text).toBe(whole(users, names));
    expect(seen).toEqual([0, 10_000, 20_000, 23_456]);
  });

  it('crosses to the page as a Blob of that text: the page is handed a Blob, never the text or its bytes', async () => {
    const file = exportUsersAs(users.slice(0, 50), 'muster', names);
    const onPage = structuredClone(file);
    expect(Object.keys(onPage).sort()).toEqual(['blob', 'filename', 'mime']);
    expect(onPage.blob.type).toBe('text/csv;charset=utf-8');
    // Byte for byte, the leading byte-order mark included (Blob.text() would drop it).
    expect(new Uint8Array(await onPage.blob.arrayBuffer())).toEqual(new TextEncoder().encode(file.text));
  });
});
