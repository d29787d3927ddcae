import { csvDocument } from '../domain/csv/sanitize';
import type { Evaluation } from '../domain/evaluate';
import { displayName } from '../domain/user';
import type { Store } from './store';

/** The preview as a downloadable list: one row per selected user, with what would happen to them. */
export function previewCsv(store: Store, ev: Evaluation, refused: ReadonlyMap<number, string>): string {
  const rows: unknown[][] = [];
  for (const a of ev.applies)
    if (refused.has(a.user.id)) rows.push([a.user.id, a.user.email, displayName(a.user), 'skipped', refused.get(a.user.id)]);
    else
      rows.push([a.user.id, a.user.email, displayName(a.user), 'applies', a.changes.map((c) => `${c.field}: ${fmt(c.before)} → ${fmt(c.after)}`).join('; ') || (a.effect.remove ? 'removed permanently' : 'email sent')]);
  for (const [reason, ids] of ev.skipped)
    for (const id of ids) {
      const u = store.users.get(id);
      rows.push([id, u?.email ?? '', u ? displayName(u) : '', 'skipped', reason]);
    }
  return csvDocument(['id', 'email', 'name', 'outcome', 'detail'], rows);
}

function fmt(v: unknown): string {
  if (v === null || v === undefined) return '(none)';
  if (Array.isArray(v)) return v.join(', ') || '(none)';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
