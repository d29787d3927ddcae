/**
 * The one way the main thread loads data from the engine. Each load run through a `Latest`
 * supersedes the loads it ran before, and whatever a superseded load answers — its value or its
 * failure — is dropped, so a slow answer to an old question (the previous search, the previous
 * page of the audit log, the report shown before) never replaces the answer to the newest one.
 *
 * Not runed's `resource`: it aborts the older fetcher's AbortSignal but still stores whatever that
 * fetcher resolves, and an engine call cannot be aborted (the worker answers it anyway), so the
 * older answer would overwrite the newer one. It also needs a component's effect to run, while the
 * lists here load page by page as they scroll ("more" below), which is not one value per question.
 *
 * Failures of the newest load reject as they came from the engine (already in words, errors.ts):
 * a flow that shows them in place catches them with `messageOf`; the rest reach `workspace.fail`.
 */
export class Latest {
  #current = 0;

  /**
   * Runs `load` as the newest load and hands its answer to `show`, unless a newer load started (or
   * `drop` was called) meanwhile. With `wait` (ms), the load starts only once that long passes
   * without a newer one, so a burst of keystrokes asks the engine once. Resolves whether `show` ran.
   */
  run<T>(load: () => Promise<T>, show: (value: T) => void, opts: { wait?: number } = {}): Promise<boolean> {
    return this.#settle(++this.#current, load, show, opts.wait ?? 0);
  }

  /**
   * Loads more for the load in force (another page of the same query) without superseding it; its
   * answer is dropped, like the load's own, once a newer load starts.
   */
  more<T>(load: () => Promise<T>, show: (value: T) => void): Promise<boolean> {
    return this.#settle(this.#current, load, show, 0);
  }

  /** Supersedes every load in flight without starting one: their answers will be dropped. */
  drop() {
    this.#current++;
  }

  async #settle<T>(n: number, load: () => Promise<T>, show: (value: T) => void, wait: number): Promise<boolean> {
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (n !== this.#current) return false;
    }
    // Without a wait the load starts synchronously, as a direct call would.
    let value: T;
    try {
      value = await load();
    } catch (e) {
      if (n !== this.#current) return false;
      throw e;
    }
    if (n !== this.#current) return false;
    show(value);
    return true;
  }
}
