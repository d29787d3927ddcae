import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../../tests/factories';
import type { User } from '../user';
import { parseScimFilter } from './filter';
import type { ScimNames } from './urns';

const names: ScimNames = {
  organization: (id) => ({ 'org-1': 'EMEA Sales', 'org-2': 'Engineering' })[id]!,
  company: (id) => ({ 'co-1': 'Acme Ltd' })[id]!,
  role: (id) => ({ learner: 'Learner', instructor: 'Instructor', administrator: 'Administrator' })[id]!
};

const users: User[] = [
  makeUser({ id: 1, email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe', title: 'Engineer', department: 'R&D', organization: 'org-2', company: 'co-1', roles: ['learner', 'instructor'], createdAt: '2025-01-10T00:00:00.000Z' }),
  makeUser({ id: 2, email: 'John.Smith@EXAMPLE.com', firstName: 'John', lastName: 'Smith', title: '', status: 'inactive', organization: 'org-1', createdAt: '2026-03-01T12:00:00.000Z' }),
  makeUser({ id: 3, email: 'ann@other.org', firstName: 'Ann', lastName: 'Lee', title: 'Sales Lead', timeZone: 'America/New_York', roles: ['administrator'], createdAt: '2026-06-01T00:00:00.000Z' }),
  makeUser({ id: 10, email: 'jo@example.com', firstName: 'Jo', lastName: 'March', status: 'invited', createdAt: '2026-09-09T09:09:09.000Z' })
];

function matches(filter: string): number[] {
  const f = parseScimFilter(filter);
  if (!f.ok) throw new Error(f.message);
  return users.filter((u) => f.test(u, names)).map((u) => u.id);
}
function failure(filter: string) {
  const f = parseScimFilter(filter);
  if (f.ok) throw new Error(`expected “${filter}” to fail`);
  return f;
}

describe('the issue’s examples', () => {
  it.each([
    ['userName sw "j" and active eq true', [1]],
    ['emails.value ew "@example.com"', [1, 2, 10]],
    ['title pr', [1, 3]]
  ])('%s', (filter, ids) => expect(matches(filter)).toEqual(ids));
});

describe('each operator', () => {
  it.each([
    ['name.givenName eq "jane"', [1]],
    ['name.givenName ne "jane"', [2, 3, 10]],
    ['title co "lead"', [3]],
    ['userName sw "JOHN"', [2]],
    ['userName ew "example.com"', [1, 2, 10]],
    ['name.familyName gt "lee"', [2, 10]],
    ['name.familyName ge "lee"', [2, 3, 10]],
    ['name.familyName lt "lee"', [1]],
    ['name.familyName le "lee"', [1, 3]],
    ['title pr', [1, 3]],
    ['title eq null', [2, 10]],
    ['title ne null', [1, 3]],
    ['active eq false', [2, 10]],
    ['active ne true', [2, 10]]
  ])('%s', (filter, ids) => expect(matches(filter)).toEqual(ids));

  it('compares text ignoring case, as caseExact=false says; ids exactly', () => {
    expect(matches('USERNAME EQ "JANE.DOE@EXAMPLE.COM"')).toEqual([1]);
    expect(matches('id eq "10"')).toEqual([10]);
    expect(matches('id gt "2"')).toEqual([3]); // id is a string: "10" < "2" lexicographically
  });

  it('a missing value matches only ne (and eq null)', () => {
    expect(matches('title eq ""')).toEqual([]);
    expect(matches('title ne "Engineer"')).toEqual([2, 3, 10]);
    expect(matches('title sw ""')).toEqual([1, 3]);
  });

  it('compares meta dates in time, whatever the format', () => {
    expect(matches('meta.created gt "2026-01-01T00:00:00Z"')).toEqual([2, 3, 10]);
    expect(matches('meta.created lt "2026-03-01T13:00:00+01:00"')).toEqual([1]);
    expect(matches('meta.created eq "2026-03-01T12:00:00Z"')).toEqual([2]);
    expect(matches('meta.lastModified pr')).toEqual([1, 2, 3, 10]);
    expect(matches('meta.created sw "2026-0"')).toEqual([2, 3, 10]);
  });
});

describe('logic, grouping and value paths', () => {
  it.each([
    ['title pr or active eq false', [1, 2, 3, 10]],
    ['not (title pr)', [2, 10]],
    ['not (title pr) and active eq false and userName sw "jo"', [2, 10]],
    ['(title pr or userName sw "jo") and emails.value ew "example.com"', [1, 2, 10]],
    ['userName sw "a" or userName sw "jane" and title eq "x"', [3]],
    ['emails[type eq "work" and value ew "@example.com"]', [1, 2, 10]],
    ['emails[type eq "home"]', []],
    ['emails[primary eq true and value co "ann"]', [3]],
    ['emails co "other"', [3]],
    ['emails pr', [1, 2, 3, 10]],
    ['roles.value eq "instructor"', [1]],
    ['roles eq "Administrator"', [3]],
    ['roles[value sw "learn"]', [1, 2, 10]],
    ['roles.value ne "Learner"', [1, 3]],
    ['name pr', [1, 2, 3, 10]]
  ])('%s', (filter, ids) => expect(matches(filter)).toEqual(ids));
});

describe('attribute paths', () => {
  it.each([
    ['department eq "r&d"', [1]],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr', [1]],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization eq "emea sales"', [2]],
    ['organization sw "eng"', [1]],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division eq "Acme Ltd"', [1]],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName sw "ann"', [3]],
    ['urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq "Lee"', [3]],
    ['displayName eq "jo march"', [10]],
    ['name.formatted co "e d"', [1]],
    ['timezone eq "america/new_york"', [3]],
    ['meta.resourceType eq "User"', [1, 2, 3, 10]]
  ])('%s', (filter, ids) => expect(matches(filter)).toEqual(ids));
});

