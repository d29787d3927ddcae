import { accessExpired } from './dates';
import type { User } from './user';

type Node = Map<unknown, Node | number>;

/**
 * Numbers users by shape on a given day: everything the actions' rules read of a user but who
 * they are and where — status, type, 2-step setting, the flags below (access expired on `today`
 * among them), roles, managed organizations and flagged fields. Two users of one shape, neither of
 * them the acting administrator, get the same verdict from every rule unless an Operations
 * Manager's reach tells their organizations apart: the "Choose an action…" menu judges 60,000
 * selected users once per shape and organization (worker/shape-groups.ts), and a preview once per
 * shape and the values of the fields the action declares (ActionDef.shapeFields).
 *
 * A rule that starts reading another field must add it here; rule-shape.property.test.ts and
 * bulk-preview.property.test.ts compare grouping with judging every user, over users that differ in
 * every field. Values are compared as a Map compares keys: lists by identity (the engine keeps one
 * copy of each list, worker/interner.ts), so equal lists held apart only make more shapes, never
 * fewer. Each user costs a handful of Map lookups and no string is built.
 */
export class Shapes {
  private readonly root: Node = new Map();
  private count = 0;

  constructor(readonly today: string) {}

  /** The user's shape number: 1, 2, 3… in order of first appearance. */
  of(u: User): number {
    const head =
      (u.locked ? 1 : 0) |
      (u.forcePasswordChange ? 2 : 0) |
      (u.ownedContent > 0 ? 4 : 0) |
      (accessExpired(u.accessExpiresAt, this.today) ? 8 : 0) |
      (u.invitation ? 16 : 0) |
      (u.passwordHash ? 32 : 0);
    let node = this.next(this.root, head);
    node = this.next(node, u.status);
    node = this.next(node, u.userType);
    node = this.next(node, u.twoFactor);
    node = this.next(node, u.roles);
    node = this.next(node, u.managedOrganizations);
    const n = node.get(u.flaggedFields);
    if (n !== undefined) return n as number;
    node.set(u.flaggedFields, ++this.count);
    return this.count;
  }

  private next(node: Node, value: unknown): Node {
    let child = node.get(value) as Node | undefined;
    if (child === undefined) node.set(value, (child = new Map()));
    return child;
  }
}
