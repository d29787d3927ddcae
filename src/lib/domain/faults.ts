// Faults in words. Storage and browser errors carry names (QuotaExceededError, AbortError,
// DatabaseClosedError…) that mean nothing to a person; this turns any of them, however deeply
// wrapped, into a message that says what happened and what to do. Pure: used by the engine for its
// answers and by the page for whatever reaches it.

export const FAULT_MESSAGES = {
  quota:
    'The browser refused to store more data: its storage quota for this site is full. Nothing was changed. Free some disk space, or export a backup in Settings and reset the workspace to a smaller size.',
  closed: 'This tab lost its connection to the workspace (a newer Muster opened it in another tab, or the browser closed it). Nothing was changed. Reload this tab to keep working.',
  aborted: 'The browser stopped the write before it finished. Nothing was changed. Try again; if it happens again, reload Muster.',
  blocked: 'Another Muster tab is holding the workspace open with an older version. Close the other Muster tabs, then reload this one.',
  unknown: 'Something unexpected stopped this step. Nothing was changed. Reload Muster and try again.'
} as const;

interface Named {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/** The names of an error and of every error it wraps (Dexie's `inner`, the standard `cause`). */
export function faultNames(e: unknown): string[] {
  const names: string[] = [];
  let cur: unknown = e;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 8; depth++) {
    const n = (cur as Named).name;
    if (typeof n === 'string') names.push(n);
    cur = (cur as Named).inner ?? (cur as Named).cause;
  }
  return names;
}

const RAW_NAME = /\b[A-Z][A-Za-z]*(Error|Exception)\b/;
/** Errors Muster throws itself, whose messages are written for people. */
const OWN = new Set(['Error', 'CancelledError', 'EngineStoppedError']);

/**
 * The message a person reads for a failure. Known storage faults get Muster's own advice; a message
 * of Muster's own (a plain Error it threw, in a sentence) is kept; anything else — a TypeError, a
 * DOMException, a message carrying a raw error name — gets the generic message, not the browser's
 * words.
 */
export function describeFault(e: unknown): string {
  const names = faultNames(e);
  const text = names.join(' ') + ' ' + String((e as Named)?.message ?? '');
  if (names.includes('QuotaExceededError') || /QuotaExceeded|quota/i.test(text)) return FAULT_MESSAGES.quota;
  if (names.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError' || n === 'VersionChangeError')) return FAULT_MESSAGES.closed;
  if (names.includes('BlockedError') || names.includes('VersionError')) return FAULT_MESSAGES.blocked;
  if (names.includes('AbortError') || names.includes('TransactionInactiveError')) return FAULT_MESSAGES.aborted;
  const message = typeof (e as Named)?.message === 'string' ? ((e as Named).message as string) : typeof e === 'string' ? e : '';
  const own = names.length === 0 ? typeof e === 'string' : OWN.has(names[0]!);
  if (!own || !message || RAW_NAME.test(message)) return FAULT_MESSAGES.unknown;
  return message;
}
