import type { ParamKey } from '../param-labels';
import type { UserStatus } from '../user-fields';

/**
 * An action's parameter form, as data in its definition. The engine sends it to the page with the
 * "Choose an action…" menu (plain data: it crosses postMessage), and the dialog renders one control
 * per field by its kind. No page or menu code knows any action by its id.
 */
export type FieldDescriptor =
  | TextField
  | OptionsField
  | ChoiceField
  | UserField
  | DateField;

/** What every field says: the parameter it sets, its words, and whether it may be left out or cleared. */
interface FieldBase<K extends string> {
  kind: K;
  /** The parameter this field sets. Its words in reports come from PARAM_LABELS. */
  key: ParamKey;
  /** The field's name on the form, as its legend or label reads (the accessible name). */
  label: string;
  /**
   * The parameter may be left out. Text says "(optional)"; any other field offers
   * "Leave unchanged" / "Set to…" and leaves the key out until set.
   */
  optional?: boolean;
  /**
   * The parameter may be null, which clears the value. `true`: a "Clear" choice beside the
   * optional field's "Leave unchanged" / "Set to…". Words: a choice between setting a value and
   * clearing it, said the field's way ("Access ends": "On a date" / "Never").
   */
  clearable?: boolean | ClearWords;
}

export interface ClearWords {
  legend: string;
  set: string;
  clear: string;
}

/** Free text, several lines. */
export interface TextField extends FieldBase<'text'> {
  maxLength: number;
  lines: number;
  /** Shown after the label in brackets, after "optional" when it is. */
  note?: string;
}

/**
 * One or several of the workspace's things: a role or a list of roles, an organization or a list,
 * a company, a time zone, the profile fields a user can be asked to update. The `-list` kinds and
 * 'fields-to-flag' give an array of ids; the others one id.
 */
export type OptionsKind = 'role' | 'role-list' | 'organization' | 'organization-list' | 'company' | 'time-zone' | 'fields-to-flag';
export type OptionsField = FieldBase<OptionsKind>;

/** One of a few fixed choices, e.g. whether organizations are added to or replace the list. */
export interface ChoiceField extends FieldBase<'choice'> {
  options: { value: string; label: string }[];
  /** The choice in effect until the person picks one; written into the parameters with their first change. */
  default: string;
}

/** One user, chosen by searching the directory: only users that meet the rule are offered. */
export interface UserField extends FieldBase<'user'> {
  rule: UserRule;
}

export interface UserRule {
  /** The rule in words, shown with the picker. */
  description: string;
  status: UserStatus;
  /** A role the user must hold. */
  role?: string;
}

/** A day, YYYY-MM-DD. */
export type DateField = FieldBase<'date'>;

export type FieldKind = FieldDescriptor['kind'];

/** The choices' defaults, written into the parameters with the person's first change. */
export function formDefaults(form: readonly FieldDescriptor[]): Record<string, unknown> {
  return Object.fromEntries(form.flatMap((f) => (f.kind === 'choice' ? [[f.key, f.default]] : [])));
}

/**
 * A way past one skip reason, offered in the preview: a user skipped for `reason` is included once
 * the person fills `field` (e.g. "Owns content" → "Transfer their content to …, then delete").
 */
export interface Remedy {
  reason: string;
  field: UserField;
  /** The button that applies it, e.g. "Transfer their content, then delete". */
  apply: string;
}
