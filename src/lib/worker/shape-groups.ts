import { isActiveAdministrator } from '../domain/policy';
import type { TrackedField } from '../domain/user';
import type { Store } from './store';

export interface ShapeGroups {
  /** Each selected user's group, by their place in the selection. */
  group: Int32Array;
  /** Each group's first user (its id) and how many users it holds. */
  firsts: number[];
  sizes: number[];
}

type Node = Map<unknown, Node | number>;

/**
 * The selected users in groups that the actions' rules cannot tell apart — and, with the fields an
 * action declares (ActionDef.shapeFields), its effect and the write gate neither: one shape on the
 * store's day (rule-shape.ts), one organization when `scoped`, the same value of each field. Read
 * from the store's columns by id, not from 60,000 user objects scattered over the heap; only a
 * declared field no column holds is read from the user. Judged alone: ids nobody holds, the acting
 * administrator, the users in `alone` (those an action's parameters name) and active
 * Administrators (the last-administrator rule refuses losses one by one).
 */
export function groupByShape(
  store: Store,
  ids: ArrayLike<number>,
  opts: { actorId: number; scoped: boolean; fields?: readonly TrackedField[]; alone?: ReadonlySet<number> }
): ShapeGroups {
  const { columns } = store;
  const shapes = store.shapes();
  // An Operations Manager's reach depends on each user's organization.
  const fields: readonly TrackedField[] = opts.scoped ? ['organization', ...(opts.fields ?? [])] : (opts.fields ?? []);
  const fieldCodes = fields.map((f) => columns.codesOf(f));
  // Shapes are numbered 1, 2, 3…: the first level is an array by shape number, not a map.
  const byShape: (Node | number | undefined)[] = [];
  const group = new Int32Array(ids.length);
  const firsts: number[] = [];
  const sizes: number[] = [];
  const newGroup = (id: number) => (sizes.push(0), firsts.push(id) - 1);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const shape = id < shapes.length ? shapes[id] : 0;
    let g: number;
    if (shape === 0 || id === opts.actorId || opts.alone?.has(id)) g = newGroup(id);
    else {
      let held: Node | number | undefined = byShape[shape];
      let node: Node | null = null;
      let key: unknown;
      if (fields.length > 0) {
        node = held === undefined ? (byShape[shape] = new Map()) : (held as Node);
        for (let f = 0; f < fields.length; f++) {
          if (f > 0) node = next(node, key);
          const codes = fieldCodes[f];
          key = codes ? codes[id] : store.users.get(id)![fields[f]];
        }
        held = node.get(key) as number | undefined;
      }
      if (held !== undefined) g = held as number;
      else {
        // Status and roles are in the shape: its first user says whether all are active Administrators.
        g = isActiveAdministrator(store.users.get(id)!) ? -1 : newGroup(id);
        if (node) node.set(key, g);
        else byShape[shape] = g;
      }
      if (g === -1) g = newGroup(id);
    }
    sizes[g]++;
    group[i] = g;
  }
  return { group, firsts, sizes };
}

function next(node: Node, key: unknown): Node {
  let child = node.get(key) as Node | undefined;
  if (child === undefined) node.set(key, (child = new Map()));
  return child;
}
