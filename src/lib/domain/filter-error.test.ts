import { describe, expect, it } from 'vitest';
import { filterErrorText } from './filter-error';
import { parseScimFilter } from './scim/filter';

const textOf = (expression: string) => {
  const parsed = parseScimFilter(expression);
  if (parsed.ok) throw new Error(`${expression} parsed`);
  return filterErrorText(parsed);
};

describe('a filter error as a person reads it', () => {
  it('says the column of an error about meaning in its first sentence', () => {
    expect(textOf('titel pr')).toMatch(/^Unknown attribute “titel” at column 1\. SCIM filters here know: id, userName, /);
    expect(textOf('active pr and emails[kind eq "work"]')).toBe('Unknown attribute “kind” inside emails[…] at column 22: use value, type, primary.');
    expect(textOf('title eq 5')).toBe('title holds text at column 1: write the value in double quotes, e.g. title eq "5".');
  });

  it('keeps a syntax message that already says where', () => {
    expect(textOf('title pr and')).toBe('Expected an attribute name, “(” or “not” at the end of the filter.');
    expect(textOf('userName eq j')).toBe('Expected a value (a "quoted string", a number, true, false or null) at column 13, found “j”.');
  });

  it('adds the column at the end when the message has no sentence break, and nothing without a position', () => {
    expect(filterErrorText({ message: 'Something is off', position: 4 })).toBe('Something is off at column 5.');
    expect(filterErrorText({ message: 'Something is off.' })).toBe('Something is off.');
  });
});
