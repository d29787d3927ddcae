import type { MusterDB } from '../db/schema';
import { applyPatch } from '../domain/changes';
import { clockTick } from '../domain/clock';
import { isIsoDay } from '../domain/dates';
import { operationHeader, userChange } from '../domain/operations';
import { displayName, type User } from '../domain/user';
import { commit, type CommitPlan } from './commit';
import { nowOn } from './context';
import type { Store } from './store';
import { fail, type Failure } from './failure';

export type ClockAnswer = { ok: true; today: string; reportId: number | null; expired: number; accessEnded: number } | Failure;

export type ClockPreview =
  | {
      ok: true;
      from: string;
      to: string;
      /** Invitations that will expire, and users whose access will end, with the first of each by name. */
      expired: number;
      accessEnded: number;
      expiring: { name: string; email: string }[];
      ending: { name: string; email: string }[];
    }
  | Failure;

function checkMove(from: string, to: string): Failure | null {
  if (!isIsoDay(to)) return fail('invalid', `“${to}” is not a date (YYYY-MM-DD).`);
  if (to <= from) return fail('invalid', `The clock only moves forward: choose a day after ${from}.`);
  if (to > `${Number(from.slice(0, 4)) + 20}${from.slice(4)}`) return fail('invalid', 'Move the clock at most 20 years ahead.');
  return null;
}

/** What moving the clock to `to` would do, before it is done: the clock cannot be moved back. */
export function previewClock(store: Store, to: string): ClockPreview {
  const from = store.settings.today;
  const bad = checkMove(from, to);
  if (bad) return bad;
  const tick = clockTick(store.users.values(), from, to);
  const who = (u: User | undefined) => (u ? { name: displayName(u), email: u.email } : { name: 'A user', email: '' });
  return {
    ok: true,
    from,
    to,
    expired: tick.expired.length,
    accessEnded: tick.accessEnded.length,
    expiring: tick.expired.slice(0, 50).map((e) => who(e.user)),
    ending: tick.accessEnded.slice(0, 50).map((id) => who(store.users.get(id)))
  };
}

/**
 * Moves Muster's "today" forward (SPEC §7): invitations past their expiry become expired and
 * access past its end stops sign-in. A tick that changes anything writes a report; the new day is
 * saved in the same transaction.
 */
export async function advanceClock(db: MusterDB, store: Store, to: string, actor: User): Promise<ClockAnswer> {
  const from = store.settings.today;
  const bad = checkMove(from, to);
  if (bad) return bad;
  const tick = clockTick(store.users.values(), from, to);
  const now = nowOn(to);
  const users = new Map<number, User | null>();
  const changes = tick.expired.map(({ user, changes: list }) => {
    const after = applyPatch(user, { status: 'expired' }, now);
    users.set(user.id, after);
    return userChange(user, after, list);
  });
  const changed = changes.length + tick.accessEnded.length > 0;
  const plan: CommitPlan = {
    who: { source: 'system', actorId: null },
    users,
    operation: changed
      ? operationHeader({
          kind: 'clock',
          action: 'clock',
          label: `Clock moved to ${to}`,
          actorId: actor.id,
          actorName: displayName(actor),
          at: now,
          params: { from, to, invitationsExpired: changes.length, accessEnded: tick.accessEnded.length },
          applied: changes.length,
          changedUsers: changes.length
        })
      : null,
    changes,
    // Access that ended changes no field: the report counts it and keeps who, beside the changes.
    skips: tick.accessEnded.length ? [{ reason: 'Access ended — can no longer sign in', ids: tick.accessEnded }] : [],
    emails: [],
    settings: { ...store.settings, today: to }
  };
  const { reportId } = await commit(db, store, plan);
  return { ok: true, today: to, reportId, expired: changes.length, accessEnded: tick.accessEnded.length };
}
