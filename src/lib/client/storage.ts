/** Persistent storage (SPEC §8 durability): asked once per visit; the answer is shown in Settings. */
export interface StorageState {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function requestPersistence(): Promise<StorageState> {
  const s = navigator.storage;
  if (!s?.persisted) return { persisted: null, usage: null, quota: null };
  let persisted = await s.persisted();
  if (!persisted && s.persist) persisted = await s.persist().catch(() => false);
  const est = await s.estimate?.().catch(() => undefined);
  return { persisted, usage: est?.usage ?? null, quota: est?.quota ?? null };
}
