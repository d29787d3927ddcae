import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emailKey, isValidEmail, isValidEmailKey, shownEmail } from './email';
import { accessExpired, addDays, isIsoDay } from './dates';

describe('email matching key', () => {
  it('ignores case, surrounding spaces, zero-width characters and Unicode composition', () => {
    expect(emailKey('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
    expect(emailKey('ada\u200B@example.com\uFEFF')).toBe('ada@example.com');
    expect(emailKey('jose\u0301@example.com')).toBe(emailKey('josé@example.com'));
  });
  it('folds compatibility forms: a fullwidth letter is the letter (one user, not two)', () => {
    expect(emailKey('\uFF41full@example.com')).toBe('afull@example.com');
    expect(emailKey('ＡＦＵＬＬ＠ＥＸＡＭＰＬＥ．ＣＯＭ')).toBe('afull@example.com');
    expect(emailKey('\u00A0\u3000\u2003afull@example.com\u2009\u00A0')).toBe('afull@example.com');
    expect(emailKey('\u180Ea\u2062full\uFE0F@exa\u200Emple.com\u2064')).toBe('afull@example.com');
    // The accent still composes when an invisible character stood between it and its letter.
    expect(emailKey('jose\u200B\u0301@example.com')).toBe(emailKey('josé@example.com'));
  });
  it('shows the address as typed, without invisible characters or surrounding spaces', () => {
    expect(shownEmail('Ada.Lovelace@Example.COM')).toBe('Ada.Lovelace@Example.COM');
    expect(shownEmail('\u200B \uFF41Full@Example.com\u3000\uFEFF')).toBe('\uFF41Full@Example.com');
    expect(shownEmail('Jose\u0301@example.com')).toBe('José@example.com');
  });
  it('takes its ASCII shortcut only where the full normalisation would give the same key', () => {
    const full = (s: string) =>
      s.replace(/\p{Default_Ignorable_Code_Point}/gu, '').normalize('NFKC').toLowerCase().normalize('NFKC').trim();
    const chars = fc.constantFrom('a', 'Z', '@', '.', ' ', '\t', 'é', 'e\u0301', '\u200B', '\uFEFF', '\u00AD', 'İ', '-', '+', '~', '\uFF21', '\uFF20', '\u3000', '\u00A0');
    fc.assert(fc.property(fc.array(chars, { maxLength: 20 }).map((a) => a.join('')), fc.string(), (mixed, any) => {
      expect(emailKey(mixed)).toBe(full(mixed));
      expect(emailKey(any)).toBe(full(any));
      // A zero-width character forces the full normalisation; it must agree with the shortcut.
      expect(emailKey(`${any}\u200B`)).toBe(emailKey(any));
      expect(shownEmail(`\u200B${any.trim()}`)).toBe(any.trim());
    }));
  });
  it('is idempotent, so an upload cell equal to a stored key needs no normalising', () => {
    const chars = fc.constantFrom('a', 'Z', '@', '.', ' ', 'é', 'e\u0301', '\u200B', '\u00AD', 'İ', 'ß', 'Σ', 'ǅ', '\u0345', '\u03AA', '\u0301', '\u00A8', '\uFF21', '\u3000', '\u00A0', 'ﬁ', '\u1D2C');
    const codePoint = fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: codePoint }), fc.array(chars, { maxLength: 20 }).map((a) => a.join(''))),
        (s) => {
          expect(emailKey(emailKey(s))).toBe(emailKey(s));
          expect(emailKey(shownEmail(s))).toBe(emailKey(s));
        }
      )
    );
  });

  // A normalised ASCII address, and the spellings of it a person reads as the same address.
  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/);
  const local = fc.stringMatching(/^[a-z0-9](?:[a-z0-9._+-]{0,10}[a-z0-9])?$/);
  const domain = fc.array(label, { minLength: 2, maxLength: 3 }).map((l) => l.join('.'));
  const address = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
  const SPACES = [' ', '\t', '\n', '\u00A0', '\u1680', '\u2000', '\u2003', '\u2007', '\u200A', '\u202F', '\u205F', '\u3000'];
  const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\u2061', '\u2064', '\uFEFF', '\u00AD', '\u180E', '\uFE00', '\uFE0F', '\u200E', '\u200F'];
  const spaces = fc.array(fc.constantFrom(...SPACES), { maxLength: 3 }).map((a) => a.join(''));
  const invisible = fc.option(fc.constantFrom(...INVISIBLE), { nil: '', freq: 3 });
  /** Each character in random case, perhaps fullwidth (U+FF01–U+FF5E for U+0021–U+007E), perhaps after an invisible one. */
  const variant = (a: string) =>
    fc
      .tuple(
        spaces,
        fc.tuple(...[...a].map((c) => fc.tuple(invisible, fc.boolean(), fc.boolean()).map(([z, upper, wide]) => {
          const cased = upper ? c.toUpperCase() : c;
          return z + (wide ? String.fromCharCode(cased.charCodeAt(0) + 0xfee0) : cased);
        }))),
        invisible,
        spaces
      )
      .map(([before, chars, z, after]) => before + chars.join('') + z + after);
  const withVariant = address.chain((a) => fc.tuple(fc.constant(a), variant(a)));

  it('gives every spelling a person reads as the same address one key (case, spaces, invisible and fullwidth characters)', () => {
    fc.assert(
      fc.property(withVariant, ([a, va]) => {
        expect(emailKey(a)).toBe(a);
        expect(emailKey(va)).toBe(a);
        expect(emailKey(shownEmail(va))).toBe(a);
        expect(isValidEmail(va)).toBe(true);
        expect(isValidEmailKey(emailKey(va))).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  it('never gives two addresses a person reads as different the same key, however they are spelled', () => {
    const differentLocal = fc.tuple(local, local, domain).filter(([l1, l2]) => l1 !== l2).map(([l1, l2, d]) => [`${l1}@${d}`, `${l2}@${d}`] as const);
    const differentAnything = fc.tuple(address, address).filter(([x, y]) => x !== y);
    const pair = fc.oneof(differentLocal, differentAnything).chain(([x, y]) => fc.tuple(variant(x), variant(y)));
    fc.assert(
      fc.property(pair, ([vx, vy]) => {
        expect(emailKey(vx)).not.toBe(emailKey(vy));
      }),
      { numRuns: 300 }
    );
  });

  it('accepts real addresses, international ones included, and rejects the rest', () => {
    for (const ok of ['a@b.co', ' A@B.CO ', 'zoë@exämple.de', 'first.last+tag@sub.example.org', '\uFF41full＠example．com', '\u3000a@b.co\u00A0'])
      expect(isValidEmail(ok), ok).toBe(true);
    for (const bad of ['', 'a', 'a@b', '@b.co', 'a b@c.co', 'a@@b.co', 'a@b..co', 'a\u3000b@c.co', 'a\u00A0b@c.co', 'a＠＠b.co', 'ａ@ｂ', 'a@b．．co', '\u200B@b.co'])
      expect(isValidEmail(bad), bad).toBe(false);
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
