import type { ActionContext } from '../domain/actions/types';
import type { Store } from './store';

/** Muster's "now": the simulated day with the real time of day, so operations still order. */
export function nowOn(today: string): string {
  return `${today}T${new Date().toISOString().slice(11)}`;
}

export function actionContext(store: Store, actorId: number): ActionContext {
  return {
    today: store.settings.today,
    now: nowOn(store.settings.today),
    invitationValidityDays: store.settings.invitationValidityDays,
    roles: store.roles,
    organizations: store.organizations,
    companies: store.companies,
    userById: (id) => store.users.get(id),
    actorId
  };
}
