import type { StorageEstimate } from '../domain/storage-room';

/** The browser's storage estimate for this site, or null where there is none (Node tests, old browsers). */
export async function storageEstimate(): Promise<StorageEstimate | null> {
  try {
    return (await globalThis.navigator?.storage?.estimate?.()) ?? null;
  } catch {
    return null;
  }
}
