/**
 * The directory as the administrator left it: which users were ticked and how far the table was
 * scrolled, for the filter and sort it showed (its URL query). Opening a user leaves the
 * directory's page, so its state would be lost; it is kept here, in this tab's session storage
 * too so that reloading the user's page and going back still finds it. It is taken once: a later
 * visit (or a reload of the directory) starts fresh, as it always did.
 */
export interface DirectorySnapshot {
  /** The directory's URL query (filter and sort) the snapshot belongs to. */
  key: string;
  ids: number[];
  anchor: number | null;
  scrollTop: number;
}

const STORAGE_KEY = 'muster.directory';
let kept: DirectorySnapshot | null = null;

function stored(): DirectorySnapshot | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as DirectorySnapshot) : null;
  } catch {
    return null;
  }
}

export function rememberDirectory(snapshot: DirectorySnapshot) {
  kept = snapshot;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(snapshot));
  } catch {
    // Storage full or refused: the snapshot still lives in memory for this visit.
  }
}

/** The snapshot left for this filter and sort, taken (it is given once); null when none. */
export function recallDirectory(key: string): DirectorySnapshot | null {
  const s = kept ?? stored();
  if (!s || s.key !== key) return null;
  kept = null;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing to do: it will not match a later visit's state any better
  }
  return s;
}

/** Where "← Users" leads: the directory as it was left (its filter and sort), else the whole list. */
export function directoryHref(): string {
  const s = kept ?? stored();
  return s?.key ? `#/?${s.key}` : '#/';
}
