import { describe, expect, it } from 'vitest';
import { percent } from './format';

const asLocale = (share: number) => new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(share);

describe('percent', () => {
  it('says whole percents in the browser’s locale, never 100% before the job is done', () => {
    expect(percent({ done: 40, total: 100 })).toBe(asLocale(0.4));
    expect(percent({ done: 1999, total: 2000 })).toBe(asLocale(0.99));
    expect(percent({ done: 2000, total: 2000 })).toBe(asLocale(1));
  });

  it('says 0% while the total is not known yet', () => {
    expect(percent({ done: 3, total: 0 })).toBe(asLocale(0));
  });
});
