import { exportUsers, type ExportNames } from '../domain/csv/export';
import { USER_EXPORT_LABELS, type UserExportFormat } from '../domain/export-formats';
import { WrittenFile } from './export-file';
import { plural } from '../domain/format';
import { writeEntraUsers, writeGoogleUsers, writeOktaUsers } from '../domain/formats';
import { listResponse, toScimUser, type ScimUser } from '../domain/scim';
import type { User } from '../domain/user';
import type { Progress } from './jobs';

/** Users are written this many at a time, with progress between: 100,000 take a second or two. */
const CHUNK = 10_000;

const WRITERS: Record<Exclude<UserExportFormat, 'scim'>, (users: User[], names: ExportNames) => string> = {
  muster: exportUsers,
  google: writeGoogleUsers,
  entra: writeEntraUsers,
  okta: writeOktaUsers
};

/**
 * Users as a file in the chosen format: names, never ids; every CSV through the formula-safe
 * sanitiser. Written in chunks, each CSV chunk without the header its writer puts first, so a long
 * export reports how far it is.
 */
export function exportUsersAs(users: User[], format: UserExportFormat, names: ExportNames, onProgress?: Progress, prefix = ''): WrittenFile {
  const { file, mime } = USER_EXPORT_LABELS[format];
  const step = (done: number) => onProgress?.({ phase: `Writing ${plural(users.length, 'user')}`, done, total: users.length });
  step(0);
  const chunks: string[] = [];
  let text: string;
  if (format === 'scim') {
    const resources: ScimUser[] = [];
    for (let i = 0; i < users.length; i += CHUNK) {
      for (const u of users.slice(i, i + CHUNK)) resources.push(toScimUser(u, names));
      step(Math.min(users.length, i + CHUNK));
    }
    text = JSON.stringify({ ...listResponse([], names), totalResults: resources.length, itemsPerPage: resources.length, Resources: resources }, null, 2);
  } else {
    const write = WRITERS[format];
    const head = write([], names);
    chunks.push(head);
    for (let i = 0; i < users.length; i += CHUNK) {
      chunks.push(write(users.slice(i, i + CHUNK), names).slice(head.length));
      step(Math.min(users.length, i + CHUNK));
    }
    text = chunks.join('');
  }
  return new WrittenFile(`${prefix}${file}`, mime, text);
}
