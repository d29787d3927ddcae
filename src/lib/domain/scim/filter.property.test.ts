import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../../tests/factories';
import { parseScimFilter } from './filter';
import { ENTERPRISE_USER, type ScimNames } from './urns';
import { toScimUser, type ScimUser } from './user-resource';

/**
 * The compiled filter reads Muster's records directly; this reference reads the SCIM resource
 * Muster exports, with the RFC's rules written as plainly as possible. They must agree.
 */
const names: ScimNames = { organization: (id) => `Org ${id}`, company: (id) => `Co ${id}`, role: (id) => id };

const PATHS = ['userName', 'name.givenName', 'name.familyName', 'displayName', 'title', 'emails.value', 'emails', `${ENTERPRISE_USER}:department`, 'department'] as const;
type Path = (typeof PATHS)[number];
type Ast = { op: 'eq' | 'sw' | 'co'; path: Path; value: string } | { op: 'pr'; path: Path } | { op: 'and' | 'or'; a: Ast; b: Ast } | { op: 'not'; a: Ast };

function valuesOf(r: ScimUser, path: Path): string[] {
  const one = (v: string | undefined) => (v === undefined ? [] : [v]);
  switch (path) {
    case 'userName':
      return [r.userName];
    case 'name.givenName':
      return [r.name.givenName];
    case 'name.familyName':
      return [r.name.familyName];
    case 'displayName':
      return [r.displayName];
    case 'title':
      return one(r.title);
    case 'emails':
    case 'emails.value':
      return r.emails.map((e) => e.value);
    default:
      return one(r[ENTERPRISE_USER]?.department);
  }
}

function reference(ast: Ast, r: ScimUser): boolean {
  switch (ast.op) {
    case 'and':
      return reference(ast.a, r) && reference(ast.b, r);
    case 'or':
      return reference(ast.a, r) || reference(ast.b, r);
    case 'not':
      return !reference(ast.a, r);
    case 'pr':
      return valuesOf(r, ast.path).some((v) => v !== '');
    default: {
      const c = ast.value.toLowerCase();
      const vs = valuesOf(r, ast.path).map((v) => v.toLowerCase());
      if (ast.op === 'eq') return vs.some((v) => v === c);
      if (ast.op === 'sw') return vs.some((v) => v.startsWith(c));
      return vs.some((v) => v.includes(c));
    }
  }
}

function render(ast: Ast): string {
  switch (ast.op) {
    case 'and':
    case 'or':
      return `(${render(ast.a)}) ${ast.op} (${render(ast.b)})`;
    case 'not':
      return `not (${render(ast.a)})`;
    case 'pr':
      return `${ast.path} pr`;
    default:
      return `${ast.path} ${ast.op} "${ast.value}"`;
  }
}

const text = (max: number) => fc.stringMatching(new RegExp(`^[abAB]{1,${max}}$`));
const arbUser = fc
  .record({
    firstName: text(3),
    lastName: text(3),
    title: fc.oneof(fc.constant(''), text(3)),
    department: fc.oneof(fc.constant(''), text(2)),
    email: fc.tuple(text(3), fc.constantFrom('a.com', 'ab.com', 'B.com')).map(([l, d]) => `${l}@${d}`),
    status: fc.constantFrom('active', 'inactive', 'profile_only' as const)
  })
  .map((o) => makeUser(o));

const leaf: fc.Arbitrary<Ast> = fc.oneof(
  fc.record({ op: fc.constantFrom('eq', 'sw', 'co' as const), path: fc.constantFrom(...PATHS), value: fc.stringMatching(/^[abAB@.]{1,3}$/) }),
  fc.record({ op: fc.constant('pr' as const), path: fc.constantFrom(...PATHS) })
);
const arbAst = fc.letrec<{ ast: Ast }>((tie) => ({
  ast: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ op: fc.constantFrom('and', 'or' as const), a: tie('ast'), b: tie('ast') }),
    fc.record({ op: fc.constant('not' as const), a: tie('ast') })
  )
})).ast;

describe('compiled SCIM filters', () => {
  it('agree with a plain evaluation over the exported SCIM resources', () => {
    fc.assert(
      fc.property(arbAst, fc.array(arbUser, { minLength: 1, maxLength: 8 }), (ast, users) => {
        const f = parseScimFilter(render(ast));
        if (!f.ok) throw new Error(`${render(ast)}: ${f.message}`);
        for (const u of users) expect(f.test(u, names), `${render(ast)} on ${JSON.stringify(toScimUser(u, names))}`).toBe(reference(ast, toScimUser(u, names)));
      }),
      { numRuns: 400 }
    );
  });
});
