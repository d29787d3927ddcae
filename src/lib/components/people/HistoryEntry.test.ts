import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import type { Names } from '$lib/domain/values';
import type { HistoryEntry as Entry } from '$lib/worker/api';
import HistoryEntry from './HistoryEntry.svelte';

const names: Names = {
  role: (id) => ({ learner: 'Learner', instructor: 'Instructor', account_executive: 'Account Executive' })[id] ?? 'Unknown role',
  organization: (id) => ({ 'org-1': 'North', 'org-2': 'South' })[id] ?? 'Unknown organization',
  company: (id) => ({ 'co-1': 'Acme' })[id] ?? 'Unknown company',
  user: (id) => ({ 3: 'Erin Exec' })[id] ?? 'a user no longer in the directory'
};

function entry(over: Partial<Entry> = {}): Entry {
  return {
    opId: 12,
    at: '2026-11-22T14:05:00.000Z',
    kind: 'edit',
    label: 'Edit Nora North',
    actorName: 'Ada Admin',
    snapshot: null,
    changes: [],
    revertedBy: null,
    ...over
  };
}

describe('one entry of a user’s history', () => {
  it('names roles, organizations, companies and people, never their ids', () => {
    const { container } = render(HistoryEntry, {
      entry: entry({
        changes: [
          { field: 'roles', before: ['learner'], after: ['learner', 'instructor'] },
          { field: 'organization', before: 'org-1', after: 'org-2' },
          { field: 'company', before: null, after: 'co-1' },
          { field: 'accountExecutive', before: null, after: 3 },
          { field: 'status', before: 'active', after: 'inactive' },
          { field: 'flaggedFields', before: [], after: ['title', 'timeZone'] },
          { field: 'passwordHash', before: null, after: 'digest' }
        ]
      }),
      names
    });
    const items = within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      'Roles Learner → Learner, Instructor',
      'Organization North → South',
      'Company — → Acme',
      'Account executive — → Erin Exec',
      'Status Active → Inactive',
      'Flagged fields — → Title, Time zone',
      'Password Not set → Set'
    ]);
    expect(container.textContent).not.toMatch(/org-|co-1|learner\b|digest|\b3\b/);
  });

  it('links the operation’s report and the report that reverted it; says who and when', () => {
    render(HistoryEntry, { entry: entry({ revertedBy: 14, changes: [{ field: 'title', before: '', after: 'Lead' }] }), names });
    expect(screen.getByRole('link', { name: 'Edit Nora North' })).toHaveAttribute('href', '#/reports/12');
    expect(screen.getByRole('link', { name: 'reverted by #14' })).toHaveAttribute('href', '#/reports/14');
    expect(screen.getByText(/by Ada Admin/)).toBeInTheDocument();
    const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-11-22T14:05:00.000Z'));
    expect(screen.getByText(when)).toBeInTheDocument();
  });

  it('says when the operation added the user', () => {
    render(HistoryEntry, { entry: entry({ label: 'Add Nia New', snapshot: 'created' }), names });
    expect(screen.getByText('Added to the directory')).toBeInTheDocument();
  });
});
