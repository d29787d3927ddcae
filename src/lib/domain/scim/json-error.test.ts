import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-error';

describe('locateJsonError', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ', '"s"', '0']) expect(locateJsonError(text)).toBeNull();
  });

  it.each([
    ['{"a": 1,}', 8, 'expected a property name in double quotes, found “}”'],
    ['[1 2]', 3, 'expected “,” or “]”, found “2”'],
    ['{"a" 1}', 5, 'expected “:” after a property name, found “1”'],
    ["{'a': 1}", 1, 'expected a property name in double quotes, found “\'”'],
    ['{"a": tru}', 6, 'expected true, found “t”'],
    ['{"a": "b\\x"}', 9, 'invalid escape, found “x”'],
    ['{"a": 01}', 7, 'expected “,” or “}”, found “1”'],
    ['{} {}', 3, 'expected the end of the text, found “{”'],
    ['[1,', 3, 'expected a value, but the text ends']
  ])('%s', (text, offset, message) => {
    expect(locateJsonError(text)).toMatchObject({ offset, message });
    expect(() => JSON.parse(text)).toThrow();
  });

  it('counts lines and columns from 1', () => {
    expect(locateJsonError('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ line: 3, column: 3 });
  });
});
