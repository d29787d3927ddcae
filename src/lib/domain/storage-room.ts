import { formatMegabytes, plural } from './format';

/** How much room the browser gives this site, as navigator.storage.estimate() says. */
export interface StorageEstimate {
  quota?: number;
  usage?: number;
}

/**
 * Stored users take more than their JSON: IndexedDB's structured clone, the chunk records and the
 * email index. This factor over the JSON size is deliberately generous: refusing early costs a
 * smaller demo, running out of room half way costs the workspace.
 */
export const STORED_OVER_JSON = 2;

/**
 * Whether data of `jsonBytes` (its size as JSON) fits in the room the browser has left — said
 * before anything is written. `what` names it in the message ("A workspace of 1,000,000 users").
 * Null when it fits, or when the browser does not say (then the write itself is the test, and a
 * refusal rolls back).
 */
export function roomProblem(what: string, jsonBytes: number, estimate: StorageEstimate | null): string | null {
  if (!estimate?.quota) return null;
  const need = jsonBytes * STORED_OVER_JSON;
  const free = estimate.quota - (estimate.usage ?? 0);
  if (need <= free) return null;
  return `${what} needs about ${formatMegabytes(need)}, and this browser leaves Muster ${formatMegabytes(Math.max(0, free))}. Nothing was changed. Choose a smaller size, or free disk space and try again.`;
}

/** "A workspace of 1,000,000 users". */
export const workspaceOf = (users: number) => `A workspace of ${plural(users, 'user')}`;
