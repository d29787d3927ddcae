/**
 * Work done in slices: a generator that yields between slices of a long loop, so the engine can
 * prepare an order or the shapes in the background a few milliseconds a task and answer a request
 * that arrives meanwhile, or finish the work at once when a request needs its result.
 */
export type Steps<T> = Generator<void, T, void>;

/** Items per slice of a background loop: a few milliseconds of work at a million users. */
export const SLICE = 32_768;

/** Runs `steps` to the end and returns its result. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs slices of `steps` until `ms` have passed (at least one); true when it has finished. */
export function runFor(steps: Steps<unknown>, ms: number): boolean {
  const start = performance.now();
  do if (steps.next().done) return true;
  while (performance.now() - start < ms);
  return false;
}

/** Calls `body` for [from, to) slices of 0…n of at most `size`, yielding between them. */
export function* slices(n: number, size: number, body: (from: number, to: number) => void): Steps<void> {
  for (let from = 0; from < n; from += size) {
    if (from > 0) yield;
    body(from, Math.min(n, from + size));
  }
}

/** Steps that are already finished, with their result. */
export function* done<T>(value: T): Steps<T> {
  return value;
}
