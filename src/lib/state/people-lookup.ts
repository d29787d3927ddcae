import { engine } from '../client/engine';
import { displayName } from '../domain/user-fields';

export interface Person {
  id: number;
  name: string;
  email: string;
}

/** Names and emails of users by id (a skip group opened in a preview), at most 200. */
export async function peopleByIds(ids: readonly number[]): Promise<Person[]> {
  return (await engine().rows(ids.slice(0, 200))).map((u) => ({ id: u.id, name: displayName(u), email: u.email }));
}
