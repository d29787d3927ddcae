/** A promise the test settles when it chooses, so answers can arrive out of order. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Lets every settled promise's callbacks run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
