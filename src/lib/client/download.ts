/** Saves text as a file through the browser's download, without any server. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  downloadBlob(filename, new Blob([text], { type }));
}

export function downloadBytes(filename: string, bytes: Uint8Array, type: string) {
  downloadBlob(filename, new Blob([bytes as BlobPart], { type }));
}

/** Saves a Blob (one the engine made, say) under `filename`. */
export function downloadBlob(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