describe('errors', () => {
  it('an unknown attribute is named, and located', () => {
    const f = failure('title pr and nickName eq "x"');
    expect(f.message).toMatch(/^Unknown attribute “nickName”\. SCIM filters here know: id, userName, /);
    expect(f.position).toBe(13);
    expect(failure('emails[kind eq "work"]').message).toBe('Unknown attribute “kind” inside emails[…]: use value, type, primary.');
    expect(failure('roles.display eq "x"').message).toMatch(/^Unknown attribute “roles.display”/);
  });

  it('attributes Muster does not map say why', () => {
    expect(failure('userType eq "Employee"').message).toMatch(/^“userType” cannot be searched: Muster’s user type/);
    expect(failure('externalId eq "x"').message).toBe('“externalId” cannot be searched: Muster keeps no external id.');
  });

  it('a value of the wrong type, or an operator the type has not', () => {
    expect(failure('active eq "true"').message).toBe('active is true or false: write active eq true or active eq false.');
    expect(failure('active gt true').message).toBe('active is true or false: only eq, ne and pr apply to it, not gt.');
    expect(failure('title eq 5').message).toBe('title holds text: write the value in double quotes, e.g. title eq "5".');
    expect(failure('title co null').message).toBe('title co null: only eq and ne compare with null.');
    expect(failure('meta.created gt "yesterday"').message).toMatch(/“yesterday” is not a date and time/);
    expect(failure('name eq "Jane"').message).toBe('name has parts: compare one of them, e.g. name.givenName.');
    expect(failure('title[value eq "x"]').message).toMatch(/applies to a multi-valued attribute/);
    expect(failure('emails[roles[value eq "x"]]').message).toMatch(/cannot sit inside another one/);
  });

  it.each([
    ['userName sw', 'Expected a value (a "quoted string", a number, true, false or null) at the end of the filter.', 11],
    ['userName = "j"', 'Cannot read “= "j"” at column 10: operators are words (eq, ne, co, sw, ew, gt, ge, lt, le, pr) and text values go in double quotes.', 9],
    ['userName eq "j', 'Unclosed quote at column 13: a text value ends with a double quote.', 12],
    ['userName eq j', 'Expected a value (a "quoted string", a number, true, false or null) at column 13, found “j”.', 12],
    ['userName is "j"', 'Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr) at column 10, found “is”.', 9],
    ['(title pr', 'Expected “)” at the end of the filter.', 9],
    ['title pr)', 'Expected “and”, “or” or the end of the filter at column 9, found “)”.', 8],
    ['title pr active eq true', 'Expected “and”, “or” or the end of the filter at column 10, found “active”.', 9],
    ['title pr and', 'Expected an attribute name, “(” or “not” at the end of the filter.', 12],
    ['title pr and ) ', 'Expected an attribute name, “(” or “not” at column 14, found “)”.', 13],
    ['emails[type eq "work"', 'Expected “]” at the end of the filter.', 21],
    ['', 'The filter is empty.', 0]
  ])('syntax: %s', (filter, message, position) => {
    expect(failure(filter)).toEqual({ ok: false, message, position });
  });
});

describe('speed', () => {
  /** The fastest of a few runs: the cores are shared, and a slow run says little. */
  function best(run: () => number): number {
    let fastest = Infinity;
    for (let k = 0; k < 5; k++) {
      const start = performance.now();
      run();
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  }

  it('compiles once into a predicate close to a hand-written one over 100,000 users', () => {
    const many: User[] = Array.from({ length: 100_000 }, (_, i) => ({ ...users[i % users.length], id: i + 1, email: `user${i}@example.com` }));
    const f = parseScimFilter('(userName sw "user1" and active eq true) or emails[value ew "@example.com" and type eq "work"] and title pr');
    if (!f.ok) throw new Error(f.message);
    const byHand = (u: User) => (u.email.toLowerCase().startsWith('user1') && u.status === 'active') || (u.email.toLowerCase().endsWith('@example.com') && u.title !== '');
    const count = (test: (u: User) => boolean) => many.reduce((n, u) => (test(u) ? n + 1 : n), 0);
    expect(count((u) => f.test(u, names))).toBe(count(byHand));
    const compiled = best(() => count((u) => f.test(u, names)));
    const hand = best(() => count(byHand));
    expect(compiled).toBeLessThan(10 * hand + 50);
  });
});
