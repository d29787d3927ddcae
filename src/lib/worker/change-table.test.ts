import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories';
import { userChange } from '../domain/operations';
import { ChangeTable } from './change-table';
import type { Names } from '../domain/values';

/** 2,000 users moved to another organization, the first of them also removed from the directory. */
function log() {
  return Array.from({ length: 2000 }, (_, i) => {
    const before = makeUser({ id: i + 1, email: `p${i}@example.com`, firstName: `P${i}`, lastName: 'Person', organization: 'org-1' });
    const after = { ...before, organization: 'org-2' };
    return i === 0
      ? userChange(before, null, [], { kind: 'removed', user: before })
      : userChange(before, after, [{ field: 'organization', before: 'org-1', after: 'org-2' }]);
  });
}

function countingNames() {
  const asked = { n: 0 };
  const names: Names = {
    role: (id) => id,
    organization: (id) => (asked.n++, id === 'org-1' ? 'North' : 'South'),
    company: (id) => id,
    user: (id) => String(id)
  };
  return { names, asked };
}

describe('a preview’s or report’s changes, row by row', () => {
  it('puts in words only the rows a page shows: 2,000 changes, a page of 50', () => {
    const { names, asked } = countingNames();
    const table = new ChangeTable(log(), names);
    const page = table.page({}, 0, 50);
    expect(page).toMatchObject({ total: 2000, all: 2000 });
    expect(page.rows[0]).toMatchObject({ email: 'p0@example.com', label: 'User', before: 'In the directory', after: 'Removed permanently' });
    expect(page.rows[1]).toMatchObject({ email: 'p1@example.com', label: 'Organization', before: 'North', after: 'South' });
    expect(page.rows).toHaveLength(50);
    // Two organization names per row shown (before and after), none for the other 1,951 rows.
    expect(asked.n).toBe(2 * 49);
    expect(table.fields).toEqual([
      { field: 'organization', label: 'Organization', count: 1999 },
      { field: 'record', label: 'User', count: 1 }
    ]);
  });

  it('searches by user and filters by field before paging', () => {
    const table = new ChangeTable(log(), countingNames().names);
    expect(table.page({ q: 'p19' }, 0, 100).total).toBe(111); // p19, p190–p199, p1900–p1999
    expect(table.page({ q: 'P1999 person' }, 0, 100).rows).toMatchObject([{ email: 'p1999@example.com', after: 'South' }]);
    expect(table.page({ field: 'record' }, 0, 100).rows).toMatchObject([{ email: 'p0@example.com', after: 'Removed permanently' }]);
    expect(table.page({ field: 'organization', q: 'p0@' }, 0, 100).total).toBe(0);
    expect(table.page({}, 1990, 100).rows.map((r) => r.email)).toEqual(Array.from({ length: 10 }, (_, i) => `p${1990 + i}@example.com`));
  });
});
