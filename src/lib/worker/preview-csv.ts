import { csvDocument } from '../domain/csv/sanitize';
import { changeRows, type Names } from '../domain/report-rows';
import { displayName } from '../domain/user';
import type { Gated } from './gate';
import type { Store } from './store';

export const PREVIEW_CSV_HEADER = ['email', 'name', 'outcome', 'field', 'before', 'after', 'user id'];

/**
 * The preview as a downloadable list, in words: one row per field that will change (names of roles,
 * organizations and people, not ids), one per user who is only emailed, one per skipped user with
 * the reason. Ids stay in their own last column.
 */
export function previewCsv(store: Store, gated: Gated, names: Names): string {
  const rows: unknown[][] = [];
  for (const r of changeRows(gated.plan.changes, names)) rows.push([r.email, r.name, 'applies', r.label, r.before, r.after, r.userId]);
  const changed = new Set(gated.plan.changes.map((c) => c.userId));
  for (const e of gated.plan.emails)
    if (!changed.has(e.userId)) {
      const u = store.users.get(e.userId);
      rows.push([e.to, u ? displayName(u) : '', 'applies', 'Email', '', e.subject, e.userId]);
    }
  for (const { reason, ids } of gated.plan.skips)
    for (const id of ids) {
      const u = store.users.get(id);
      rows.push([u?.email ?? '', u ? displayName(u) : '', 'skipped', reason, '', '', id]);
    }
  return csvDocument(PREVIEW_CSV_HEADER, rows);
}
