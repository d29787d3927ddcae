// Email matching key: what two spellings of one address have in common. The shown value is kept
// as typed; only this key is used for uniqueness and matching (SPEC §1).
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

export function emailKey(email: string): string {
  return email.normalize('NFC').replace(ZERO_WIDTH, '').trim().toLowerCase();
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
