import { addDays } from '../domain/dates';
import { applyPatch, patchChanges, type FieldChange } from '../domain/changes';
import { invitationEmail } from '../domain/actions/invitations';
import { REASONS } from '../domain/actions/reasons';
import type { RowValues } from '../domain/csv/validate';
import { operationHeader, skipBook, skipTo, userChange, type UserChange } from '../domain/operations';
import { FIELD_LABELS, checkChangedUser, displayName, userSchema, type User, type UserPatch } from '../domain/user';
import { csvDocument } from '../domain/csv/sanitize';
import { token } from './bulk';
import { rowStateApplier, type StateOutcome } from './upload-states';
import type { CommitPlan } from './commit';
import { nowOn } from './context';
import type { Store } from './store';
import type { UploadSession } from './upload';

export interface UploadOptions {
  welcomeMessage: string;
  /** New users are invited (else created as profile only). */
  inviteNew: boolean;
  /** Matched users who are invited or expired get a new invitation (names and message overwritten). */
  reinvite: boolean;
  /** Rows matching a deleted user undelete it (else they are skipped). */
  undelete: boolean;
  /**
   * A file that lists users to act on (Entra's bulk delete or bulk invite file): apply that action
   * to them. Never assumed: the administrator ticks it.
   */
  actOnListed?: boolean;
}

export interface UploadOutcome {
  row: number;
  /** The user the row created or matched (the write gate may still refuse their change). */
  userId?: number;
  email: string;
  outcome: 'created' | 'updated' | 'unchanged' | 'undeleted' | 'reinvited' | 'skipped' | 'invalid';
  message: string;
  /** On a row that applied: its state actions that did not, with their reasons. */
  notApplied?: string[];
}

const SKIP_DELETED = 'Matches a deleted user — choose “undelete” to restore';

