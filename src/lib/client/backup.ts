import { engine } from './engine';
import { downloadBytes } from './download';

/** Downloads the whole workspace as one .json.gz file; returns its size in bytes. */
export async function downloadBackup(today: string | undefined): Promise<number> {
  const bytes = await engine().exportWorkspace();
  downloadBytes(`muster-workspace-${today ?? 'backup'}.json.gz`, bytes, 'application/gzip');
  return bytes.length;
}

/** Replaces the workspace with a backup file, only if the whole file is valid. */
export async function restoreBackup(file: Blob) {
  return engine().importWorkspace(new Uint8Array(await file.arrayBuffer()));
}
