// IANA time zones, from the runtime's own list (SPEC §1). 'UTC' is added: some runtimes list only
// 'Etc/UTC'-style names, yet administrators type UTC.
let cached: string[] | null = null;

export function timeZones(): string[] {
  if (!cached) {
    const list = Intl.supportedValuesOf('timeZone');
    cached = list.includes('UTC') ? list : [...list, 'UTC'].sort();
  }
  return cached;
}

let set: Set<string> | null = null;

export function isTimeZone(value: string): boolean {
  set ??= new Set(timeZones());
  if (set.has(value)) return true;
  try {
    // Accepts canonical aliases (Asia/Calcutta for Asia/Kolkata) the runtime knows.
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}
