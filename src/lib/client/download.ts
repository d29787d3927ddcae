/** Saves text as a file through the browser's download, without any server. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  downloadBytes(filename, new TextEncoder().encode(text), type);
}

export function downloadBytes(filename: string, bytes: Uint8Array, type: string) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
