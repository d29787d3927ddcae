import { MAX_FILE_BYTES } from '../domain/csv/decode';
import { RecordStream } from '../domain/csv/parse';
import { uploadReader } from '../domain/csv/read-upload';
import { detectFileDelimiter } from '../domain/formats';
import type { Progress } from './jobs';
import type { Store } from './store';
import { READING, validationContext, type FileRead, type UploadOpts } from './upload';

/** Text read before the first rows are: enough to see the header and what kind of file this is. */
const HEAD_CHARS = 4096;
/**
 * Bytes decoded at a time. Chromium streams a file in pieces of up to 2 MiB and decoded one that
 * size at ~40-100 MB/s, but slices of 64 KiB at over 1 GB/s (and a 2 MiB string is then made
 * again when joined): a 6 MB upload's decoding took ~40-60 ms, in slices ~3 ms.
 */
const DECODE_BYTES = 65_536;

/**
 * Reads a chosen file as the browser streams it, checking each piece's rows while the next piece
 * is read (a 6 MB file takes the browser ~60 ms to hand over). Reads what `readFileBytes` reads
 * from the same bytes. Anything but a plain UTF-8 CSV — another encoding, invalid UTF-8, a
 * workbook, a binary or empty file, SCIM JSON, quotes in the header lines — gives null: the whole
 * file is then read at once, with the messages that reading gives.
 */
export async function streamFile(store: Store, file: Blob, opts: UploadOpts, progress?: Progress, decodeBytes = DECODE_BYTES): Promise<FileRead | null> {
  if (file.size === 0 || file.size > MAX_FILE_BYTES) return null;
  const chunks = file.stream().getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head = '';
  // A workbook's or UTF-16 text's first bytes are not UTF-8 (the decoder throws) or are control characters (plainHead).
  // The next piece the browser streams, decoded in slices; at the end, what the decoder held back.
  let ended = false;
  const next = async (): Promise<string[]> => {
    const { done, value } = await chunks.read();
    if (done) return (ended = true), [decoder.decode()];
    const slices: string[] = [];
    for (let at = 0; at < value.length; at += decodeBytes) slices.push(decoder.decode(value.subarray(at, at + decodeBytes), { stream: true }));
    return slices;
  };
  try {
    // The head: the header line (two, after Entra's version line) and a sample for the binary check.
    let rest: string[] = [];
    const headRead = () => head.length >= HEAD_CHARS && TWO_LINES.test(head);
    while (!ended && !headRead()) {
      rest = await next();
      while (rest.length > 0 && !headRead()) head += rest.shift();
    }
    if (!plainHead(head)) throw new NotPlain();
    progress?.({ phase: READING, done: 1, total: 3 });
    const delimiter = opts.delimiter ?? detectFileDelimiter(head);
    const reader = uploadReader(opts.mapping, validationContext(store), (f) => progress?.({ phase: READING, done: 1 + 2 * f, total: 3 }), file.size);
    const records = new RecordStream(delimiter, reader.onRecord);
    let going = records.push(head);
    for (;;) {
      for (const text of rest) if (!(going = records.push(text))) break;
      if (!going || ended) break;
      rest = await next();
    }
    const read = reader.finish(records.end());
    return { read, encoding: 'UTF-8', warning: null, delimiter, json: false };
  } catch (e) {
    // Invalid UTF-8 (the decoder's TypeError) or a file to read whole.
    if (e instanceof NotPlain || e instanceof TypeError) return null;
    throw e;
  } finally {
    void chunks.cancel().catch(() => {});
  }
}

class NotPlain extends Error {}

/** The first two lines, each ended: what the delimiter is read from. */
const TWO_LINES = /^[^\r\n]*(\r\n|\r|\n)[^\r\n]*[\r\n]/;

/**
 * Text that is not blank or JSON, with no control characters, and no quotes in the lines the
 * delimiter is read from (the header's, and before it an Entra version line's).
 */
function plainHead(head: string): boolean {
  const [first, second = ''] = head.split(/\r\n|\r|\n/, 2);
  const delimiterFrom = /^\s*version\s*:/i.test(first) && !/[,;\t]/.test(first) ? first + second : first;
  return /\S/.test(head) && !/^\s*[[{]/.test(head) && !/[\u0000-\u0008\u000E-\u001F]/.test(head.slice(0, HEAD_CHARS)) && !delimiterFrom.includes('"');
}
