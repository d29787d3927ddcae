import type { User } from '../user';
import { COLUMNS } from './columns';
import { csvDocument } from './sanitize';

export interface ExportNames {
  role: (id: string) => string;
  organization: (id: string) => string;
  company: (id: string) => string;
  emailOf: (userId: number) => string;
}

/** One user as the cells of Muster's columns: the same shape the upload reads back. */
export function exportCells(u: User, names: ExportNames): string[] {
  return COLUMNS.map((c) => {
    switch (c.field) {
      case 'company':
        return u.company ? names.company(u.company) : '';
      case 'organization':
        return u.organization ? names.organization(u.organization) : '';
      case 'accountExecutive':
        return u.accountExecutive ? names.emailOf(u.accountExecutive) : '';
      case 'roles':
        return u.roles.map(names.role).join('; ');
      case 'accessExpiresAt':
        return u.accessExpiresAt ?? 'never';
      case 'lastSignInAt':
        return u.lastSignInAt ? u.lastSignInAt.slice(0, 10) : '';
      default:
        return String(u[c.field as keyof User] ?? '');
    }
  });
}

export function exportUsers(users: User[], names: ExportNames): string {
  return csvDocument(
    COLUMNS.map((c) => c.header),
    users.map((u) => exportCells(u, names))
  );
}

/** The template: the header plus two example rows. */
export function templateCsv(example: { company: string; organization: string }): string {
  const header = COLUMNS.filter((c) => c.writable).map((c) => c.header);
  return csvDocument(header, [
    ['ada.lovelace@example.com', 'Ada', 'Lovelace', 'Analyst', 'Research', example.company, example.organization, '', 'Europe/London', 'regular', 'Learner', 'never'],
    ['alan.turing@example.com', 'Alan', 'Turing', 'Engineer', 'Engineering', '', '', '', 'America/New_York', 'directory', 'Learner; Instructor', '2027-06-30']
  ]);
}
