/**
 * One cell sanitiser for every CSV Muster writes (SPEC §6). A spreadsheet treats a cell starting
 * with = + - @ (or a tab, CR or LF before them) as a formula; a leading apostrophe makes it text.
 * Values with a line break anywhere are checked line by line: some programs evaluate each line.
 */
const DANGEROUS_START = /^[=+\-@\t\r\n]/;

export function neutralise(value: string): string {
  // A value that already starts with an apostrophe gets one more, so import can undo it exactly.
  if (DANGEROUS_START.test(value) || value.startsWith("'") || /[\r\n][=+\-@\t]/.test(value)) return `'${value}`;
  return value;
}

/** Undoes `neutralise` when a file Muster exported comes back: "'=x" was written for "=x". */
export function unneutralise(value: string): string {
  return value.startsWith("'") && neutralise(value.slice(1)) === value ? value.slice(1) : value;
}

/** Quotes a cell for CSV (RFC 4180) after neutralising it. */
export function csvCell(value: unknown): string {
  const text = neutralise(value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: unknown[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole CSV document, CRLF line endings, with a BOM so spreadsheet programs read UTF-8. */
export function csvDocument(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[csvLine(header), ...rows.map(csvLine)].join('\r\n')}\r\n`;
}
