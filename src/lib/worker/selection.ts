import { DEFAULT_SORT, type Filter } from '../domain/filters';
import { matchingIds } from './query';
import type { Store } from './store';

/**
 * What the administrator selected: explicit ids, or "every user matching this filter" minus the
 * ones unticked since. The filter form never ships 100,000 ids across postMessage.
 */
export type Selection = { ids: readonly number[] | Int32Array } | { filter: Filter; except?: number[] };

/** Selected ids, in order, once each: a list, or the typed array the page or a query made (not copied: 600,000 ids take ~100 ms to copy into a list). */
export type SelectedIds = readonly number[] | Int32Array;

export function resolveSelection(store: Store, sel: Selection): SelectedIds {
  if ('ids' in sel) return distinct(sel.ids);
  const except = new Set(sel.except ?? []);
  const ids = matchingIds(store, sel.filter, DEFAULT_SORT);
  return except.size ? ids.filter((id) => !except.has(id)) : ids;
}

/** The ids once each, in their order. The page sends them ascending: then no Set of 600,000 is needed. */
function distinct(ids: SelectedIds): SelectedIds {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1] >= ids[i]) return [...new Set(ids)];
  return ids;
}
