/**
 * Holds a Web Lock for as long as this worker lives. The page queues for the same lock, and the
 * browser grants it only once this worker's global is gone: the page learns of a death at once,
 * however it happened (client/engine.ts).
 */
export function holdLifeline(name: string): Promise<void> {
  return new Promise((held) => {
    void navigator.locks.request(name, () => {
      held();
      return new Promise<never>(() => {});
    });
  });
}

export interface Lifeline {
  holdLifeline(name: string): Promise<void>;
}
