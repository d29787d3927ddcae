export const count = (n: number) => n.toLocaleString('en-US');

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** '2026-11-22' or an ISO instant → '22 Nov 2026'; null → an em dash. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? value : dayFormat.format(d);
}

// The user's page speaks the browser's language: its locale, and for instants its time zone.
// Calendar days (access expiry, an invitation's last day) are Muster's own days and carry no
// time zone, so they are shown as the same day wherever the browser is.
let localDay: Intl.DateTimeFormat | null = null;
let localInstant: Intl.DateTimeFormat | null = null;

/** '2026-11-22' → the browser's own way to write that day ('Nov 22, 2026' in en-US); null → '—'. */
export function formatDate(day: string | null | undefined): string {
  if (!day) return '—';
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  localDay ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  return localDay.format(d);
}

/** An ISO instant → date and time in the browser's locale and time zone; null → '—'. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  localInstant ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return localInstant.format(d);
}

/** The browser's time zone, to say which zone the times are in. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
