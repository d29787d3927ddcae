import { compileFilter, type Filter } from '../domain/filters';
import type { Store } from './store';

/**
 * What the administrator selected: explicit ids, or "every user matching this filter" minus the
 * ones unticked since. The filter form never ships 100,000 ids across postMessage.
 */
export type Selection = { ids: number[] } | { filter: Filter; except?: number[] };

export function resolveSelection(store: Store, sel: Selection): number[] {
  if ('ids' in sel) return [...new Set(sel.ids)];
  const match = compileFilter(sel.filter, store.settings.today, (u) => store.search.get(u.id) ?? '');
  const except = new Set(sel.except ?? []);
  const out: number[] = [];
  for (const id of store.order('name')) {
    const u = store.users.get(id)!;
    if (!except.has(id) && match(u)) out.push(id);
  }
  return out;
}
