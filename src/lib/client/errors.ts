import { describeFault } from '../domain/faults';

/** The engine worker is gone: nothing more can be read or written until the page reloads. */
export class EngineStoppedError extends Error {
  constructor(readonly how: 'crashed' | 'stopped') {
    super(
      how === 'crashed'
        ? 'Muster’s engine hit an unexpected error and stopped. Every write is one transaction, so nothing was half-applied: a change that was running either finished whole or changed nothing. Reload Muster to continue.'
        : 'Muster’s engine stopped (the browser may have closed it to free memory). Every write is one transaction, so nothing was half-applied: a change that was running either finished whole or changed nothing. Reload Muster to continue.'
    );
    this.name = 'EngineStoppedError';
  }
}

/** Any failure that reached the page, as an Error whose message a person can act on. */
export function friendlyError(e: unknown): Error {
  if (e instanceof EngineStoppedError) return e;
  const err = new Error(describeFault(e));
  err.cause = e;
  return err;
}

/** The message to show for a failure caught anywhere on the page. */
export function messageOf(e: unknown): string {
  return describeFault(e);
}
