import { ACTIONS, neutralParams } from '../../domain/actions';
import { invitationEmail } from '../../domain/actions/invitations';
import { applyPatch, patchChanges } from '../../domain/changes';
import { addDays } from '../../domain/dates';
import { evaluate } from '../../domain/evaluate';
import { operationHeader, userChange } from '../../domain/operations';
import { reach } from '../../domain/permissions';
import { judgeChange } from '../../domain/policy';
import { checkEdit, type FieldErrors, type NewUserValues } from '../../domain/user-edit';
import { displayName, type User } from '../../domain/user';
import { token } from '../bulk';
import { newUser } from '../upload-apply';
import type { CommitPlan } from '../commit';
import { actionContext, nowOn } from '../context';
import { fail, type Failure } from '../failure';
import type { HistoryPage } from '../history';
import { actionMenu, type MenuItem } from '../menu';
import { toRow, type UserRow } from '../query';
import { whenOpen, type ApplyResult, type EngineContext } from './context';

export interface UserPage {
  user: UserRow;
  /** The Account Executive, by name (the page shows names, never ids). */
  accountExecutive: { id: number; name: string; email: string } | null;
  /** The latest invitation email in the outbox, to open from the page. */
  invitationEmailId: number | null;
  /** Actions that apply to this user first; the others with the reason they do not. */
  actions: { item: MenuItem; reason: string | null }[];
}

export type EditResult = ApplyResult | (Failure & { errors?: FieldErrors });
export type AddResult = (ApplyResult & { userId?: number }) | (Failure & { errors?: FieldErrors });

