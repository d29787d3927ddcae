// Email matching key: what two spellings of one address have in common, as a person reads them.
// The shown value is kept as typed; only this key is used for uniqueness and matching (SPEC §1).
//
// Invisible characters: every Unicode default-ignorable code point — zero-width space and joiners
// (U+200B–U+200D), word joiner and invisible operators (U+2060–U+2064), soft hyphen (U+00AD), byte
// order mark (U+FEFF), Mongolian vowel separator (U+180E), variation selectors (U+FE00–U+FE0F),
// bidirectional marks (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the like. They are removed
// before normalising, so a combining accent after one still composes with its letter.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

// Printable ASCII without spaces: NFKC, invisible-character removal and trimming leave it as it is,
// so the costly steps are skipped for the addresses nearly every file holds (an upload checks 100k).
const PLAIN = /^[\x21-\x7e]*$/;

/**
 * The key: invisible characters removed, NFKC (compatibility folding: fullwidth `ａ` and `＠` are `a`
 * and `@`, a no-break or ideographic space is a space), lowercased, and trimmed of surrounding
 * white space, Unicode spaces included. NFKC runs again after lowercasing, because lowercasing can
 * leave text NFKC would compose further (`Ϊ́` lowercases to `ΐ`, which NFKC makes `ΐ`); so the key is idempotent:
 * `emailKey(emailKey(x)) === emailKey(x)`, and a cell equal to a stored key needs no normalising.
 */
export function emailKey(email: string): string {
  if (PLAIN.test(email)) return email.toLowerCase();
  return email.replace(INVISIBLE, '').normalize('NFKC').toLowerCase().normalize('NFKC').trim();
}

/**
 * The address as shown: as typed (case, and compatibility forms such as fullwidth letters, are kept;
 * the key folds them), but NFC, without invisible characters and trimmed of surrounding white space.
 */
export function shownEmail(email: string): string {
  return PLAIN.test(email) ? email : email.replace(INVISIBLE, '').normalize('NFC').trim();
}

// Practical address check on the normalised key: one @, a local part, a dotted domain, no spaces.
// Non-ASCII letters are allowed (internationalised addresses), unlike zod 4's z.email().
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;

export function isValidEmail(email: string): boolean {
  return isValidEmailKey(emailKey(email));
}

/** The same check on an already normalised key (hot paths normalise once). */
export function isValidEmailKey(key: string): boolean {
  return key.length <= 254 && EMAIL_SHAPE.test(key);
}
