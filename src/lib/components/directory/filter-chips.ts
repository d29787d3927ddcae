import { FLAG_FILTERS, type Filter } from '$lib/domain/filters';
import { STATUS_LABELS, TYPE_LABELS } from '$lib/domain/user-fields';
import { formatDate } from '$lib/domain/format';

export interface Chip {
  label: string;
  remove: (f: Filter) => Filter;
}

interface Names {
  role: (id: string) => string;
  org: (id: string) => string;
  company: (id: string) => string;
}

const TWO_FA: Record<string, string> = { enrolled: '2FA enrolled', reset: '2FA reset', none: 'No 2FA' };

/** One removable chip per active value, so the administrator sees what narrows the list. */
export function filterChips(f: Filter, names: Names): Chip[] {
  const chips: Chip[] = [];
  if (f.scim?.trim()) chips.push({ label: `SCIM filter: ${f.scim.trim()}`, remove: (g) => ({ ...g, scim: undefined }) });
  const list = <K extends 'status' | 'type' | 'role' | 'organization' | 'company' | 'timeZone' | 'twoFactor' | 'flags'>(
    key: K,
    label: (v: string) => string
  ) => {
    for (const v of (f[key] ?? []) as string[])
      chips.push({ label: label(v), remove: (g) => ({ ...g, [key]: ((g[key] ?? []) as string[]).filter((x) => x !== v) }) });
  };
  list('status', (v) => `Status: ${STATUS_LABELS[v as keyof typeof STATUS_LABELS]}`);
  list('type', (v) => `Type: ${TYPE_LABELS[v as keyof typeof TYPE_LABELS]}`);
  list('role', (v) => `Role: ${names.role(v)}`);
  list('organization', (v) => `Organization: ${names.org(v)}`);
  list('company', (v) => `Company: ${names.company(v)}`);
  list('timeZone', (v) => `Time zone: ${v}`);
  list('twoFactor', (v) => TWO_FA[v] ?? v);
  list('flags', (v) => FLAG_FILTERS[v as keyof typeof FLAG_FILTERS]);
  const ranges = { lastSignIn: 'Last sign-in', invited: 'Invited', accessExpiry: 'Access expiry' } as const;
  for (const [key, label] of Object.entries(ranges) as [keyof typeof ranges, string][]) {
    const r = f[key];
    if (r?.from || r?.to)
      chips.push({
        label: `${label}: ${r.from ? formatDate(r.from) : '…'} – ${r.to ? formatDate(r.to) : '…'}`,
        remove: (g) => ({ ...g, [key]: undefined })
      });
  }
  return chips;
}

/** How many of the filter panel's criteria are in use (the search box's text and SCIM filter aside). */
export function activeFilterCount(f: Filter): number {
  return filterChips({ ...f, scim: undefined }, { role: String, org: String, company: String }).length;
}
