// Dates in Muster: calendar days are 'YYYY-MM-DD' strings (compare as strings), instants are ISO
// timestamps. Muster's "today" comes from its simulated clock, never from Date.now() in the domain.
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function dayOf(instant: string): string {
  return instant.slice(0, 10);
}

/** Access has ended once its expiry day has come: Bulk Expire sets it to today and ends access now. */
export function accessExpired(accessExpiresAt: string | null, today: string): boolean {
  return accessExpiresAt !== null && accessExpiresAt <= today;
}
