import { DEMO_PASSWORD, DEMO_PASSWORD_HASH } from './demo-password';

/**
 * Simulated credentials: a salted SHA-256 digest through Web Crypto (in the worker and in Node).
 * Not a password store for real use, but never the password itself. Demo users share one marker
 * digest so a 100,000-user workspace seeds without 100,000 digests; their password is DEMO_PASSWORD.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `sha256$${salt}$${await digest(salt, password)}`;
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (hash === null) return false;
  if (hash === DEMO_PASSWORD_HASH) return password === DEMO_PASSWORD;
  const [scheme, salt, hex] = hash.split('$');
  return scheme === 'sha256' && (await digest(salt, password)) === hex;
}

async function digest(salt: string, password: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${password}`));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}
