import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeFault, FAULT_MESSAGES } from './faults';

const named = (name: string, message: string, inner?: unknown) => Object.assign(new Error(message), { name, inner });

describe('faults in words', () => {
  it('finds a quota error however deeply it is wrapped', () => {
    const inner = named('QuotaExceededError', 'An attempt was made to add something to storage that exceeded the quota.');
    expect(describeFault(named('AbortError', 'QuotaExceededError An attempt was made…', inner))).toBe(FAULT_MESSAGES.quota);
    expect(describeFault(Object.assign(new Error('Write failed'), { cause: inner }))).toBe(FAULT_MESSAGES.quota);
  });

  it('says a closed database means reloading the tab', () => {
    expect(describeFault(named('DatabaseClosedError', 'Database has been closed'))).toBe(FAULT_MESSAGES.closed);
  });

  it('keeps the sentences Muster writes itself', () => {
    expect(describeFault(new Error('Only an active administrator can be the acting administrator.'))).toBe(
      'Only an active administrator can be the acting administrator.'
    );
  });

  it('never shows a bug’s own words', () => {
    expect(describeFault(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(FAULT_MESSAGES.unknown);
    expect(describeFault(undefined)).toBe(FAULT_MESSAGES.unknown);
  });

  it('no raw error name ever reaches a person, whatever the error', () => {
    const names = fc.constantFrom('QuotaExceededError', 'DatabaseClosedError', 'AbortError', 'UnknownError', 'DataError', 'TypeError', 'Error', 'InvalidStateError');
    const error = fc.letrec((tie) => ({
      err: fc.record({ name: names, message: fc.oneof(fc.string(), names.map((n) => `${n} something failed`)), inner: fc.option(tie('err'), { depthSize: 'small' }) })
    })).err;
    fc.assert(
      fc.property(error, (e) => {
        const text = describeFault(Object.assign(new Error(String(e.message)), e));
        expect(text).not.toMatch(/QuotaExceededError|DatabaseClosedError|AbortError|UnknownError|DataError|TypeError|InvalidStateError/);
        expect(text.length).toBeGreaterThan(0);
      })
    );
  });
});
