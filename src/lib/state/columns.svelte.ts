import { MediaQuery } from 'svelte/reactivity';

/** The Users table's columns a person may hide; name and email are always shown. */
export const OPTIONAL_COLUMNS = [
  { id: 'status', label: 'Status' },
  { id: 'type', label: 'Type' },
  { id: 'roles', label: 'Roles' },
  { id: 'organization', label: 'Organization' },
  { id: 'lastSignIn', label: 'Last sign-in' }
] as const;
export type ColumnId = (typeof OPTIONAL_COLUMNS)[number]['id'];

/** Below this width (a 1024 px laptop) these columns start hidden, until the person chooses. */
export const NARROW_QUERY = '(max-width: 1100px)';
const HIDDEN_WHEN_NARROW: readonly ColumnId[] = ['type', 'lastSignIn'];

/**
 * The workspace the choice belongs to. The workspace has no id of its own: in the browser the
 * engine keeps it in the IndexedDB database named 'muster' (worker/handlers/context.ts), and both
 * IndexedDB and localStorage belong to the page's origin. So origin + database name is exactly one
 * workspace: a demo reset or a restored backup replaces the data in the same database and keeps
 * the columns; another deployment on another origin has its own.
 */
export const WORKSPACE_DATABASE = 'muster';

/** Where a workspace's choice is kept in localStorage. */
export const columnsKey = (workspace: string) => `muster:columns:${workspace}`;

let narrowQuery: MediaQuery | null = null;
/** Whether the window is narrow, reactively (false where there is no window to measure). */
function windowIsNarrow(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  narrowQuery ??= new MediaQuery(NARROW_QUERY);
  return narrowQuery.current;
}

type Choice = Partial<Record<ColumnId, boolean>>;

function read(key: string): Choice | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return null;
    const choice: Choice = {};
    for (const { id } of OPTIONAL_COLUMNS) {
      const v = (parsed as Record<string, unknown>)[id];
      if (typeof v === 'boolean') choice[id] = v;
    }
    return Object.keys(choice).length ? choice : null;
  } catch {
    return null; // no storage (private mode) or a damaged value: the defaults
  }
}

/**
 * Which optional columns the Users table shows. A column the person has not chosen for follows
 * the window's width (narrow windows start without Type and Last sign-in) and the chooser says it
 * is hidden to fit; once they show or hide a column, that choice is kept for the workspace and no
 * longer follows the width. Only what they chose is kept: ticking Last sign-in on a laptop does
 * not hide Type on a wide screen. A column added in a later version simply has no choice yet.
 */
export class ColumnsState {
  /** What the person chose for this workspace, column by column; null when nothing yet. */
  chosen = $state.raw<Choice | null>(null);

  constructor(
    readonly workspace: string,
    private narrow: () => boolean = windowIsNarrow
  ) {
    this.chosen = read(this.key);
  }

  get key() {
    return columnsKey(this.workspace);
  }

  /** The default for a column at the window's current width. */
  fallback(id: ColumnId): boolean {
    return !(this.narrow() && HIDDEN_WHEN_NARROW.includes(id));
  }

  shows = (id: ColumnId): boolean => this.chosen?.[id] ?? this.fallback(id);

  /** The optional columns not shown, in table order. */
  get hidden(): (typeof OPTIONAL_COLUMNS)[number][] {
    return OPTIONAL_COLUMNS.filter((c) => !this.shows(c.id));
  }

  /** The columns hidden only to fit the window: nobody chose to hide them. */
  get fitted(): (typeof OPTIONAL_COLUMNS)[number][] {
    return this.hidden.filter((c) => this.chosen?.[c.id] === undefined);
  }

  /** Shows or hides one column, for this workspace from now on. */
  set(id: ColumnId, on: boolean) {
    const next: Choice = { ...this.chosen, [id]: on };
    this.chosen = next;
    try {
      localStorage.setItem(this.key, JSON.stringify(next));
    } catch {
      // no storage: the choice lasts for this visit
    }
  }

  /** Forgets every choice: back to the defaults for the window's width. */
  reset() {
    this.chosen = null;
    try {
      localStorage.removeItem(this.key);
    } catch {
      // nothing was kept
    }
  }
}

/** The Users table's columns in this browser's workspace, shared by the toolbar and the table. */
export const columns = new ColumnsState(WORKSPACE_DATABASE);
