import { formatMegabytes } from '../format';
/**
 * Bytes of an uploaded file → text, refusing what is not a CSV (SPEC §5 step 2). Spreadsheet
 * programs save UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type Decoded = { ok: true; text: string; encoding: string; warning: string | null } | { ok: false; error: string };

const mb = formatMegabytes;

export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: 'The file is empty.' };
  if (bytes.length > MAX_FILE_BYTES)
    return { ok: false, error: `The file is larger than the ${mb(MAX_FILE_BYTES)} limit (it is ${mb(bytes.length)}). Split it into smaller files.` };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return { ok: false, error: 'This is a spreadsheet workbook (.xlsx or similar), not a CSV file. In your spreadsheet program choose “Save as” → “CSV UTF-8”, then upload that file.' };
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return { ok: false, error: 'This is an old Excel workbook (.xls), not a CSV file. Save it as “CSV UTF-8” and upload that file.' };

  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'UTF-16 LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'UTF-16 BE');
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return decoded(new TextDecoder('utf-8', { fatal: true }).decode(body), 'UTF-8');
  } catch {
    const text = new TextDecoder('windows-1252').decode(body);
    const r = decoded(text, 'Windows-1252');
    return r.ok
      ? { ...r, warning: 'The file is not valid UTF-8, so it was read as Windows-1252. Check that accented names look right in the preview; if not, save the file as “CSV UTF-8” and upload it again.' }
      : r;
  }
}

function decoded(text: string, encoding: string): Decoded {
  // NUL characters and other control bytes mean a binary file, not text.
  const sample = text.slice(0, 4096);
  const control = sample.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (control > 0) return { ok: false, error: 'This file is not text: it looks like a binary file. Upload a CSV or SCIM JSON file.' };
  if (!text.trim()) return { ok: false, error: 'The file is empty.' };
  return { ok: true, text, encoding, warning: null };
}
