// Email matching key: what two spellings of one address have in common. The shown value is kept
// as typed; only this key is used for uniqueness and matching (SPEC §1).
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

// Printable ASCII without spaces: NFC, zero-width removal and trimming leave it as it is, so the
// costly steps are skipped for the addresses nearly every file holds (an upload checks 100k).
const PLAIN = /^[\x21-\x7e]*$/;

export function emailKey(email: string): string {
  if (PLAIN.test(email)) return email.toLowerCase();
  return email.normalize('NFC').replace(ZERO_WIDTH, '').trim().toLowerCase();
}

/** The address as shown: as typed, but NFC and without invisible characters. */
export function shownEmail(email: string): string {
  return PLAIN.test(email) ? email : email.normalize('NFC').replace(ZERO_WIDTH, '');
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
