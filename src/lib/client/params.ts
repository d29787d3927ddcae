import { FIELD_LABELS } from '../domain/user-fields';
import { paramLabel, type ParamValueKind } from '../domain/param-labels';
import { workspace } from '../state/workspace.svelte';
import { count, formatDate } from '../domain/format';

/** An operation's parameters as labelled words: role names, not ids; "Yes", not true. */
export function describeParams(params: Record<string, unknown>, people: Record<number, string> = {}): { label: string; value: string }[] {
  return Object.entries(params).map(([key, v]) => {
    const { label, value } = paramLabel(key);
    return { label, value: describe(value, v, people) };
  });
}

function describe(kind: ParamValueKind, v: unknown, people: Record<number, string>): string {
  if (v === null || v === undefined || v === '') return kind === 'text' ? '(none)' : 'None';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.map((x) => describe(kind, x, people)).join(', ');
  switch (kind) {
    case 'role':
      return workspace.roleName(String(v));
    case 'organization':
      return workspace.orgName(String(v));
    case 'company':
      return workspace.companyName(String(v));
    case 'field':
      return FIELD_LABELS[String(v)] ?? String(v);
    case 'user':
      return people[Number(v)] ?? 'a user no longer in the directory';
    case 'report':
      return `report #${v}`;
    case 'day':
      return formatDate(String(v));
    case 'count':
      return count(Number(v));
    default:
      return String(v);
  }
}
