import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emailKey, isValidEmail } from './email';
import { accessExpired, addDays, isIsoDay } from './dates';

describe('email matching key', () => {
  it('ignores case, surrounding spaces, zero-width characters and Unicode composition', () => {
    expect(emailKey('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
    expect(emailKey('ada\u200B@example.com\uFEFF')).toBe('ada@example.com');
    expect(emailKey('jose\u0301@example.com')).toBe(emailKey('josé@example.com'));
  });
  it('takes its ASCII shortcut only where the full normalisation would give the same key', () => {
    const full = (s: string) => s.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').trim().toLowerCase();
    const chars = fc.constantFrom('a', 'Z', '@', '.', ' ', '\t', 'é', 'e\u0301', '\u200B', '\uFEFF', '\u00AD', 'İ', '-', '+', '~');
    fc.assert(fc.property(fc.array(chars, { maxLength: 20 }).map((a) => a.join('')), fc.string(), (mixed, any) => {
      expect(emailKey(mixed)).toBe(full(mixed));
      expect(emailKey(any)).toBe(full(any));
    }));
  });
  it('is idempotent, so an upload cell equal to a stored key needs no normalising', () => {
    const chars = fc.constantFrom('a', 'Z', '@', '.', ' ', 'é', 'e\u0301', '\u200B', '\u00AD', 'İ', 'ß', 'Σ', 'ǅ', '\u0345');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(chars, { maxLength: 20 }).map((a) => a.join(''))), (s) => {
        expect(emailKey(emailKey(s))).toBe(emailKey(s));
      })
    );
  });
  it('accepts real addresses, international ones included, and rejects the rest', () => {
    for (const ok of ['a@b.co', ' A@B.CO ', 'zoë@exämple.de', 'first.last+tag@sub.example.org']) expect(isValidEmail(ok), ok).toBe(true);
    for (const bad of ['', 'a', 'a@b', '@b.co', 'a b@c.co', 'a@@b.co', 'a@b..co']) expect(isValidEmail(bad), bad).toBe(false);
  });
});

describe('calendar days', () => {
  it('validates real dates only', () => {
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-13-01')).toBe(false);
    expect(isIsoDay('26-01-01')).toBe(false);
  });
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-22', 14)).toBe('2026-12-06');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('access ends on its expiry day', () => {
    expect(accessExpired(null, '2026-11-22')).toBe(false);
    expect(accessExpired('2026-11-22', '2026-11-22')).toBe(true);
    expect(accessExpired('2026-11-23', '2026-11-22')).toBe(false);
  });
});
