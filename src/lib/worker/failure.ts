import { describeFault } from '../domain/faults';

/**
 * The one failure shape of the engine's API. No method throws for an expected refusal:
 * - denied: the acting administrator may not do this;
 * - invalid: the request itself is wrong (unknown action, bad parameters, a bad file);
 * - conflict: the workspace moved on (a stale preview, a report already reverted);
 * - cancelled: the person cancelled; nothing was changed;
 * - fault: storage or the browser failed; nothing was changed.
 */
export type FailureKind = 'denied' | 'invalid' | 'conflict' | 'cancelled' | 'fault';

export interface Failure {
  ok: false;
  kind: FailureKind;
  message: string;
}

export function fail<X extends object = object>(kind: FailureKind, message: string, extra?: X): Failure & X {
  return { ok: false, kind, message, ...(extra as X) };
}

export function isFailure(x: unknown): x is Failure {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false && typeof (x as Failure).kind === 'string';
}

/** A failed write in words; every write is one transaction, so nothing was changed. */
export function faultMessage(e: unknown): string {
  const message = describeFault(e);
  return /nothing was changed/i.test(message) ? message : `${message} Nothing was changed.`;
}
