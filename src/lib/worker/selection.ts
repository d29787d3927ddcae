import { DEFAULT_SORT, type Filter } from '../domain/filters';
import { matchingIds } from './query';
import type { Store } from './store';

/**
 * What the administrator selected: explicit ids, or "every user matching this filter" minus the
 * ones unticked since. The filter form never ships 100,000 ids across postMessage.
 */
export type Selection = { ids: readonly number[] | Int32Array } | { filter: Filter; except?: number[] };

export function resolveSelection(store: Store, sel: Selection): readonly number[] {
  if ('ids' in sel) return distinct(sel.ids);
  const except = new Set(sel.except ?? []);
  const ids = matchingIds(store, sel.filter, DEFAULT_SORT);
  return except.size ? Array.from(ids).filter((id) => !except.has(id)) : Array.from(ids);
}

/** The ids once each, in their order. The page sends them ascending: then no Set of 600,000 and no copy is needed. */
function distinct(ids: readonly number[] | Int32Array): readonly number[] {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1] >= ids[i]) return [...new Set(ids)];
  return Array.isArray(ids) ? ids : Array.from(ids);
}
