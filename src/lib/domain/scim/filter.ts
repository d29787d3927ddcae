import type { User } from '../user';
import { FILTER_ATTRIBUTES, getSimple, lookupAttribute, type MultiAttr, type SimpleAttr } from './filter-attributes';
import { MeaningError, present, valueTest, type ValueTest } from './filter-values';
import { parseFilterSyntax, type Filter } from './filter-syntax';
import type { ScimNames } from './urns';

export type ScimFilter = { ok: true; test(user: User, names: ScimNames): boolean } | { ok: false; message: string; position?: number };

type Pred = (u: User, n: ScimNames, i: number) => boolean;

const UNMAPPED: Record<string, string> = {
  usertype: 'Muster’s user type (regular or directory) is not SCIM’s userType, so it is not mapped',
  externalid: 'Muster keeps no external id'
};

function unknown(path: string, inside?: MultiAttr): never {
  if (inside) throw new MeaningError(`Unknown attribute “${path}” inside ${inside.name}[…]: use ${[...inside.sub.keys()].join(', ')}.`, path);
  const why = UNMAPPED[path.toLowerCase()];
  throw new MeaningError(why ? `“${path}” cannot be searched: ${why}.` : `Unknown attribute “${path}”. SCIM filters here know: ${FILTER_ATTRIBUTES.join(', ')}.`, path);
}

/** True when any element's value passes; with no elements only `ne` holds. */
function anyElement(multi: MultiAttr, sub: SimpleAttr, test: ValueTest, emptyMatches: boolean): Pred {
  return (u, n) => {
    const count = multi.count(u);
    if (count === 0) return emptyMatches;
    for (let i = 0; i < count; i++) if (test(sub.read(u, n, i))) return true;
    return false;
  };
}

function attributeTest(f: Extract<Filter, { attrPath: string; op: string }>, scope: MultiAttr | null): Pred {
  const comp = 'compValue' in f ? f.compValue : undefined;
  if (scope) {
    const key = f.attrPath.toLowerCase();
    const sub = scope.sub.get(key) ?? scope.sub.get(key.replace(`${scope.name}.`, ''));
    if (!sub) unknown(f.attrPath, scope);
    const test = valueTest(sub, f.op, comp);
    return (u, n, i) => test(sub.read(u, n, i));
  }
  const found = lookupAttribute(f.attrPath);
  if (!found) unknown(f.attrPath);
  if ('multi' in found) return anyElement(found.multi, found.sub, valueTest(found.sub, f.op, comp), f.op === 'ne');
  if (found.kind === 'multi') {
    const value = found.sub.get('value')!;
    return anyElement(found, value, valueTest(value, f.op, comp), f.op === 'ne');
  }
  if (found.kind === 'complex') {
    if (f.op !== 'pr') throw new MeaningError(`${found.name} has parts: compare one of them, e.g. ${found.name}.${found.name === 'name' ? 'givenName' : 'created'}.`, f.attrPath);
    const parts = found.parts.map((p) => getSimple(p)!);
    return (u, n) => parts.some((p) => present(p.read(u, n, 0)));
  }
  const test = valueTest(found, f.op, comp);
  const read = found.read;
  return (u, n) => test(read(u, n, 0));
}

function compile(f: Filter, scope: MultiAttr | null): Pred {
  switch (f.op) {
    case 'and':
    case 'or': {
      const parts = f.filters.map((x) => compile(x, scope));
      if (parts.length === 2) {
        const [a, b] = parts;
        return f.op === 'and' ? (u, n, i) => a(u, n, i) && b(u, n, i) : (u, n, i) => a(u, n, i) || b(u, n, i);
      }
      return f.op === 'and' ? (u, n, i) => parts.every((p) => p(u, n, i)) : (u, n, i) => parts.some((p) => p(u, n, i));
    }
    case 'not': {
      const inner = compile(f.filter, scope);
      return (u, n, i) => !inner(u, n, i);
    }
    case '[]': {
      if (scope) throw new MeaningError(`A [filter] cannot sit inside another one (${scope.name}[…]).`, f.attrPath);
      const found = lookupAttribute(f.attrPath);
      if (!found) unknown(f.attrPath);
      if (!('kind' in found) || found.kind !== 'multi') throw new MeaningError(`${f.attrPath}[…]: a [filter] applies to a multi-valued attribute (emails, roles).`, f.attrPath);
      const inner = compile(f.valFilter, found);
      return (u, n) => {
        const count = found.count(u);
        for (let i = 0; i < count; i++) if (inner(u, n, i)) return true;
        return false;
      };
    }
    default:
      return attributeTest(f, scope);
  }
}

/**
 * A SCIM filter (RFC 7644 §3.4.2.2) compiled once into a predicate over Muster's user records,
 * for the search box's advanced mode: the engine runs it over every user. Strings compare
 * ignoring case unless the attribute is caseExact (id, meta.version, meta.resourceType); times
 * compare chronologically. A multi-valued attribute matches when any value does.
 */
export function parseScimFilter(text: string): ScimFilter {
  const syntax = parseFilterSyntax(text);
  if (!syntax.ok) return syntax;
  try {
    const pred = compile(syntax.ast, null);
    return { ok: true, test: (user, names) => pred(user, names, 0) };
  } catch (e) {
    if (!(e instanceof MeaningError)) throw e;
    const at = e.path ? text.toLowerCase().indexOf(e.path.toLowerCase()) : -1;
    return { ok: false, message: e.message, ...(at >= 0 ? { position: at } : {}) };
  }
}
