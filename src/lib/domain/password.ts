/** Password rules for the simulated accounts (NIST SP 800-63B style: length over composition). */
export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 128;

const COMMON = new Set(['password', 'password1', 'password123', '1234567890', '12345678910', 'qwertyuiop', 'iloveyou12', 'letmein123', 'welcome123', 'muster1234']);

/** What is wrong with a new password, in words; empty when it is acceptable. */
export function passwordProblems(password: string, email: string): string[] {
  const out: string[] = [];
  if (password.length < MIN_PASSWORD) out.push(`Use at least ${MIN_PASSWORD} characters (${password.length} so far).`);
  if (password.length > MAX_PASSWORD) out.push(`Use at most ${MAX_PASSWORD} characters.`);
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split('@')[0];
  if (password && (lower === email.toLowerCase() || (local.length >= 4 && lower.includes(local)))) out.push('Do not use your email address or name in it.');
  if (password && new Set(password).size === 1) out.push('Do not repeat one character.');
  if (COMMON.has(lower)) out.push('This password is too common; choose another.');
  return out;
}
