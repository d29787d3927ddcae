import { accessExpired } from './dates';
import type { User } from './user';

/**
 * Everything the actions' rules can read of a user when they are judged with neutral parameters
 * (the "Choose an action…" menu's counts): two users of one shape get the same verdict from every
 * rule, so 60,000 selected users are judged once per shape — a few hundred — instead of once each.
 * A rule that starts reading another field must add it here; rule-shape.property.test.ts compares
 * the grouped counts with judging every user, over users that differ in every field.
 */
export function ruleShape(u: User, today: string, actorId: number, scoped: boolean): string {
  return [
    u.status,
    u.userType,
    u.twoFactor,
    u.locked ? 'L' : '',
    u.forcePasswordChange ? 'F' : '',
    u.ownedContent > 0 ? 'C' : '',
    accessExpired(u.accessExpiresAt, today) ? 'X' : '',
    u.invitation ? 'I' : '',
    u.passwordHash ? 'P' : '',
    u.id === actorId ? 'me' : '',
    u.roles.join(','),
    u.managedOrganizations.join(','),
    u.flaggedFields.join(','),
    // An Operations Manager's reach depends on the user's organization.
    scoped ? (u.organization ?? '') : ''
  ].join('|');
}

/** Users grouped by shape: one representative and how many share it. */
export function groupByShape(users: Iterable<User>, shape: (u: User) => string): { user: User; count: number }[] {
  const groups = new Map<string, { user: User; count: number }>();
  for (const u of users) {
    const key = shape(u);
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { user: u, count: 1 });
  }
  return [...groups.values()];
}
