import { engine } from '../client/engine';
import { messageOf } from '../client/errors';
import { Latest } from '../client/latest';
import type { LinkInfo } from '../worker/api';
import { workspace } from './workspace.svelte';

/** A link from an email (an invitation or a password reset): what it is, then the password it sets. */
export class LinkFlow {
  /** null until the engine has said what the link is. */
  info = $state.raw<LinkInfo | null>(null);
  password = $state('');
  confirm = $state('');
  error = $state<string | null>(null);
  done = $state(false);
  busy = $state(false);
  private latest = new Latest();

  constructor(private token: () => string) {}

  get invitation(): boolean {
    return this.info?.kind === 'invitation';
  }

  /** Reads the link; an answer for a token no longer in the address is dropped. */
  async open() {
    const token = this.token();
    try {
      await this.latest.run(
        async () => {
          await workspace.ready();
          return engine().link(token);
        },
        (info) => (this.info = info)
      );
    } catch (e) {
      workspace.fail(e);
    }
  }

  async submit() {
    if (this.password !== this.confirm) {
      this.error = 'The two passwords are not the same.';
      return;
    }
    this.busy = true;
    try {
      const res = await engine().useLink(this.token(), this.password);
      if (res.ok) {
        this.done = true;
        void workspace.reload();
      } else this.error = res.message;
    } catch (e) {
      this.error = messageOf(e);
    } finally {
      this.busy = false;
    }
  }
}
