/**
 * A strict RFC 4180 reader. papaparse guesses the newline from the first line (a file mixing CRLF
 * and LF silently merges rows) and reports an unclosed quote only as "MissingQuotes" after eating
 * the rest of the file (STACK.md), so Muster reads CSV itself: CRLF, LF and CR all end a record,
 * quoted fields may hold delimiters, doubled quotes and line breaks, and any malformed quoting
 * rejects the file with the line where it happened.
 */
export type Delimiter = ',' | ';' | '\t';
export const DELIMITERS: { value: Delimiter; label: string }[] = [
  { value: ',', label: 'Comma' },
  { value: ';', label: 'Semicolon' },
  { value: '\t', label: 'Tab' }
];

export interface ParsedCsv {
  /** Records, each with the file line it starts on (1-based). Blank lines are dropped. */
  rows: { line: number; cells: string[] }[];
}
export type ParseResult = ({ ok: true } & ParsedCsv) | { ok: false; error: string; line: number };

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  const [best, count] = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ',';
}

/** Every record of the file in turn, without keeping them: an upload checks each row as it is read. */
export type RecordHandler = (cells: string[], line: number, offset: number) => void;
/** `line`: the line after the last one read (where a next piece of the same file starts). */
export type ReadResult = { ok: true; records: number; line: number } | { ok: false; error: string; line: number };

/** Where a piece of a file starts: its first line's number and its first character's offset in the file. */
export interface Place {
  line: number;
  offset: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export function eachRecord(input: string, delimiter: Delimiter, onRecord: RecordHandler, from?: Place): ReadResult {
  // A byte order mark starts a file, not a piece of one.
  const text = !from && input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const base = from?.offset ?? 0;
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  let records = 0;
  let i = 0;
  let line = from?.line ?? 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let end = false;
    while (!end) {
      let value = '';
      if (text.charCodeAt(i) === QUOTE) {
        const opened = line;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) return { ok: false, line: opened, error: `A quoted field that starts on line ${opened} is never closed (a missing ").` };
          const chunk = text.slice(i, q);
          for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
          for (let k = chunk.indexOf('\r'); k >= 0; k = chunk.indexOf('\r', k + 1)) if (chunk.charCodeAt(k + 1) !== LF) line++;
          value += chunk;
          i = q + 1;
          if (text.charCodeAt(i) === QUOTE) {
            value += '"';
            i++;
            continue;
          }
          break;
        }
        const next = text.charCodeAt(i);
        if (i < n && next !== sep && next !== LF && next !== CR)
          return { ok: false, line, error: `Line ${line}: unexpected text after a closing quote. Inside a quoted field, write a quote as "".` };
      } else {
        let j = i;
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === sep || c === LF || c === CR) break;
          if (c === QUOTE) return { ok: false, line, error: `Line ${line}: a quote inside an unquoted field. Put the whole field in quotes and write the quote as "".` };
        }
        value = i === j ? '' : text.slice(i, j);
        i = j;
      }
      cells.push(value);
      if (i >= n) end = true;
      else if (text.charCodeAt(i) === sep) i++;
      else {
        // CRLF, LF or a lone CR ends the record.
        i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        end = true;
      }
    }
    if (!(cells.length === 1 && cells[0] === '')) {
      records++;
      onRecord(cells, start, base + i);
    }
  }
  return { ok: true, records, line };
}

/**
 * Where the last whole record of `text` ends: just after its last line feed outside quotes, or 0
 * if none. Scans from `from` (inside quotes or not), and says whether the text ends inside quotes.
 * RFC 4180 quoting doubles every quote inside a field, so a line feed after an even number of
 * quotes ends a record.
 */
export function recordEnds(text: string, from = 0, quoted = false): { end: number; quoted: boolean } {
  // Whether the end is inside quotes: the quotes from `from` on, counted once.
  let inside = quoted;
  for (let q = text.indexOf('"', from); q >= 0; q = text.indexOf('"', q + 1)) inside = !inside;
  // Back from the end to the last line feed outside quotes (one or two steps in most files).
  let parity = inside;
  let q = text.lastIndexOf('"');
  for (let lf = text.lastIndexOf('\n'); lf >= from && lf >= 0; lf = lf > 0 ? text.lastIndexOf('\n', lf - 1) : -1) {
    for (; q > lf; q = q > 0 ? text.lastIndexOf('"', q - 1) : -1) parity = !parity;
    if (!parity) return { end: lf + 1, quoted: inside };
  }
  return { end: 0, quoted: inside };
}

/**
 * A file's records from its text in pieces, as a stream hands them over: each piece's whole
 * records are read at once (with their lines and offsets in the file), the rest waits for the
 * next piece. Reads exactly what `eachRecord` reads from the whole text, errors included.
 */
export class RecordStream {
  private carry = '';
  /** Whether the carried text ends inside quotes (it starts outside them, on a record's first line). */
  private quoted = false;
  private place: Place | undefined = undefined;
  private records = 0;
  private failed: ReadResult | null = null;

  constructor(
    private readonly delimiter: Delimiter,
    private readonly onRecord: RecordHandler
  ) {}

  /** Reads the whole records the text so far holds; false once the file is known to be malformed. */
  push(piece: string): boolean {
    if (this.failed) return false;
    const text = this.carry + piece;
    // The carried text was scanned already: only the new piece is.
    const { end, quoted } = recordEnds(text, this.carry.length, this.quoted);
    this.quoted = quoted;
    this.carry = text.slice(end);
    if (end > 0) this.read(text.slice(0, end));
    return !this.failed;
  }

  /** Reads what is left and says how the reading went. */
  end(): ReadResult {
    if (!this.failed && (this.carry || !this.place)) this.read(this.carry);
    this.carry = '';
    return this.failed ?? { ok: true, records: this.records, line: this.place?.line ?? 1 };
  }

  private read(text: string) {
    const r = eachRecord(text, this.delimiter, this.onRecord, this.place);
    if (!r.ok) {
      this.failed = r;
      return;
    }
    this.records += r.records;
    // The first piece may have lost a byte order mark: offsets count from after it.
    const skipped = !this.place && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.place = { line: r.line, offset: (this.place?.offset ?? 0) + text.length - skipped };
  }
}

/** The whole file as records (for small files and tests; uploads use `eachRecord`). */
export function parseCsv(input: string, delimiter: Delimiter): ParseResult {
  const rows: ParsedCsv['rows'] = [];
  const r = eachRecord(input, delimiter, (cells, line) => rows.push({ line, cells }));
  return r.ok ? { ok: true, rows } : r;
}
