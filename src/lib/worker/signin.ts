import type { MusterDB } from '../db/schema';
import { emailKey } from '../domain/email';
import { passwordProblems } from '../domain/password';
import { checkFieldUpdate } from '../domain/self-service';
import { pendingSteps, signIn, type Refusal, type Step } from '../domain/signin';
import { displayName, type FlaggableField, type User } from '../domain/user';
import { commit, RefusedError, type CommitPlan } from './commit';
import { fail, faultMessage, isFailure, type Failure } from './failure';
import { hashPassword, verifyPassword } from './credentials';
import { nowOn } from './context';
import { quietPlan, selfServicePlan } from './self-service';
import type { Store } from './store';

/** What the signed-in user's screens need: who they are and, for the forced update, their fields. */
export interface SessionView {
  sessionId: string;
  userId: number;
  name: string;
  email: string;
  steps: Step[];
  /** The code the simulated authenticator app shows, while 2FA enrolment is a step. */
  authenticatorCode: string | null;
  flagged: { field: FlaggableField; value: unknown }[];
}

export type SignInAnswer = { ok: false; reason: Refusal; message: string } | ({ ok: true } & SessionView);
export type StepAnswer = (Failure & { errors?: Partial<Record<string, string>> }) | ({ ok: true } & SessionView);

interface Session {
  userId: number;
  code: string;
}

/**
 * "Sign in as a user" (SPEC §7): the engine decides, records and holds the session, so the steps
 * after sign-in happen in order and cannot be skipped by the page.
 */
export class SignIns {
  private sessions = new Map<string, Session>();

  constructor(
    private db: MusterDB,
    private store: Store
  ) {}

  async signIn(email: string, password: string): Promise<SignInAnswer> {
    const user = this.store.byEmail.get(emailKey(email));
    const matches = user ? await verifyPassword(password, user.passwordHash) : false;
    const today = this.store.settings.today;
    const res = signIn(user, matches, today, nowOn(today));
    if (!res.ok) {
      if (user && res.patch) await commit(this.db, this.store, res.reason === 'locked_now'
            ? selfServicePlan(this.store, user, res.patch, 'lock', 'Account locked after 5 failed sign-ins', 'sign_in') // a change worth a report
            : quietPlan(this.store, user, res.patch));
      return { ok: false, reason: res.reason, message: res.message };
    }
    await commit(this.db, this.store, quietPlan(this.store, user!, res.patch));
    const sessionId = crypto.randomUUID();
    this.sessions.set(sessionId, { userId: user!.id, code: String(100000 + Math.floor(Math.random() * 900000)) });
    return { ok: true, ...this.view(sessionId)! };
  }

  async changePassword(sessionId: string, password: string): Promise<StepAnswer> {
    const at = this.at(sessionId, 'change_password');
    if (isFailure(at)) return at;
    const problems = passwordProblems(password, at.user.email);
    if (problems.length) return fail('invalid', problems.join(' '));
    const plan = selfServicePlan(this.store, at.user, { passwordHash: await hashPassword(password), forcePasswordChange: false }, 'change_password', 'Changed password at sign-in');
    return this.commitStep(sessionId, plan);
  }

  async enrolTwoFactor(sessionId: string, code: string): Promise<StepAnswer> {
    const at = this.at(sessionId, 'enrol_2fa');
    if (isFailure(at)) return at;
    if (code.replace(/\s/g, '') !== this.sessions.get(sessionId)!.code) return fail('invalid', 'That code does not match. Type the 6 digits your authenticator app shows.');
    return this.commitStep(sessionId, selfServicePlan(this.store, at.user, { twoFactor: 'enrolled' }, 'enrol_2fa', 'Enrolled in two-factor authentication'));
  }

  async updateFields(sessionId: string, values: Partial<Record<FlaggableField, unknown>>): Promise<StepAnswer> {
    const at = this.at(sessionId, 'update_fields');
    if (isFailure(at)) return at;
    const res = checkFieldUpdate(at.user, values, {
      organizations: this.store.organizations,
      companies: this.store.companies,
      userById: (id) => this.store.users.get(id)
    });
    if (!res.ok) return fail('invalid', 'Some fields need another value.', { errors: res.errors });
    return this.commitStep(sessionId, selfServicePlan(this.store, at.user, res.patch, 'update_fields', 'Updated flagged fields at sign-in'));
  }

  signOut(sessionId: string) {
    this.sessions.delete(sessionId);
  }

  forgetAll() {
    this.sessions.clear();
  }

  view(sessionId: string): SessionView | null {
    const s = this.sessions.get(sessionId);
    const u = s && this.store.users.get(s.userId);
    if (!s || !u) return null;
    const steps = pendingSteps(u);
    return {
      sessionId,
      userId: u.id,
      name: displayName(u),
      email: u.email,
      steps,
      authenticatorCode: steps.includes('enrol_2fa') ? s.code : null,
      flagged: u.flaggedFields.map((field) => ({ field, value: u[field] }))
    };
  }

  private at(sessionId: string, step: Step): { user: User } | Failure {
    const view = this.view(sessionId);
    if (!view) return fail('conflict', 'This sign-in session has ended. Sign in again.');
    if (view.steps[0] !== step) return fail('conflict', 'Finish the current step first.');
    return { user: this.store.users.get(view.userId)! };
  }

  private async commitStep(sessionId: string, plan: CommitPlan): Promise<StepAnswer> {
    try {
      await commit(this.db, this.store, plan);
    } catch (e) {
      return e instanceof RefusedError ? fail('denied', e.message) : fail('fault', faultMessage(e));
    }
    return { ok: true, ...this.view(sessionId)! };
  }
}
