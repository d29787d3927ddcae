import { checkMapping, COLUMNS, mapColumns } from '../csv/columns';
import { entraColumn, entraFormat } from './entra';
import { GOOGLE_COLUMNS, GOOGLE_MARKERS, googleFallback } from './google';
import { isVersionLine, readHeaderText, type HeaderText } from './header-text';
import { OKTA_COLUMNS, OKTA_LOGIN_REASON } from './okta';
import { IGNORED, ignored } from './reasons';
import { FORMAT_LABELS, type ColumnRead, type FormatId, type MusterHeader, type Purpose, type RecognisedHeader } from './types';


/**
 * Which file this is, from its header row alone, and what each column means to Muster (issue 17).
 * `records`: the file's first records (two are enough): Entra's `version:v1.0` line, when it comes
 * first, is skipped and the header is the record after it. Anything not recognised as another
 * directory's file is a Muster CSV, mapped exactly as `mapColumns` maps it.
 */
export function recogniseHeader(records: readonly (readonly string[])[]): RecognisedHeader {
  const headerIndex = records.length > 0 && isVersionLine(records[0]) ? 1 : 0;
  const headers = [...(records[headerIndex] ?? [])];
  const texts = headers.map(readHeaderText);
  const keys = new Set(texts.map((t) => t.key).filter((k) => k !== ''));
  const templateStyle = headerIndex === 1 || texts.some((t) => t.property !== null);
  const format: FormatId = entraFormat(keys, templateStyle) ?? (isGoogle(keys, texts) ? 'google' : keys.has('login') ? 'okta' : 'muster');
  const columns = format === 'muster' ? musterColumns(headers) : vendorColumns(format, headers, texts, keys);
  const purpose: Purpose = format === 'entra-delete' ? 'delete' : format === 'entra-invite' ? 'invite' : 'update';
  return { format, label: FORMAT_LABELS[format], purpose, headerIndex, headers, columns, error: emailError(columns) };
}

function isGoogle(keys: ReadonlySet<string>, texts: HeaderText[]): boolean {
  const markers = [...keys].filter((k) => GOOGLE_MARKERS.has(k)).length;
  const noted = texts.some((t) => t.required || t.readOnly || t.uploadOnly);
  // Google's email column alone is a common spelling ("Email Address"): it needs a Google-only
  // column or a bracketed note beside it, as a Google-only column needs another sign.
  const signs = markers + (noted ? 1 : 0) + (keys.has('emailaddress') ? 1 : 0);
  return signs >= 2 && (markers > 0 || noted);
}

/** Muster's own header: the columns `mapColumns` gives, and why the others are left out. */
/** The column the SCIM ListResponse reader writes for `active` (scim/read-list-response.ts), normalised. */
const SCIM_ACTIVE_KEY = 'scimactive';

function musterColumns(headers: string[]): ColumnRead[] {
  const m = mapColumns(headers);
  return m.columns.map((col, i): ColumnRead => {
    if (col) return col.writable ? { kind: 'field', header: col.header as MusterHeader } : { kind: 'field', header: col.header as MusterHeader, note: col.description };
    if (readHeaderText(headers[i]).key === SCIM_ACTIVE_KEY) return { kind: 'state', state: 'scim-active' };
    const dup = m.duplicates.find((d) => d.index === i);
    if (dup) return ignored(IGNORED.duplicate(dup.sameAs + 1, headers[dup.sameAs]), true);
    return ignored(headers[i].trim() === '' ? IGNORED.blank : 'Muster has no column by that name.', true);
  });
}

function vendorColumns(format: FormatId, headers: string[], texts: HeaderText[], keys: ReadonlySet<string>): ColumnRead[] {
  const columns = texts.map((t) => (t.key === '' ? ignored(IGNORED.blank) : (vendorColumn(format, t, keys) ?? fallback(format, t))));
  // Okta's login is the email only when the file has no email column.
  if (format === 'okta' && keys.has('email'))
    texts.forEach((t, i) => {
      if (t.key === 'login') columns[i] = ignored(OKTA_LOGIN_REASON);
    });
  // Two columns filling one Muster field: the first is read.
  const first = new Map<string, number>();
  columns.forEach((c, i) => {
    if (c.kind !== 'field') return;
    const seen = first.get(c.header);
    if (seen === undefined) first.set(c.header, i);
    else columns[i] = ignored(IGNORED.duplicate(seen + 1, headers[seen].trim()), true);
  });
  return columns;
}

function vendorColumn(format: FormatId, t: HeaderText, keys: ReadonlySet<string>): ColumnRead | null {
  if (format === 'google') return GOOGLE_COLUMNS[t.key] ?? googleFallback(t.readOnly, t.uploadOnly);
  if (format === 'okta') return OKTA_COLUMNS[t.key] ?? null;
  return entraColumn(t.key, format, keys);
}

/** A column the vendor's file does not have: read when it names a Muster column (an added "time_zone"), else ignored. */
function fallback(format: FormatId, t: HeaderText): ColumnRead {
  const col = mapColumns([t.property ?? t.label]).columns[0];
  if (!col) return ignored(IGNORED.unknown(FORMAT_LABELS[format]), true);
  return col.writable ? { kind: 'field', header: col.header as MusterHeader } : ignored(col.description);
}

function emailError(columns: ColumnRead[]): string | null {
  return checkMapping(columns.map((c) => (c.kind === 'field' ? (COLUMNS.find((x) => x.header === c.header) ?? null) : null)));
}
