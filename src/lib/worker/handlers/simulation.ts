import type { FlaggableField } from '../../domain/user';
import { advanceClock, previewClock, type ClockAnswer, type ClockPreview } from '../clock';
import { fail, faultMessage, type Failure } from '../failure';
import { linkInfo, useLink, type LinkInfo } from '../links';
import type { SessionView, SignInAnswer, StepAnswer } from '../signin';
import { whenOpen, type EngineContext } from './context';

/** Simulation (SPEC §7): signing in as a user and their steps, emailed links, and the clock. */
export function simulationHandlers(ctx: EngineContext) {
  const { db, store, signIns } = ctx;
  return {
    /** Signs in as a user; the session then walks the required steps. */
    signIn: whenOpen(ctx, (email: string, password: string): Promise<SignInAnswer> => signIns.signIn(email, password)),

    session: whenOpen(ctx, (sessionId: string): SessionView | null => signIns.view(sessionId)),

    changePassword: whenOpen(ctx, (sessionId: string, password: string): Promise<StepAnswer> => signIns.changePassword(sessionId, password)),

    enrolTwoFactor: whenOpen(ctx, (sessionId: string, code: string): Promise<StepAnswer> => signIns.enrolTwoFactor(sessionId, code)),

    updateFlaggedFields: whenOpen(ctx, (sessionId: string, values: Partial<Record<FlaggableField, unknown>>): Promise<StepAnswer> =>
      signIns.updateFields(sessionId, values)
    ),

    async signOut(sessionId: string): Promise<void> {
      signIns.signOut(sessionId);
    },

    /** What an emailed link (invitation, password reset) leads to. */
    link: whenOpen(ctx, async (token: string): Promise<LinkInfo> => {
      const { mail: _mail, ...info } = await linkInfo(db, store, token);
      return info;
    }),

    /** Sets a password through an emailed link; an invitation also activates the account. */
    useLink: whenOpen(ctx, async (token: string, password: string): Promise<{ ok: true } | Failure> => {
      try {
        return await useLink(db, store, token, password);
      } catch (e) {
        return fail('fault', faultMessage(e));
      }
    }),

    /** What moving the clock forward would expire and end, before it moves. */
    clockPreview: whenOpen(ctx, (to: string): ClockPreview => previewClock(store, to)),

    /** Moves Muster's "today" forward; what expires on the way is recorded. */
    advanceClock: whenOpen(ctx, async (to: string): Promise<ClockAnswer> => {
      const actor = ctx.actor();
      if (!actor) return fail('denied', 'The acting administrator is not in the directory.');
      try {
        return await advanceClock(db, store, to, actor);
      } catch (e) {
        return fail('fault', faultMessage(e));
      }
    })
  };
}