/** Turns a previewed upload into one atomic commit plus its per-row results (SPEC §5 step 7). */
export function planUpload(store: Store, s: UploadSession, o: UploadOptions, actor: User): { plan: CommitPlan; results: UploadOutcome[] } {
  const today = store.settings.today;
  const now = nowOn(today);
  const users = new Map<number, User | null>();
  const changes: UserChange[] = [];
  const emails: CommitPlan['emails'] = [];
  const results: UploadOutcome[] = [];
  const skips = new Map<string, number[]>();
  let nextId = store.settings.nextUserId;

  const invitation = (u: User) => {
    const expiresAt = addDays(today, store.settings.invitationValidityDays);
    emails.push({ ...invitationEmail(u, o.welcomeMessage, expiresAt), userId: u.id, to: u.email, sentAt: now, token: token() });
    return { sentAt: now, expiresAt, welcomeMessage: o.welcomeMessage, timesSent: (u.invitation?.timesSent ?? 0) + 1 };
  };
  const record = (before: User, after: User, list: FieldChange[]) => {
    if (list.length) changes.push(userChange(before, after, list));
    users.set(before.id, after);
  };

  const states = rowStateApplier(store, actor, now, { welcomeMessage: o.welcomeMessage });
  const listed = o.actOnListed && s.purpose !== 'update' ? ([{ action: s.purpose, header: 'File', value: s.purpose }] as const) : null;
  const actionsOf = (row: number) => (listed ? [...(s.diff.actions.get(row) ?? []), ...listed] : s.diff.actions.get(row));
  const sendAll = (u: User, drafts: StateOutcome['emails']) => {
    for (const d of drafts) emails.push({ ...d, userId: u.id, to: u.email, sentAt: now, token: token() });
  };
  /** The row's state actions, said after its own message: "then Deactivate", "Activate skipped: …". */
  const partly = (st: StateOutcome) => (st.skipped.length ? { notApplied: st.skipped.map((x) => x.reason) } : {});
  const stateWords = (st: StateOutcome) => [...st.applied.map((a) => `then ${a}`), ...st.skipped.map((x) => `not applied — ${x.reason}`)];

  // The first created user is checked whole; the others field by field against it (a valid record).
  let checked: User | null = null;
  const checkNew = (u: User) => {
    if (checked) checkChangedUser(checked, u);
    else checked = userSchema.parse(u) && u;
  };
  for (const r of s.diff.created) {
    let u = newUser(nextId++, r.email, r.emailKey, r.values, now);
    if (o.inviteNew && u.userType === 'regular') u = { ...u, status: 'invited', invitation: invitation(u) };
    const st = states(u, s.diff.actions.get(r.row));
    u = st.user;
    sendAll(u, st.emails);
    checkNew(u);
    users.set(u.id, u);
    changes.push(userChange(u, u, [], { kind: 'created', user: u }));
    const message = [u.status === 'invited' ? 'created and invited' : 'created as profile only', ...stateWords(st)].join('; ');
    results.push({ row: r.row, userId: u.id, email: r.email, outcome: 'created', message, ...partly(st) });
  }

  const none: RowValues = {};
  const matched = [
    ...s.diff.updated.map((x) => ({ row: x.row, values: Object.fromEntries(x.changes.map((c) => [c.field, c.after])) as RowValues, user: x.user, kind: 'updated' as const })),
    ...s.diff.unchanged.users.map((user, i) => ({ row: s.diff.unchanged.rows[i], values: none, user, kind: 'unchanged' as const })),
    ...s.diff.deleted.map((x) => ({ row: x.row.row, values: x.row.values, user: x.user, kind: 'deleted' as const }))
  ];
  for (const m of matched) {
    const current = store.users.get(m.user.id);
    if (!current) {
      results.push({ row: m.row, email: m.user.email, outcome: 'skipped', message: REASONS.notFound });
      continue;
    }
    if (m.kind === 'deleted' && !o.undelete) {
      skipTo(skips, SKIP_DELETED, current.id);
      results.push({ row: m.row, email: current.email, outcome: 'skipped', message: SKIP_DELETED });
      continue;
    }
    const reinvite = o.reinvite && current.userType === 'regular' && (current.status === 'invited' || current.status === 'expired');
    const actions = actionsOf(m.row);
    // Most rows of a directory's own export change nothing: no user to build or compare.
    if (m.kind === 'unchanged' && !reinvite && !actions?.length) {
      results.push({ row: m.row, email: current.email, outcome: 'unchanged', message: 'no change' });
      continue;
    }
    const patch: UserPatch = { ...(m.values as UserPatch) };
    delete patch.userType;
    if (m.kind === 'deleted') patch.status = 'inactive';
    const patched = applyPatch(current, patch, now);
    let after = reinvite ? { ...patched, status: 'invited' as const, invitation: invitation(patched) } : patched;
    const st = states(after, actions);
    after = st.user;
    sendAll(after, st.emails);
    // What changed: the patch's own fields when nothing else touched the user (most rows).
    const changed = patchChanges(current, (after === patched ? patch : after) as UserPatch);
    if (changed.length === 0 && !reinvite) {
      // Only state cells, none of which applied: skipped with the actions' own reasons.
      if (st.skipped.length) {
        for (const x of st.skipped) skipTo(skips, x.reason, current.id);
        results.push({ row: m.row, userId: current.id, email: current.email, outcome: 'skipped', message: st.skipped.map((x) => x.reason).join('; ') });
      } else results.push({ row: m.row, email: current.email, outcome: 'unchanged', message: 'no change' });
      continue;
    }
    checkChangedUser(current, after);
    record(current, after, changed);
    const outcome = m.kind === 'deleted' ? 'undeleted' : reinvite ? 'reinvited' : 'updated';
    const fields = changed.map((c) => FIELD_LABELS[c.field] ?? c.field).join(', ');
    results.push({ row: m.row, userId: current.id, email: current.email, outcome, message: [fields, ...stateWords(st)].join('; '), ...partly(st) });
  }
  for (const e of s.diff.errors) results.push({ row: e.row, email: '', outcome: 'invalid', message: `${e.column}: ${e.message}` });
  results.sort((a, b) => a.row - b.row);

  const tally = new Map<UploadOutcome['outcome'], number>();
  for (const r of results) tally.set(r.outcome, (tally.get(r.outcome) ?? 0) + 1);
  const count = (k: UploadOutcome['outcome']) => tally.get(k) ?? 0;
  const book = skipBook(skips);
  const invalidRows = s.diff.invalidRows;
  return {
    results,
    plan: {
      who: { source: 'admin', actorId: actor.id },
      users,
      changes,
      emails,
      skips: book.skips,
      failures: s.diff.errors.map((e) => ({ row: e.row, message: `${e.column}: ${e.message}` })),
      settings: { ...store.settings, nextUserId: nextId },
      operation: operationHeader({
        kind: 'upload',
        action: 'upload',
        label: `Upload ${s.fileName}`,
        actorId: actor.id,
        actorName: displayName(actor),
        at: now,
        params: { file: s.fileName, rows: s.rows, ...o },
        applied: count('created') + count('updated') + count('undeleted') + count('reinvited'),
        skipped: count('skipped'),
        // Invalid rows are failures, not skips: counted once, listed in the results file.
        failed: invalidRows,
        skipReasons: book.skipReasons,
        emailsSent: emails.length,
        changedUsers: changes.length
      })
    }
  };
}

/** A new user's record from the values an upload row (or the Add user form) gives. */
export function newUser(id: number, email: string, key: string, v: RowValues, now: string): User {
  return {
    id,
    email,
    emailKey: key,
    firstName: v.firstName ?? '',
    lastName: v.lastName ?? '',
    title: v.title ?? '',
    department: v.department ?? '',
    company: v.company ?? null,
    organization: v.organization ?? null,
    accountExecutive: v.accountExecutive ?? null,
    timeZone: v.timeZone ?? 'UTC',
    userType: v.userType ?? 'regular',
    status: 'profile_only',
    invitation: null,
    accessExpiresAt: v.accessExpiresAt ?? null,
    locked: false,
    failedSignIns: 0,
    twoFactor: 'none',
    forcePasswordChange: false,
    passwordHash: null,
    roles: v.roles?.length ? v.roles : ['learner'],
    managedOrganizations: [],
    flaggedFields: [],
    ownedContent: 0,
    createdAt: now,
    updatedAt: now,
    lastSignInAt: null,
    version: 1
  };
}

export function resultsCsv(results: UploadOutcome[]): string {
  return csvDocument(['row', 'email', 'outcome', 'message'], results.map((r) => [r.row, r.email, r.outcome, r.message]));
}

/** The rows whose users the write gate refused become skipped rows, with its reason. */
export function markRefused(results: UploadOutcome[], refused: ReadonlyMap<number, string>): UploadOutcome[] {
  if (refused.size === 0) return results;
  return results.map((r) => (r.userId !== undefined && refused.has(r.userId) ? { ...r, outcome: 'skipped', message: refused.get(r.userId)! } : r));
}
