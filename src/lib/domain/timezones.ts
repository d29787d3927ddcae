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

/** Every name asked about, and whether the runtime knows it: an upload asks per row. */
const known = new Map<string, boolean>();

export function isTimeZone(value: string): boolean {
  let ok = known.get(value);
  if (ok === undefined) {
    ok = check(value);
    // Bounded: a file of a million made-up names must not keep a million answers.
    if (known.size > 10_000) known.clear();
    known.set(value, ok);
  }
  return ok;
}

function check(value: string): boolean {
  if (timeZones().includes(value)) return true;
  try {
    // Accepts canonical aliases the runtime knows: Chromium lists Asia/Calcutta, people write
    // Asia/Kolkata. Making a formatter takes tens of microseconds, hence the answers kept above.
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}
