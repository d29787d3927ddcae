import { roomProblem, workspaceOf } from '../../domain/storage-room';
import { storageEstimate } from '../storage-estimate';
import type { Plan } from '../../domain/directory';
import { plural } from '../../domain/format';
import { demoSizesInWords, isDemoSize } from '../../domain/demo-sizes';
import { operationHeader } from '../../domain/operations';
import { hasAdministrativeRole } from '../../domain/roles';
import { displayName } from '../../domain/user';
import { exportBackup, importBackup, type ImportResult } from '../backup';
import { commit } from '../commit';
import { nowOn } from '../context';
import { fail, faultMessage, type Failure } from '../failure';
import type { Progress } from '../jobs';
import { demoWorkspace, writeWorkspace } from '../seed';
import type { EngineEvent } from '../tabs';
import { whenOpen, type EngineContext } from './context';

const PLAN_NAMES: Record<Plan, string> = { standard: 'Standard', enterprise: 'Enterprise' };
/** Users in the sample whose size stands for a demo workspace's, before anything is written. */
const SAMPLE = 200;

/** The workspace as a whole: who acts and under which plan, demo data, backup, other tabs. */
export function workspaceHandlers(ctx: EngineContext) {
  const { db, store } = ctx;

  /** Who acts and under which rules is the engine's session state; each change is in the audit log. */
  async function recordSession(action: 'set_actor' | 'set_plan', label: string, params: Record<string, unknown>, settings: typeof store.settings) {
    const actor = ctx.actor();
    const at = nowOn(store.settings.today);
    await commit(db, store, {
      who: { source: 'admin', actorId: actor?.id ?? null },
      users: new Map(),
      operation: operationHeader({
        kind: 'session',
        action,
        label,
        actorId: actor?.id ?? settings.actorId,
        actorName: actor ? displayName(actor) : 'Nobody',
        at,
        params,
        applied: 0,
        changedUsers: 0
      }),
      changes: [],
      skips: [],
      emails: [],
      settings
    });
  }

  return {
    /** Changes the acting administrator: an active user holding an administrative role. */
    setActor: whenOpen(ctx, async (actorId: number): Promise<{ ok: true } | Failure> => {
      const u = store.users.get(actorId);
      if (!u || u.status !== 'active' || !hasAdministrativeRole(u.roles, store.roles))
        return fail('denied', 'Only an active user holding an administrative role can be the acting administrator.');
      if (actorId === store.settings.actorId) return { ok: true };
      const from = ctx.actor();
      try {
        await recordSession('set_actor', `Acting administrator: ${from ? displayName(from) : 'nobody'} → ${displayName(u)}`, { previous: from ? displayName(from) : null, next: displayName(u) }, { ...store.settings, actorId });
      } catch (e) {
        return fail('fault', faultMessage(e));
      }
      return { ok: true };
    }),

    setPlan: whenOpen(ctx, async (plan: Plan): Promise<{ ok: true } | Failure> => {
      if (plan !== 'standard' && plan !== 'enterprise') return fail('invalid', `Unknown plan “${plan}”.`);
      if (plan === store.settings.plan) return { ok: true };
      const from = PLAN_NAMES[store.settings.plan];
      try {
        await recordSession('set_plan', `Plan: ${from} → ${PLAN_NAMES[plan]}`, { previous: from, next: PLAN_NAMES[plan] }, { ...store.settings, plan });
      } catch (e) {
        return fail('fault', faultMessage(e));
      }
      return { ok: true };
    }),

    /** Replaces the whole workspace with fresh demo data of the given size (SPEC §8). */
    async resetDemo(size: number, onProgress?: Progress): Promise<{ ok: true; total: number } | Failure> {
      if (!isDemoSize(size)) return fail('invalid', `Demo workspaces come in ${demoSizesInWords()} users.`);
      await ctx.ensureOpen();
      // Said before generating or writing anything: a sample's size, scaled to the workspace.
      const sample = await demoWorkspace(SAMPLE);
      const full = roomProblem(workspaceOf(size), (JSON.stringify(sample.users).length / SAMPLE) * size, await storageEstimate());
      if (full) return fail('invalid', full);
      try {
        onProgress?.({ phase: `Generating ${plural(size, 'demo user')}`, done: 0, total: 1 });
        await writeWorkspace(db, await demoWorkspace(size, undefined, onProgress), onProgress);
        await ctx.reload(onProgress && ((p) => onProgress({ ...p, phase: 'Loading the new workspace' })));
      } catch (e) {
        return fail('fault', faultMessage(e));
      }
      ctx.tabs.changed();
      return { ok: true, total: store.users.size };
    },

    /** The whole workspace as one compressed file (SPEC §8 backup). */
    exportWorkspace: whenOpen(ctx, (): Promise<Uint8Array> => exportBackup(db)),

    /** Replaces the workspace with a backup file, only if the whole file is valid. */
    importWorkspace: whenOpen(ctx, async (bytes: Uint8Array): Promise<ImportResult> => {
      const res = await importBackup(db, bytes);
      if (res.ok) {
        await ctx.reload();
        ctx.tabs.changed();
      }
      return res;
    }),

    /** Events for the page: another tab changed the data, or this tab must reload. */
    async watch(fn: (e: EngineEvent) => void): Promise<void> {
      ctx.tabs.watch(fn);
    },

    /** Closes the database (tests, workspace replacement). */
    async close(): Promise<void> {
      ctx.close();
    }
  };
}
