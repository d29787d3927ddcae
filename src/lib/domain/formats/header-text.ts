import { normaliseHeader } from '../csv/columns';
import { detectDelimiter, type Delimiter } from '../csv/parse';

/**
 * Reading one header cell of another directory's file. Google writes notes in brackets
 * ("Email Address [Required]", "Status [READ ONLY]"); Entra writes "Label [property] Required",
 * sometimes with a hint in parentheses ("Block sign in (Yes/No) [accountEnabled] Required");
 * Okta and Entra's download write bare property names ("firstName", "userPrincipalName").
 */
export interface HeaderText {
  /** The words outside brackets, notes and the "Required" marker removed: "Email Address". */
  label: string;
  /** Entra's property name in brackets ("userPrincipalName"), or null. */
  property: string | null;
  /** Bracketed and parenthesised notes, upper-cased: ["REQUIRED"], ["READ ONLY"], ["YES/NO"]. */
  notes: string[];
  required: boolean;
  readOnly: boolean;
  uploadOnly: boolean;
  /** What the column is matched by: the property when there is one, else the label, normalised. */
  key: string;
}

/** Bracketed words that are notes, not property names (compared without spaces, in lower case). */
const NOTE_WORDS = new Set(['required', 'optional', 'readonly', 'uploadonly']);
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const noteKey = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

export function readHeaderText(raw: string): HeaderText {
  const notes: string[] = [];
  let property: string | null = null;
  let rest = raw.normalize('NFKC').replace(INVISIBLE, '');
  rest = rest.replace(/\[([^\]]*)\]/g, (_, inner: string) => {
    const t = inner.trim();
    if (property === null && IDENTIFIER.test(t) && !NOTE_WORDS.has(noteKey(t))) property = t;
    else if (t) notes.push(squash(t).toUpperCase());
    return ' ';
  });
  rest = rest.replace(/\(([^)]*)\)/g, (_, inner: string) => {
    if (inner.trim()) notes.push(squash(inner).toUpperCase());
    return ' ';
  });
  let label = squash(rest);
  // Entra's form ends with the word Required: "Name [displayName] Required".
  const marked = /^(.+?)\s*\brequired$/i.exec(label);
  if (marked && (property !== null || /\s/.test(label))) {
    label = marked[1].trim();
    notes.push('REQUIRED');
  }
  const keys = new Set(notes.map(noteKey));
  return {
    label,
    property,
    notes,
    required: keys.has('required'),
    readOnly: keys.has('readonly'),
    uploadOnly: keys.has('uploadonly'),
    key: normaliseHeader(property ?? label)
  };
}

/** Entra's first line, "version:v1.0" (Excel saves it with empty cells after it): never data, never the header. */
export function isVersionLine(cells: readonly string[]): boolean {
  return (
    cells.length > 0 &&
    /^version\s*:\s*v?\d+(\.\d+)*$/i.test(cells[0].replace(INVISIBLE, '').trim()) &&
    cells.slice(1).every((c) => c.trim() === '')
  );
}

/**
 * The delimiter of the header line, looking past a `version:v1.0` line: `detectDelimiter` reads
 * the first line only, and a bare version line has no delimiter at all.
 */
export function detectFileDelimiter(text: string): Delimiter {
  const body = text.replace(/^\uFEFF/, '');
  const first = /^[^\r\n]*/.exec(body)![0];
  if (!/^\s*version\s*:/i.test(first)) return detectDelimiter(body);
  const own = detectDelimiter(first);
  if (/[,;\t]/.test(first)) return own;
  return detectDelimiter(body.slice(first.length).replace(/^(\r\n|\r|\n)/, ''));
}
