import { exportUsers, type ExportNames } from '../domain/csv/export';
import { USER_EXPORT_LABELS, type ExportFile, type UserExportFormat } from '../domain/export-formats';
import { writeEntraUsers, writeGoogleUsers, writeOktaUsers } from '../domain/formats';
import { listResponse } from '../domain/scim';
import type { User } from '../domain/user';

/** Users as a file in the chosen format: names, never ids; every CSV through the formula-safe sanitiser. */
export function exportUsersAs(users: User[], format: UserExportFormat, names: ExportNames): ExportFile {
  const { file, mime } = USER_EXPORT_LABELS[format];
  const text = (() => {
    switch (format) {
      case 'muster':
        return exportUsers(users, names);
      case 'google':
        return writeGoogleUsers(users, names);
      case 'entra':
        return writeEntraUsers(users, names);
      case 'okta':
        return writeOktaUsers(users, names);
      case 'scim':
        return JSON.stringify(listResponse(users, names), null, 2);
    }
  })();
  return { filename: file, mime, text };
}
