import * as Comlink from 'comlink';
import type { Progress } from '../jobs';
import type { Settings } from '../../domain/directory';
import { templateCsv } from '../../domain/csv/export';
import type { UserExportFormat } from '../../domain/export-formats';
import type { WrittenFile } from '../export-file';
import { exportUsersAs } from '../export-users';
import { type Filter, type Sort, DEFAULT_SORT } from '../../domain/filters';
import { hasAdministrativeRole } from '../../domain/roles';
import { displayName, type User } from '../../domain/user';
import { idsMatching, matchingIds, queryUsers, toRow, type QueryResult, type UserRow } from '../query';
import { resolveSelection, type Selection } from '../selection';
import { whenOpen, type EngineContext } from './context';

export interface Meta {
  settings: Settings;
  roles: { id: string; name: string; administrative: boolean; permissions: string[] }[];
  organizations: { id: string; name: string }[];
  companies: { id: string; name: string }[];
  /** Who Muster can act as: active users holding an administrative role. */
  administrators: { id: number; name: string; email: string; roles: string[] }[];
  total: number;
}

/** Reading the directory: the workspace's lists, queries, rows, one user, exports. */
export function directoryHandlers(ctx: EngineContext) {
  const { store } = ctx;
  return {
    /** Opens the workspace, seeding demo data on the very first open. */
    async open(opts: { demoSize?: number } = {}, onProgress?: Progress): Promise<{ total: number }> {
      await ctx.ensureOpen(opts.demoSize, onProgress);
      return { total: store.users.size };
    },

    meta: whenOpen(ctx, (): Meta => {
      const administrators = [...store.users.values()]
        .filter((u) => u.status === 'active' && hasAdministrativeRole(u.roles, store.roles))
        .sort((a, b) => a.id - b.id)
        .map((u) => ({ id: u.id, name: displayName(u), email: u.email, roles: u.roles }));
      return {
        settings: { ...store.settings },
        roles: [...store.roles.values()].map((r) => ({ ...r, permissions: [...r.permissions] })),
        organizations: [...store.organizations.values()].sort((a, b) => a.name.localeCompare(b.name)),
        companies: [...store.companies.values()].sort((a, b) => a.name.localeCompare(b.name)),
        administrators,
        total: store.users.size
      };
    }),

    query: whenOpen(ctx, (q: { filter?: Filter; sort?: Sort; offset?: number; limit?: number } = {}): QueryResult =>
      queryUsers(store, q.filter ?? {}, q.sort ?? DEFAULT_SORT, q.offset ?? 0, q.limit ?? 100)
    ),

    /** Ids of the rows [start, end) of a query: a shift-click range beyond the rows on screen. */
    rangeIds: whenOpen(ctx, (q: { filter: Filter; sort: Sort }, start: number, end: number): Int32Array => {
      const ids = matchingIds(store, q.filter, q.sort).slice(Math.max(0, start), Math.max(0, end));
      return Comlink.transfer(ids, [ids.buffer]);
    }),

    /**
     * Every id a query matches, in no particular order: "select all matching". Moved to the page,
     * not copied: it hands over 600,000 ids at a million users.
     */
    allIds: whenOpen(ctx, (q: { filter: Filter; sort: Sort }): Int32Array => {
      const ids = idsMatching(store, q.filter, q.sort).slice();
      return Comlink.transfer(ids, [ids.buffer]);
    }),

    /** Rows for a list of ids (a skip group opened in the preview), at most 200 at a time. */
    rows: whenOpen(ctx, (ids: number[]): UserRow[] =>
      ids.slice(0, 200).flatMap((id) => {
        const u = store.users.get(id);
        return u ? [toRow(u)] : [];
      })
    ),

    user: whenOpen(ctx, (id: number): User | null => store.users.get(id) ?? null),

    /** How many users are selected, and how many of them the current filter hides. */
    selectionInfo: whenOpen(ctx, (selection: Selection, filter: Filter): { selected: number; hidden: number } => {
      const ids = resolveSelection(store, selection);
      const visible = matchingIds(store, filter, DEFAULT_SORT);
      // Marks by id rather than a Set of every visible id (100,000 entries on each tick).
      let top = 0;
      for (const id of ids) if (id > top) top = id;
      const shown = new Uint8Array(top + 1);
      for (const id of visible) if (id <= top) shown[id] = 1;
      let hidden = 0;
      for (const id of ids) if (!shown[id]) hidden++;
      return { selected: ids.length, hidden };
    }),

    /** The directory (or a selection of it) as a file another directory reads: Google, Entra, Okta, SCIM. */
    exportUsers: whenOpen(ctx, (selection: Selection, format: UserExportFormat, onProgress?: Progress): WrittenFile =>
      exportUsersAs(Array.from(resolveSelection(store, selection), (id) => store.users.get(id)!), format, ctx.exportNames(), onProgress)
    ),

    templateCsv: whenOpen(ctx, (): string => {
      const [company] = store.companies.values();
      const [organization] = store.organizations.values();
      return templateCsv({ company: company?.name ?? '', organization: organization?.name ?? '' });
    })
  };
}
