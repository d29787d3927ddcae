import { engine } from '../client/engine';
import { messageOf } from '../client/errors';
import { Latest } from '../client/latest';
import { timeZones } from '../domain/timezones';
import type { FlaggableField } from '../domain/user';
import { displayName } from '../domain/user-fields';
import type { SessionView, StepAnswer } from '../worker/api';
import { workspace } from './workspace.svelte';

/** The simulated sign-in screen: what the user typed, what Muster answered, the steps after it. */
export class SignInFlow {
  email = $state('');
  password = $state('');
  /** The refusal shown under the form (wrong password, locked…). */
  refusal = $state<string | null>(null);
  session = $state<SessionView | null>(null);
  /** A step's own message (a password that breaks the rules, a wrong code). */
  error = $state<string | null>(null);
  busy = $state(false);
  /** Users of the directory matching what is typed in Email, by name or email. */
  suggestions = $state.raw<{ email: string; label: string }[]>([]);
  /** Options (value, label) of the flagged fields picked from a list, for the forced update. */
  choices = $state.raw<Partial<Record<FlaggableField, { value: string; label: string }[]>>>({});
  private suggesting = new Latest();
  private choosing = new Latest();

  get step() {
    return this.session?.steps[0] ?? null;
  }

  /** Suggestions for the email typed so far, once typing pauses; an answer to earlier typing is dropped. */
  async suggest() {
    const q = this.email.trim();
    if (q.length < 2) {
      this.suggesting.drop();
      return;
    }
    try {
      await this.suggesting.run(
        async () => {
          await workspace.ready();
          return engine().query({ filter: { q }, limit: 8 });
        },
        (res) => (this.suggestions = res.rows.map((u) => ({ email: u.email, label: `${displayName(u)} · ${u.status}` }))),
        { wait: 150 }
      );
    } catch (e) {
      workspace.fail(e);
    }
  }

  /** The lists the forced update picks from, read when that step comes up. */
  async loadChoices() {
    if (this.step !== 'update_fields') return;
    try {
      await this.choosing.run(
        async () => {
          await workspace.ready();
          return engine().query({ filter: { role: ['account_executive'], status: ['active'] }, limit: 500 });
        },
        (aes) => {
          const m = workspace.meta!;
          this.choices = {
            organization: m.organizations.map((o) => ({ value: o.id, label: o.name })),
            company: m.companies.map((c) => ({ value: c.id, label: c.name })),
            timeZone: timeZones().map((z) => ({ value: z, label: z })),
            accountExecutive: aes.rows.filter((u) => u.id !== this.session?.userId).map((u) => ({ value: String(u.id), label: `${displayName(u)} (${u.email})` }))
          };
        }
      );
    } catch (e) {
      workspace.fail(e);
    }
  }

  async signIn() {
    if (!this.email.trim()) {
      this.refusal = 'Type the email address of the user to sign in as.';
      return;
    }
    await this.run(async () => {
      const res = await engine().signIn(this.email, this.password);
      this.password = '';
      if (res.ok) {
        this.session = res;
        this.refusal = null;
      } else this.refusal = res.message;
    });
  }

  async changePassword(password: string, confirm: string) {
    if (password !== confirm) {
      this.error = 'The two passwords are not the same.';
      return;
    }
    await this.run(async () => this.take(await engine().changePassword(this.session!.sessionId, password)));
  }

  async enrol(code: string) {
    await this.run(async () => this.take(await engine().enrolTwoFactor(this.session!.sessionId, code)));
  }

  /** Resolves with a message per field, or null once the update is saved. */
  async updateFields(values: Partial<Record<FlaggableField, string>>): Promise<Partial<Record<FlaggableField, string>> | null> {
    const res = await engine().updateFlaggedFields(this.session!.sessionId, values);
    if (res.ok) {
      this.session = res;
      return null;
    }
    return (res.errors as Partial<Record<FlaggableField, string>>) ?? {};
  }

  signOut() {
    if (this.session) void engine().signOut(this.session.sessionId);
    this.session = null;
    this.error = null;
  }

  private take(res: StepAnswer) {
    if (res.ok) {
      this.session = res;
      this.error = null;
    } else this.error = res.errors ? 'Check the highlighted fields.' : res.message;
  }

  private async run(fn: () => Promise<void>) {
    this.busy = true;
    this.error = null;
    try {
      await fn();
    } catch (e) {
      // A storage failure while recording the sign-in: say so where the form shows its messages.
      const message = `Muster could not record this step: ${messageOf(e)}`;
      if (this.session) this.error = message;
      else this.refusal = message;
    } finally {
      this.busy = false;
    }
  }
}
