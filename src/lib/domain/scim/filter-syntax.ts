import type { Filter } from 'scim2-parse-filter';
import { parseFilter, tokenizer, Tokens } from 'scim2-parse-filter/lib/src/parser.js';

export type { Filter };
export type FilterSyntax = { ok: true; ast: Filter } | { ok: false; message: string; position: number };

/**
 * The tokenizer's own pattern (scim2-parse-filter 0.2.10, pinned), to know where each token
 * starts: the library's tokens carry no offsets. Same pattern on the same text → same tokens.
 */
const TOKEN = /^(?:(\s+)|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![-\w._:/)\s]))|("(?:[^"\\]|\\.|\n)*")|([[()]|]\.?)|(\w[-\w._:/%]*))/;

function tokenOffsets(text: string): { offsets: number[]; stop: number } {
  const offsets: number[] = [];
  let at = 0;
  let m: RegExpExecArray | null;
  while (at < text.length && (m = TOKEN.exec(text.slice(at)))) {
    if (!m[1]) offsets.push(at);
    at += m[0].length;
  }
  return { offsets, stop: at };
}

const where = (text: string, position: number) => (position >= text.length ? 'at the end of the filter' : `at column ${position + 1}`);

/** What the parser expected, from its message (the library's messages name no position). */
function expected(libMessage: string): string {
  if (/is not json|un supported value/.test(libMessage)) return 'expected a value (a "quoted string", a number, true, false or null)';
  if (/as valFilter operator/.test(libMessage)) return 'expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr)';
  if (/expected '\)'/.test(libMessage)) return 'expected “)”';
  if (/expected '\]'/.test(libMessage)) return 'expected “]”';
  if (/^Unexpected token/.test(libMessage)) return 'expected an attribute name, “(” or “not”';
  return libMessage;
}

/**
 * Parses a SCIM filter (RFC 7644 §3.4.2.2) with scim2-parse-filter; a syntax error names the
 * column (1-based in the message; `position` is the 0-based offset) and the token found there.
 */
export function parseFilterSyntax(text: string): FilterSyntax {
  if (text.trim() === '') return { ok: false, message: 'The filter is empty.', position: 0 };
  const { offsets, stop } = tokenOffsets(text);
  if (stop < text.length) {
    const rest = text.slice(stop);
    const message = rest.startsWith('"')
      ? `Unclosed quote at column ${stop + 1}: a text value ends with a double quote.`
      : `Cannot read “${rest.slice(0, 12)}” at column ${stop + 1}: operators are words (eq, ne, co, sw, ew, gt, ge, lt, le, pr) and text values go in double quotes.`;
    return { ok: false, message, position: stop };
  }
  const tokens = tokenizer(text);
  const list = new Tokens(tokens);
  const at = (index: number) => (index < offsets.length ? offsets[index] : text.length);
  const found = (index: number) => (index < offsets.length ? `, found “${tokens[index].literal}”` : '');
  try {
    const ast = parseFilter(list);
    if (list.peek().type !== 'EOT') {
      const position = at(list.i);
      return { ok: false, message: `Expected “and”, “or” or the end of the filter ${where(text, position)}${found(list.i)}.`, position };
    }
    return { ok: true, ast };
  } catch (e) {
    // Every throw in the parser follows the shift of the token it is about.
    const index = Math.max(0, list.i - 1);
    const position = at(index);
    const what = expected(e instanceof Error ? e.message : String(e));
    return { ok: false, message: `${what[0].toUpperCase()}${what.slice(1)} ${where(text, position)}${found(index)}.`, position };
  }
}
