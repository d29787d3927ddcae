import { accessExpired } from './dates';
import type { TrackedField, User } from './user';

type Node = Map<unknown, Node | number>;

/**
 * Numbers users by shape: everything the actions' rules can read of a user (status, type, 2-step
 * setting, the flags below, roles, managed organizations, flagged fields; the organization when
 * `scoped`, as an Operations Manager's reach depends on it), then the values of `fields`. Two users
 * of one shape get the same verdict from every rule — the "Choose an action…" menu judges 60,000
 * selected users once per shape, a few hundred — and, with the fields an action declares
 * (ActionDef.shapeFields), the same changes: a preview judges them once (worker/bulk-preview.ts).
 *
 * A rule that starts reading another field must add it here; rule-shape.property.test.ts and
 * bulk-preview.property.test.ts compare grouping with judging every user, over users that differ in
 * every field. Values are compared as a Map compares keys: lists and objects by identity (the
 * engine keeps one copy of each list, worker/interner.ts), so equal lists held apart only make
 * more shapes, never fewer. Each user costs a handful of Map lookups and no string is built.
 */
export class Shapes {
  private readonly root: Node = new Map();
  /** One user of each shape, by shape number. */
  readonly first: User[] = [];

  constructor(
    private readonly today: string,
    private readonly actorId: number,
    private readonly scoped: boolean,
    private readonly fields: readonly TrackedField[] = []
  ) {}

  /** The user's shape number: 0, 1, 2… in order of first appearance. */
  of(u: User): number {
    const flags =
      (u.locked ? 1 : 0) |
      (u.forcePasswordChange ? 2 : 0) |
      (u.ownedContent > 0 ? 4 : 0) |
      (accessExpired(u.accessExpiresAt, this.today) ? 8 : 0) |
      (u.invitation ? 16 : 0) |
      (u.passwordHash ? 32 : 0) |
      (u.id === this.actorId ? 64 : 0);
    let node = this.next(this.root, u.status);
    node = this.next(node, u.userType);
    node = this.next(node, u.twoFactor);
    node = this.next(node, flags);
    node = this.next(node, u.roles);
    node = this.next(node, u.managedOrganizations);
    node = this.next(node, this.scoped ? u.organization : null);
    for (const f of this.fields) node = this.next(node, u[f]);
    const last = u.flaggedFields;
    const n = node.get(last);
    if (n !== undefined) return n as number;
    node.set(last, this.first.length);
    return this.first.push(u) - 1;
  }

  private next(node: Node, value: unknown): Node {
    let child = node.get(value) as Node | undefined;
    if (child === undefined) node.set(value, (child = new Map()));
    return child;
  }
}

/** Users grouped by shape: one of each and how many share it. */
export function groupByShape(users: Iterable<User>, shapes: Shapes): { user: User; count: number }[] {
  const counts: number[] = [];
  for (const u of users) {
    const s = shapes.of(u);
    counts[s] = (counts[s] ?? 0) + 1;
  }
  return shapes.first.map((user, s) => ({ user, count: counts[s] }));
}
