import type { Scalar, SimpleAttr } from './filter-attributes';

export type ValueTest = (v: Scalar) => boolean;

/** An error in what the filter means (its syntax is fine); `path` locates it in the text. */
export class MeaningError extends Error {
  constructor(
    message: string,
    readonly path?: string
  ) {
    super(message);
  }
}

export const present: ValueTest = (v) => v !== null && v !== '';

/** One comparison of one attribute's value, built once: the constant is checked and normalised here. */
export function valueTest(attr: SimpleAttr, op: string, comp: unknown): ValueTest {
  if (op === 'pr') return present;
  const name = attr.name;
  if (comp === null) {
    if (op === 'eq') return (v) => !present(v);
    if (op === 'ne') return present;
    throw new MeaningError(`${name} ${op} null: only eq and ne compare with null.`, name);
  }
  if (attr.type === 'boolean') {
    if (typeof comp !== 'boolean') throw new MeaningError(`${name} is true or false: write ${name} eq true or ${name} eq false.`, name);
    if (op === 'eq') return (v) => v === comp;
    if (op === 'ne') return (v) => v !== comp;
    throw new MeaningError(`${name} is true or false: only eq, ne and pr apply to it, not ${op}.`, name);
  }
  if (typeof comp !== 'string') throw new MeaningError(`${name} holds text: write the value in double quotes, e.g. ${name} ${op} "${String(comp)}".`, name);
  if (attr.type === 'dateTime' && op !== 'co' && op !== 'sw' && op !== 'ew') {
    const t = Date.parse(comp);
    if (Number.isNaN(t)) throw new MeaningError(`${name}: “${comp}” is not a date and time (e.g. "2026-01-31T00:00:00Z").`, name);
    return ordered(op, t, (v) => (typeof v === 'string' ? Date.parse(v) : null));
  }
  const c = attr.caseExact ? comp : comp.toLowerCase();
  const norm = attr.caseExact ? (v: string) => v : (v: string) => v.toLowerCase();
  const str = (v: Scalar) => (typeof v === 'string' ? norm(v) : null);
  const n = c.length;
  // eq, sw and ew lowercase only the part they compare: this runs over every user.
  switch (op) {
    case 'co':
      return (v) => str(v)?.includes(c) ?? false;
    case 'sw':
      return (v) => typeof v === 'string' && v.length >= n && norm(v.slice(0, n)) === c;
    case 'ew':
      return (v) => typeof v === 'string' && v.length >= n && norm(v.slice(v.length - n)) === c;
    case 'eq':
      return (v) => typeof v === 'string' && v.length === n && norm(v) === c;
    default:
      return ordered(op, c, str);
  }
}

/** eq ne gt ge lt le over strings (lexicographic) or times; an absent value matches only ne. */
function ordered<T extends string | number>(op: string, c: T, get: (v: Scalar) => T | null): ValueTest {
  switch (op) {
    case 'eq':
      return (v) => get(v) === c;
    case 'ne':
      return (v) => get(v) !== c;
    case 'gt':
      return (v) => {
        const x = get(v);
        return x !== null && x > c;
      };
    case 'ge':
      return (v) => {
        const x = get(v);
        return x !== null && x >= c;
      };
    case 'lt':
      return (v) => {
        const x = get(v);
        return x !== null && x < c;
      };
    default:
      return (v) => {
        const x = get(v);
        return x !== null && x <= c;
      };
  }
}
