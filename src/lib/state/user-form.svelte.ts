import { engine } from '../client/engine';
import { messageOf } from '../client/errors';
import type { EditValues, FieldErrors, NewUserValues } from '../domain/user-edit';
import type { UserType } from '../domain/user-fields';
import { timeZones } from '../domain/timezones';
import type { UserPage } from '../worker/api';

/** The form's own shape: selects hold '' for "none". */
export interface ProfileValues {
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  department: string;
  company: string;
  organization: string;
  accountExecutive: number | null;
  timeZone: string;
}

/** The person chosen as account executive, shown by name beside the picker. */
export interface PersonRef {
  id: number;
  name: string;
  email: string;
}

export type FormField = keyof FieldErrors;

const EMPTY: ProfileValues = {
  firstName: '',
  lastName: '',
  email: '',
  title: '',
  department: '',
  company: '',
  organization: '',
  accountExecutive: null,
  timeZone: 'UTC'
};

/** The browser's own time zone when Muster knows it, for a new user; else UTC. */
function defaultTimeZone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return timeZones().includes(tz) ? tz : 'UTC';
}

function toEngine(v: ProfileValues): EditValues {
  return { ...v, company: v.company || null, organization: v.organization || null };
}

/**
 * One user's profile as typed in a form: editing a user in place or adding one. The engine checks
 * it as it checks an upload row; its message for each wrong field is kept beside that field, and
 * any other refusal (the write gate's, a fault) as one message for the whole form.
 */
export class UserForm {
  values = $state<ProfileValues>({ ...EMPTY });
  accountExecutive = $state<PersonRef | null>(null);
  errors = $state.raw<FieldErrors>({});
  failure = $state<string | null>(null);
  saving = $state(false);
  /** Only when adding: the user type, roles and whether to invite at once. */
  userType = $state<UserType>('regular');
  roles = $state<string[]>(['learner']);
  invite = $state(false);
  welcomeMessage = $state('');
  private initial: ProfileValues = { ...EMPTY };

  static forUser(page: UserPage): UserForm {
    const u = page.user;
    const form = new UserForm();
    const values: ProfileValues = {
      firstName: u.firstName,
      lastName: u.lastName,
      email: u.email,
      title: u.title,
      department: u.department,
      company: u.company ?? '',
      organization: u.organization ?? '',
      accountExecutive: u.accountExecutive,
      timeZone: u.timeZone
    };
    form.values = { ...values };
    form.initial = values;
    form.accountExecutive = page.accountExecutive;
    return form;
  }

  static blank(): UserForm {
    const form = new UserForm();
    form.values = { ...EMPTY, timeZone: defaultTimeZone() };
    return form;
  }

  setAccountExecutive(person: PersonRef | null) {
    this.accountExecutive = person;
    this.values.accountExecutive = person?.id ?? null;
  }

  /** The fields whose value differs from the user as loaded: only they are sent. */
  changed(): Partial<EditValues> {
    const now = toEngine(this.values);
    const before = toEngine(this.initial);
    const out: Partial<EditValues> = {};
    for (const key of Object.keys(now) as (keyof EditValues)[]) if (now[key] !== before[key]) (out as Record<string, unknown>)[key] = now[key];
    return out;
  }

  /** Saves the changed fields of this user; the report's id on success, else null (messages shown). */
  async saveEdit(id: number): Promise<number | null> {
    const values = this.changed();
    if (Object.keys(values).length === 0) {
      this.failure = 'Nothing changed: every field holds the value it had.';
      return null;
    }
    return this.run(() => engine().editUser(id, values));
  }

  /** Adds the user as typed; their id on success, else null (messages shown). */
  async saveNew(): Promise<{ userId: number; reportId: number } | null> {
    const values: NewUserValues = { ...toEngine(this.values), userType: this.userType, roles: [...this.roles] };
    let userId: number | undefined;
    const reportId = await this.run(async () => {
      const res = await engine().addUser(values, { invite: this.invite && this.userType === 'regular', welcomeMessage: this.invite ? this.welcomeMessage : '' });
      if (res.ok) userId = res.userId;
      return res;
    });
    return reportId !== null && userId !== undefined ? { userId, reportId } : null;
  }

  private async run(call: () => Promise<{ ok: true; reportId: number } | { ok: false; message: string; errors?: FieldErrors }>): Promise<number | null> {
    this.saving = true;
    this.failure = null;
    try {
      const res = await call();
      if (res.ok) {
        this.errors = {};
        return res.reportId;
      }
      this.errors = res.errors ?? {};
      // Each wrong field has its message beside it; the form-wide line says so, or why not.
      this.failure = res.message;
      return null;
    } catch (e) {
      this.failure = messageOf(e);
      return null;
    } finally {
      this.saving = false;
    }
  }
}
