import { z } from 'zod';
import { accessExpired, isIsoDay } from '../dates';
import { defineAction, normal } from './types';
import { REASONS } from './reasons';
import type { User } from '../user';

const notDeleted = (u: User) => (u.status === 'deleted' ? REASONS.deleted : null);

export const expireAccess = defineAction({
  id: 'expire_access',
  label: 'Expire access',
  description: 'Sets the access expiry to today: the users can no longer sign in.',
  family: 'access',
  permission: 'users.access',
  params: z.object({}).strict(),
  severity: normal,
  protectsActor: true,
  skipReason: (u, _p, ctx) => notDeleted(u) ?? (accessExpired(u.accessExpiresAt, ctx.today) ? REASONS.accessAlreadyExpired : null),
  shapeFields: () => ['accessExpiresAt'],
  effect: (_u, _p, ctx) => ({ patch: { accessExpiresAt: ctx.today } })
});

export const setAccessExpiry = defineAction({
  id: 'set_access_expiry',
  label: 'Set access expiry',
  description: 'Sets the day access ends, or removes the end date (never expires).',
  family: 'access',
  permission: 'users.access',
  params: z
    .object({ date: z.string({ error: 'Enter a date as YYYY-MM-DD' }).refine(isIsoDay, 'Enter a date as YYYY-MM-DD').nullable() })
    .strict(),
  form: [{ kind: 'date', key: 'date', label: 'Date', clearable: { legend: 'Access ends', set: 'On a date', clear: 'Never' } }],
  severity: normal,
  unchangedReason: 'Already has this expiry',
  skipReason: notDeleted,
  shapeFields: () => ['accessExpiresAt'],
  effect: (_u, p) => ({ patch: { accessExpiresAt: p.date } })
});
