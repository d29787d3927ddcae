import type { z } from 'zod';
import type { Permission, Role } from '../roles';
import type { TrackedField, User, UserPatch } from '../user';
import type { FieldDescriptor, Remedy } from './form';

/** Everything an action may consult besides the user it judges. Pure data, supplied by the engine. */
export interface ActionContext {
  today: string;
  now: string;
  invitationValidityDays: number;
  roles: ReadonlyMap<string, Role>;
  organizations: ReadonlyMap<string, { name: string }>;
  companies: ReadonlyMap<string, { name: string }>;
  userById(id: number): User | undefined;
  /** The acting administrator's id: some actions never apply to the actor's own account. */
  actorId: number;
}

export type EmailKind = 'invitation' | 'password_reset';

export interface EmailDraft {
  kind: EmailKind;
  subject: string;
  body: string;
}

export interface Effect {
  patch: UserPatch;
  emails?: EmailDraft[];
  /** The record is erased (Remove permanently); the report keeps a snapshot. */
  remove?: boolean;
  /** Owned content credited to another user (Transfer ownership). */
  transfer?: { toUserId: number; amount: number };
}

export type Severity = 'normal' | 'destructive';

export type ActionFamily = 'status' | 'invitations' | 'security' | 'roles' | 'profile' | 'access';

export interface ActionDef<P = unknown> {
  id: string;
  label: string;
  description: string;
  family: ActionFamily;
  permission: Permission;
  /** zod schema for the parameters; `{}` for actions without any. */
  params: z.ZodType<P>;
  /**
   * The parameter form, one field per parameter (none: the action asks nothing, and its dialog
   * opens on the preview). The page renders it; reports name the keys with PARAM_LABELS.
   */
  form?: readonly FieldDescriptor[];
  /**
   * The parameters the "Choose an action…" menu counts with before any are chosen: the action's
   * rule alone, e.g. a transfer target that is nobody. By default the schema's defaults
   * (`params.parse({})`), or `{}` when the schema requires something.
   */
  neutralParams?: P;
  /** Checks of the parameters against the workspace (a role that exists, an active target…). */
  checkParams?(params: P, ctx: ActionContext): string | null;
  /** null when the action applies to this user, else the reason it is skipped, in plain words. */
  skipReason(user: User, params: P, ctx: ActionContext): string | null;
  effect(user: User, params: P, ctx: ActionContext): Effect;
  /**
   * The fields beyond the rule shape (rule-shape.ts) that the rule and effect read or write with
   * these parameters: users alike in these and in shape get one verdict and one list of changes, so
   * a preview judges each such group once (worker/bulk-preview.ts). Absent: the preview judges each
   * user on their own (an email in the user's name, content handed to another user).
   * bulk-preview.property.test.ts compares the two for every action that has it.
   */
  shapeFields?(params: P): readonly TrackedField[];
  /** Destructive actions ask for a typed confirmation. Some depend on parameters (granting admin). */
  severity(params: P, ctx: ActionContext): Severity;
  /** Skip the acting administrator's own account (deactivating or deleting yourself locks you out). */
  protectsActor?: boolean;
  /** Reason given when the effect would change nothing for this user. */
  unchangedReason?: string;
  /** Ways past a skip reason the preview offers (an optional parameter that includes those users). */
  remedies?: readonly Remedy[];
}

export function defineAction<P>(def: ActionDef<P>): ActionDef<P> {
  return def;
}

/** shapeFields for an action whose rule and effect read and write only what the rule shape holds. */
export const byShape = (): readonly TrackedField[] => [];

export const normal = (): Severity => 'normal';
export const destructive = (): Severity => 'destructive';
