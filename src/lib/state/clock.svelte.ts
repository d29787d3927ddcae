import { engine } from '../client/engine';
import { messageOf } from '../client/errors';
import { formatDate, plural } from '../domain/format';
import type { ClockPreview } from '../worker/api';
import { workspace } from './workspace.svelte';

/** Moving Muster's clock: first what the chosen day would expire and end, then the move (it cannot go back). */
export class ClockState {
  busy = $state(false);
  pending = $state.raw<Extract<ClockPreview, { ok: true }> | null>(null);
  message = $state<{ text: string; reportId: number | null; error: boolean } | null>(null);

  reset() {
    this.pending = null;
    this.message = null;
  }

  async preview(to: string) {
    this.busy = true;
    this.message = null;
    try {
      const res = await engine().clockPreview(to);
      if (res.ok) this.pending = res;
      else this.message = { text: res.message, reportId: null, error: true };
    } catch (e) {
      this.message = { text: messageOf(e), reportId: null, error: true };
    } finally {
      this.busy = false;
    }
  }

  async move(to: string): Promise<boolean> {
    this.busy = true;
    this.pending = null;
    const res = await engine()
      .advanceClock(to)
      .catch((e) => ({ ok: false as const, message: messageOf(e) }));
    this.busy = false;
    if (!res.ok) {
      this.message = { text: res.message, reportId: null, error: true };
      return false;
    }
    const what = [
      res.expired ? `${plural(res.expired, 'invitation')} expired` : '',
      res.accessEnded ? `access ended for ${plural(res.accessEnded, 'user')}` : ''
    ].filter(Boolean);
    this.message = { text: `Today is now ${formatDate(res.today)}. ${what.length ? `${what.join('; ')}.` : 'Nothing expired.'}`, reportId: res.reportId, error: false };
    await workspace.reload();
    return true;
  }
}
