/**
 * Every number, date and time people read, in one place: `Intl` in the browser's own locale and,
 * for instants, its time zone. The page and the engine's worker both use it (a worker has its
 * page's locale), so "1.000 Nutzer" and "1 000 utilisateurs" come out the same everywhere.
 *
 * Calendar days (an access expiry, an invitation's last day, Muster's "today") are Muster's own
 * days and carry no time zone: they are shown as the same day wherever the browser is.
 */

let numbers: Intl.NumberFormat | null = null;
let days: Intl.DateTimeFormat | null = null;
let instants: Intl.DateTimeFormat | null = null;
let megabytes: Intl.NumberFormat | null = null;
let percents: Intl.NumberFormat | null = null;

/** 1234 → "1,234" (en-US), "1.234" (de-DE). */
export function count(n: number): string {
  numbers ??= new Intl.NumberFormat();
  return numbers.format(n);
}

/** How far a job is, whole percents: "40%" (en-US), "40 %" (de-DE); 0% while the total is unknown. */
export function percent(progress: { done: number; total: number }): string {
  percents ??= new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
  return percents.format(progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) / 100 : 0);
}

/** "1 user", "1,204 users". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** '2026-11-22' (or an ISO instant, read as its UTC day) → 'Nov 22, 2026' in en-US; empty → '—'. */
export function formatDate(day: string | null | undefined): string {
  if (!day) return '—';
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  days ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  return days.format(d);
}

/** An ISO instant → date and time in the browser's locale and time zone; empty → '—'. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  instants ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return instants.format(d);
}

/** A size in bytes as megabytes with one decimal: "12.5 MB". */
export function formatMegabytes(bytes: number): string {
  megabytes ??= new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
  return `${megabytes.format(bytes / 1024 / 1024)} MB`;
}

/** The browser's time zone, to say which zone the times are in. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
