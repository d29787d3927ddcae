import { engine } from '../client/engine';
import { Latest } from '../client/latest';
import type { UserRule } from '../domain/actions/form';
import type { Filter } from '../domain/filters';
import type { UserRow } from '../worker/api';

/** Users meeting a rule (active, holding a role) found by name or email in the engine; late answers dropped. */
export class UserSearch {
  results = $state.raw<UserRow[]>([]);
  total = $state(0);
  private latest = new Latest();

  constructor(private rule: () => UserRule) {}

  async search(query: string, limit = 8) {
    const rule = this.rule();
    const filter: Filter = { q: query, status: [rule.status], ...(rule.role ? { role: [rule.role] } : {}) };
    await this.latest.run(
      () => engine().query({ filter, limit }),
      (r) => {
        this.results = r.rows;
        this.total = r.total;
      }
    );
  }
}
