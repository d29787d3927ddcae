// The IANA list for pickers on the main thread (the domain's copy lives in the worker bundle).
let cached: string[] | null = null;
export function timeZones(): string[] {
  if (!cached) {
    const list = Intl.supportedValuesOf('timeZone');
    cached = list.includes('UTC') ? list : [...list, 'UTC'].sort();
  }
  return cached;
}
