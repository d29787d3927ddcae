import type { User } from '../user';
import { displayName } from '../user-fields';
import { CORE_USER, ENTERPRISE_FIELDS, enterprisePath, type ScimNames } from './urns';

/**
 * The SCIM attributes a filter may name, read straight from Muster's user record (no resource is
 * built per user): the same mapping as user-resource.ts. Types and caseExact as RFC 7643 §4.1,
 * §4.3 and §3.1 define them. Names are case-insensitive (RFC 7643 §2.1); keys are lowercase.
 */
export type ScalarType = 'string' | 'boolean' | 'dateTime';
export type Scalar = string | boolean | null;
/** Reads a value; `i` is the element index inside a multi-valued attribute (0 elsewhere). */
export type Read = (u: User, names: ScimNames, i: number) => Scalar;

export interface SimpleAttr {
  kind: 'simple';
  name: string;
  type: ScalarType;
  caseExact: boolean;
  read: Read;
}
export interface MultiAttr {
  kind: 'multi';
  name: string;
  count: (u: User) => number;
  /** Sub-attributes by lowercase name; `value` is the default (RFC 7644 §3.4.2.2). */
  sub: Map<string, SimpleAttr>;
}
export interface ComplexAttr {
  kind: 'complex';
  name: string;
  /** Lowercase full paths of its sub-attributes (for `pr`). */
  parts: string[];
}
export type Attr = SimpleAttr | MultiAttr | ComplexAttr;

const text = (name: string, read: Read, caseExact = false): SimpleAttr => ({ kind: 'simple', name, type: 'string', caseExact, read });
const orNull = (v: string) => (v === '' ? null : v);

const SIMPLE: SimpleAttr[] = [
  text('id', (u) => String(u.id), true),
  text('userName', (u) => u.email),
  text('name.givenName', (u) => u.firstName),
  text('name.familyName', (u) => u.lastName),
  text('name.formatted', (u) => displayName(u)),
  text('displayName', (u) => displayName(u)),
  text('title', (u) => orNull(u.title)),
  text('timezone', (u) => u.timeZone),
  { kind: 'simple', name: 'active', type: 'boolean', caseExact: false, read: (u) => u.status === 'active' },
  text('meta.resourceType', () => 'User', true),
  { kind: 'simple', name: 'meta.created', type: 'dateTime', caseExact: false, read: (u) => u.createdAt },
  { kind: 'simple', name: 'meta.lastModified', type: 'dateTime', caseExact: false, read: (u) => u.updatedAt },
  text('meta.version', (u) => `W/"${u.version}"`, true)
];

const ENTERPRISE: SimpleAttr[] = [
  text(ENTERPRISE_FIELDS.department, (u) => orNull(u.department)),
  text(ENTERPRISE_FIELDS.organization, (u, n) => (u.organization ? n.organization(u.organization) : null)),
  text(ENTERPRISE_FIELDS.company, (u, n) => (u.company ? n.company(u.company) : null))
];

const MULTI: MultiAttr[] = [
  {
    kind: 'multi',
    name: 'emails',
    count: () => 1,
    sub: new Map([
      ['value', text('emails.value', (u) => u.email)],
      ['type', text('emails.type', () => 'work')],
      ['primary', { kind: 'simple', name: 'emails.primary', type: 'boolean', caseExact: false, read: () => true }]
    ])
  },
  {
    kind: 'multi',
    name: 'roles',
    count: (u) => u.roles.length,
    sub: new Map([['value', text('roles.value', (u, n, i) => n.role(u.roles[i]))]])
  }
];

const ATTRS = new Map<string, Attr>();
for (const a of SIMPLE) ATTRS.set(a.name.toLowerCase(), a);
// Enterprise attributes by full URN path (RFC 7644 §3.10) and, as a convenience, by bare name.
for (const a of ENTERPRISE) {
  ATTRS.set(enterprisePath(a.name).toLowerCase(), a);
  ATTRS.set(a.name.toLowerCase(), a);
}
for (const a of MULTI) ATTRS.set(a.name, a);
ATTRS.set('name', { kind: 'complex', name: 'name', parts: ['name.givenname', 'name.familyname'] });
ATTRS.set('meta', { kind: 'complex', name: 'meta', parts: ['meta.created'] });

/** Attribute paths a filter may use, for the error that names an unknown one. */
export const FILTER_ATTRIBUTES = [
  ...SIMPLE.map((a) => a.name),
  ...ENTERPRISE.map((a) => a.name),
  'emails',
  'emails.value',
  'emails.type',
  'emails.primary',
  'roles',
  'roles.value'
];

const CORE_PREFIX = `${CORE_USER.toLowerCase()}:`;

/** The attribute a path names: `userName`, `name.givenName`, `emails.value`, a full URN path. */
export function lookupAttribute(path: string): Attr | { multi: MultiAttr; sub: SimpleAttr } | null {
  let key = path.toLowerCase();
  if (key.startsWith(CORE_PREFIX)) key = key.slice(CORE_PREFIX.length);
  const direct = ATTRS.get(key);
  if (direct) return direct;
  const dot = key.lastIndexOf('.');
  if (dot < 0) return null;
  const parent = ATTRS.get(key.slice(0, dot));
  const sub = parent?.kind === 'multi' ? parent.sub.get(key.slice(dot + 1)) : undefined;
  return parent?.kind === 'multi' && sub ? { multi: parent, sub } : null;
}

export function getSimple(path: string): SimpleAttr | undefined {
  const a = ATTRS.get(path);
  return a?.kind === 'simple' ? a : undefined;
}
