import { accessExpired } from './dates';
import type { FieldChange } from './changes';
import type { User } from './user';

export interface ClockTick {
  /** Invitations whose expiry day has passed: invited → expired. */
  expired: { user: User; changes: FieldChange[] }[];
  /** Users whose access ends between the two days (nothing to write: sign-in reads the date). */
  accessEnded: number[];
}

/** What moving Muster's "today" from one day to a later one changes (SPEC §7 clock). */
export function clockTick(users: Iterable<User>, from: string, to: string): ClockTick {
  const tick: ClockTick = { expired: [], accessEnded: [] };
  for (const u of users) {
    if (u.status === 'invited' && u.invitation && u.invitation.expiresAt < to)
      tick.expired.push({ user: u, changes: [{ field: 'status', before: 'invited', after: 'expired' }] });
    if (u.status !== 'deleted' && !accessExpired(u.accessExpiresAt, from) && accessExpired(u.accessExpiresAt, to)) tick.accessEnded.push(u.id);
  }
  return tick;
}
