import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeContext, makeUser } from '../../../../tests/factories';
import { PARAM_LABELS, type ParamValueKind } from '../param-labels';
import { USER_STATUSES } from '../user-fields';
import { ACTIONS, neutralParams } from './index';
import { formDefaults, type FieldDescriptor } from './form';

/**
 * Each action's form (the dialog's fields) against its zod schema (what the engine accepts): the
 * form asks for everything the schema requires, names nothing the schema refuses, and what a
 * person fills in, kind by kind, is accepted.
 */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  expect(schema, 'parameters are an object schema').toBeInstanceOf(z.ZodObject);
  return (schema as z.ZodObject).shape as Record<string, z.ZodType>;
}

const target = makeUser({ id: 2, status: 'active', roles: ['account_executive'] });
const ctx = makeContext([makeUser({ id: 1, roles: ['administrator'] }), target]);

/** A value a person could give each kind of field in the workspace of `ctx`. */
function filled(field: FieldDescriptor): unknown {
  switch (field.kind) {
    case 'text':
      return 'Welcome aboard';
    case 'role':
      return 'learner';
    case 'role-list':
      return ['learner', 'instructor'];
    case 'organization':
      return 'org-1';
    case 'organization-list':
      return ['org-1', 'org-2'];
    case 'company':
      return 'co-1';
    case 'time-zone':
      return 'Europe/Paris';
    case 'fields-to-flag':
      return ['title', 'department'];
    case 'choice':
      return field.options.at(-1)!.value;
    case 'user':
      return target.id;
    case 'date':
      return '2030-01-31';
  }
}

/** How a report shows each kind's value (PARAM_LABELS), so a form key reads right in the audit log. */
const REPORTED_AS: Record<FieldDescriptor['kind'], ParamValueKind> = {
  text: 'text',
  role: 'role',
  'role-list': 'role',
  organization: 'organization',
  'organization-list': 'organization',
  company: 'company',
  'time-zone': 'plain',
  'fields-to-flag': 'field',
  choice: 'plain',
  user: 'user',
  date: 'day'
};

describe.each(ACTIONS.map((a) => [a.id, a] as const))('the form of %s', (_id, action) => {
  const form = action.form ?? [];
  const shape = shapeOf(action.params);

  it('asks for every parameter the schema requires, and only for parameters it knows', () => {
    expect(new Set(form.map((f) => f.key)).size, 'one field per key').toBe(form.length);
    for (const f of form) expect(Object.keys(shape), `${f.key} is a parameter of the schema`).toContain(f.key);
    // A remedy's field is asked in the preview, for the users skipped for its reason only.
    const remedies = (action.remedies ?? []).map((r) => r.field);
    for (const f of remedies) expect(shape[f.key]?.safeParse(undefined).success, `${f.key}: a remedy's parameter is optional`).toBe(true);
    for (const [key, schema] of Object.entries(shape)) {
      if (remedies.some((f) => f.key === key)) continue;
      const field = form.find((f) => f.key === key);
      expect(field, `a field for ${key}`).toBeDefined();
      expect(!!field!.optional, `${key} optional as the schema says`).toBe(schema.safeParse(undefined).success);
      expect(!!field!.clearable, `${key} clearable as the schema says`).toBe(schema.safeParse(null).success);
    }
  });

  it('accepts what a person fills in, kind by kind', () => {
    const params = { ...formDefaults(form), ...Object.fromEntries(form.map((f) => [f.key, filled(f)])) };
    const parsed = action.params.safeParse(params);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(action.checkParams?.(parsed.data as never, ctx) ?? null).toBeNull();
  });

  it('asks nothing only when the schema needs nothing', () => {
    if (form.length === 0) expect(action.params.safeParse({}).success).toBe(true);
  });

  it('counts with neutral parameters the rule can judge for users in every status', () => {
    const neutral = neutralParams(action) as Record<string, unknown>;
    for (const key of Object.keys(neutral)) expect(Object.keys(shape)).toContain(key);
    if (action.neutralParams === undefined && action.params.safeParse({}).success) expect(neutral).toEqual(action.params.parse({}));
    for (const status of USER_STATUSES) {
      const reason = action.skipReason(makeUser({ status, ownedContent: 3 }), neutral as never, ctx);
      expect(reason === null || typeof reason === 'string').toBe(true);
    }
  });

  it('names each parameter in words for reports, shown as its kind says', () => {
    for (const f of form) expect(PARAM_LABELS[f.key].value, f.key).toBe(REPORTED_AS[f.kind]);
  });

  it('is plain data that crosses postMessage unchanged', () => {
    expect(structuredClone(form)).toEqual(form);
  });
});
