import { engine } from '../client/engine';
import type { FlaggableField } from '../domain/user';
import type { SessionView, StepAnswer } from '../worker/api';

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

  get step() {
    return this.session?.steps[0] ?? null;
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
      const message = `Muster could not record this step: ${e instanceof Error ? e.message : String(e)}`;
      if (this.session) this.error = message;
      else this.refusal = message;
    } finally {
      this.busy = false;
    }
  }
}
