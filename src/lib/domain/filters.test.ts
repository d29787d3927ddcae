import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileFilter, isEmptyFilter, SORT_KEYS, FLAG_FILTERS, type Filter, type Sort, type FlagFilter } from './filters';
import { decodeState, encodeState, stateQuery } from './filter-url';
import { TWO_FACTOR_STATES, USER_STATUSES, USER_TYPES, type User } from './user';

const today = '2026-11-22';
const base = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  status: 'active',
  userType: 'regular',
  roles: ['learner'],
  organization: 'org-1',
  company: null,
  timeZone: 'Europe/London',
  twoFactor: 'none',
  locked: false,
  forcePasswordChange: false,
  flaggedFields: [],
  ownedContent: 0,
  accessExpiresAt: null,
  lastSignInAt: '2026-10-01T09:00:00.000Z',
  invitation: null
} as unknown as User;
const user = (o: Partial<User>) => ({ ...base, ...o }) as User;

describe('compileFilter', () => {
  it('matches every word of the query against name and email, ignoring case', () => {
    const match = compileFilter({ q: 'ADA  love' }, today);
    expect(match(base)).toBe(true);
    expect(compileFilter({ q: 'example.com' }, today)(base)).toBe(true);
    expect(compileFilter({ q: 'ada babbage' }, today)(base)).toBe(false);
  });

  it('treats each list as "any of" and different lists as "all of"', () => {
    const f: Filter = { status: ['active', 'inactive'], role: ['administrator', 'learner'] };
    expect(compileFilter(f, today)(base)).toBe(true);
    expect(compileFilter(f, today)(user({ status: 'deleted' }))).toBe(false);
    expect(compileFilter(f, today)(user({ roles: ['instructor'] }))).toBe(false);
  });

  it('filters on flags, including access that expires today', () => {
    const expired = compileFilter({ flags: ['accessExpired'] }, today);
    expect(expired(user({ accessExpiresAt: today }))).toBe(true);
    expect(expired(user({ accessExpiresAt: '2026-11-23' }))).toBe(false);
    expect(compileFilter({ flags: ['locked', 'ownsContent'] }, today)(user({ locked: true, ownedContent: 2 }))).toBe(true);
    expect(compileFilter({ flags: ['locked', 'ownsContent'] }, today)(user({ locked: true }))).toBe(false);
  });

  it('filters on date ranges by calendar day, inclusive, and excludes users without the date', () => {
    const f = compileFilter({ lastSignIn: { from: '2026-10-01', to: '2026-10-01' } }, today);
    expect(f(base)).toBe(true);
    expect(f(user({ lastSignInAt: null }))).toBe(false);
    expect(compileFilter({ lastSignIn: { to: '2026-09-30' } }, today)(base)).toBe(false);
  });

  it('an empty filter matches everyone', () => {
    expect(isEmptyFilter({ q: '', status: [], lastSignIn: {} })).toBe(true);
    expect(isEmptyFilter({ status: ['active'] })).toBe(false);
    expect(compileFilter({}, today)(user({ status: 'deleted' }))).toBe(true);
  });
});

const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const range = fc.record({ from: day, to: day }, { requiredKeys: [] });
const nonEmpty = <T>(a: fc.Arbitrary<T[]>) => a.filter((l) => l.length > 0);
const filterArb: fc.Arbitrary<Filter> = fc.record(
  {
    q: fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
    status: nonEmpty(fc.uniqueArray(fc.constantFrom(...USER_STATUSES))),
    type: nonEmpty(fc.uniqueArray(fc.constantFrom(...USER_TYPES))),
    role: nonEmpty(fc.uniqueArray(fc.constantFrom('learner', 'administrator', 'instructor'))),
    organization: nonEmpty(fc.uniqueArray(fc.constantFrom('org-1', 'org-2'))),
    twoFactor: nonEmpty(fc.uniqueArray(fc.constantFrom(...TWO_FACTOR_STATES))),
    flags: nonEmpty(fc.uniqueArray(fc.constantFrom(...(Object.keys(FLAG_FILTERS) as FlagFilter[])))),
    lastSignIn: range.filter((r) => !!(r.from || r.to)),
    accessExpiry: range.filter((r) => !!(r.from || r.to))
  },
  { requiredKeys: [] }
);
const sortArb: fc.Arbitrary<Sort> = fc.record({ key: fc.constantFrom(...SORT_KEYS), dir: fc.constantFrom('asc' as const, 'desc' as const) });

describe('the directory state in the URL', () => {
  it('round-trips any filter and sort through the query string', () => {
    fc.assert(
      fc.property(filterArb, sortArb, (filter, sort) => {
        expect(decodeState(new URLSearchParams(encodeState(filter, sort)))).toEqual({ filter, sort });
        expect(decodeState(new URLSearchParams(stateQuery(filter, sort)))).toEqual({ filter, sort });
      })
    );
  });

  it('drops values it does not know instead of trusting them', () => {
    const { filter, sort } = decodeState(new URLSearchParams('status=active,hacked&sort=password:asc&lastSignIn=2026-02-30..x'));
    expect(filter).toEqual({ status: ['active'] });
    expect(sort).toEqual({ key: 'name', dir: 'asc' });
  });
});