/** One person: their page, the actions that apply to them, editing, adding, their history. */
export function peopleHandlers(ctx: EngineContext) {
  const { db, store, history } = ctx;
  const editContext = () => ({
    organizations: store.organizations,
    companies: store.companies,
    roles: store.roles,
    userById: (id: number) => store.users.get(id),
    userByEmailKey: (key: string) => store.byEmail.get(key)
  });

  /** Why each action does or does not apply to this one user, as the write gate would judge it. */
  function actionsFor(user: User): UserPage['actions'] {
    const actorId = store.settings.actorId;
    const actor = store.users.get(actorId);
    const actx = actionContext(store, actorId);
    const policy = { source: 'admin' as const, actor: actor ?? null, plan: store.settings.plan, roles: store.roles, activeAdministrators: store.activeAdministrators };
    const items = actionMenu(store, { ids: [user.id] }, actorId);
    const out = items.map((item, i) => {
      if (item.disabled) return { item, reason: item.disabled };
      const action = ACTIONS[i];
      // An action with parameters is judged by its rule alone; its dialog previews exactly.
      if (item.hasParams) return { item, reason: item.applies ? null : (safeSkip(() => action.skipReason(user, neutralParams(action) as never, actx)) ?? 'Does not apply to this user') };
      const r = reach(actor!, store.settings.plan, action.permission, store.roles);
      const ev = evaluate(action, [user.id], neutralParams(action) as never, actx, r);
      const [skip] = ev.skipped.keys();
      if (skip) return { item, reason: skip };
      const a = ev.applies[0];
      if (!a) return { item, reason: 'Does not apply to this user' };
      const after = a.effect.remove ? null : applyPatch(user, a.effect.patch, actx.now);
      const sends = a.effect.emails?.[0] ? (a.effect.emails[0].kind === 'invitation' ? 'users.invite' : 'users.password') : undefined;
      return { item, reason: judgeChange(policy, { id: user.id, before: user, after, sends }) };
    });
    return [...out.filter((x) => x.reason === null), ...out.filter((x) => x.reason !== null)];
  }

  function editPlan(before: User, after: User, action: string, label: string, extra: Partial<CommitPlan> = {}): CommitPlan {
    const actor = ctx.actor()!;
    return {
      who: { source: 'admin', actorId: actor.id },
      users: new Map([[after.id, after]]),
      operation: operationHeader({ kind: 'edit', action, label, actorId: actor.id, actorName: displayName(actor), at: after.updatedAt, params: { user: displayName(after) } }),
      changes: [userChange(before, after, patchChanges(before, after))],
      skips: [],
      emails: [],
      ...extra
    };
  }

  return {
    userPage: whenOpen(ctx, async (id: number): Promise<UserPage | null> => {
      const u = store.users.get(id);
      if (!u) return null;
      const ae = u.accountExecutive === null ? null : store.users.get(u.accountExecutive);
      const invitation = u.invitation ? await db.outbox.where('userId').equals(id).filter((m) => m.kind === 'invitation').last() : undefined;
      return {
        user: toRow(u),
        accountExecutive: ae ? { id: ae.id, name: displayName(ae), email: ae.email } : null,
        invitationEmailId: invitation?.id ?? null,
        actions: actionsFor(u)
      };
    }),

    /** Every operation that changed this user, newest first, with each field's before → after. */
    userHistory: whenOpen(ctx, (id: number, offset: number = 0, limit: number = 50): Promise<HistoryPage> => history.page(id, offset, limit)),

    /** Saves one user's profile fields: checked as an upload row is, through the write gate, as a report. */
    editUser: whenOpen(ctx, (id: number, values: Partial<NewUserValues>): Promise<EditResult> | EditResult => {
      const current = store.users.get(id);
      if (!current) return fail('conflict', 'This user is no longer in the directory.');
      const { firstName, lastName, email, title, department, company, organization, accountExecutive, timeZone } = values;
      const checked = checkEdit(current, { firstName, lastName, email, title, department, company, organization, accountExecutive, timeZone }, editContext());
      if (!checked.ok) return fail('invalid', 'Some fields need another value.', { errors: checked.errors });
      if (Object.keys(checked.patch).length === 0) return fail('invalid', 'Nothing changed: every field holds the value it had.');
      return ctx.writeJob(undefined, undefined, () => {
        const after = applyPatch(current, checked.patch, nowOn(store.settings.today));
        return editPlan(current, after, 'edit_user', `Edit ${displayName(after)}`);
      });
    }),

    /** Adds one user: profile only, or invited at once with a welcome message. */
    addUser: whenOpen(ctx, async (values: Partial<NewUserValues>, opts: { invite: boolean; welcomeMessage: string }): Promise<AddResult> => {
      const checked = checkEdit(null, { userType: 'regular', roles: ['learner'], timeZone: 'UTC', ...values }, editContext());
      if (!checked.ok) return fail('invalid', 'Some fields need another value.', { errors: checked.errors });
      if (opts.invite && checked.patch.userType === 'directory') return fail('invalid', 'Directory users sign in through their directory: add them as profile only.');
      const id = store.settings.nextUserId;
      let userId: number | undefined;
      const res = await ctx.writeJob(undefined, undefined, () => {
        const actor = ctx.actor();
        if (!actor) return fail('denied', 'The acting administrator is not in the directory.');
        const now = nowOn(store.settings.today);
        const p = checked.patch;
        // The same new record an upload row makes.
        let u: User = newUser(id, p.email!, p.emailKey!, { ...p, company: p.company ?? undefined, organization: p.organization ?? undefined, accountExecutive: p.accountExecutive ?? undefined }, now);
        const emails: CommitPlan['emails'] = [];
        if (opts.invite) {
          const expiresAt = addDays(store.settings.today, store.settings.invitationValidityDays);
          u = { ...u, status: 'invited', invitation: { sentAt: now, expiresAt, welcomeMessage: opts.welcomeMessage, timesSent: 1 } };
          emails.push({ ...invitationEmail(u, opts.welcomeMessage, expiresAt), userId: id, to: u.email, sentAt: now, token: token() });
        }
        userId = id;
        return {
          who: { source: 'admin', actorId: actor.id },
          users: new Map([[id, u]]),
          operation: operationHeader({
            kind: 'edit',
            action: 'add_user',
            label: `Add ${displayName(u)}`,
            actorId: actor.id,
            actorName: displayName(actor),
            at: now,
            params: { user: displayName(u), invited: opts.invite },
            emailsSent: emails.length
          }),
          changes: [userChange(u, u, [], { kind: 'created', user: u })],
          skips: [],
          emails,
          settings: { ...store.settings, nextUserId: id + 1 }
        };
      });
      return res.ok ? { ...res, userId } : res;
    })
  };
}

function safeSkip(judge: () => string | null): string | null {
  try {
    return judge();
  } catch {
    return null;
  }
}
