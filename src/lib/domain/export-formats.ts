/**
 * The files a set of users can be downloaded as (SPEC §5.8): Muster's own CSV, each directory's
 * upload file, and SCIM. Zod-free, so the page lists them as the engine writes them.
 */
export const USER_EXPORT_FORMATS = ['muster', 'google', 'entra', 'okta', 'scim'] as const;
export type UserExportFormat = (typeof USER_EXPORT_FORMATS)[number];

export const USER_EXPORT_LABELS: Record<UserExportFormat, { label: string; file: string; mime: string }> = {
  muster: { label: 'Muster CSV', file: 'muster-users.csv', mime: 'text/csv' },
  google: { label: 'Google Workspace bulk update file', file: 'google-workspace-users.csv', mime: 'text/csv' },
  entra: { label: 'Entra ID bulk create file', file: 'entra-id-bulk-create.csv', mime: 'text/csv' },
  okta: { label: 'Okta user import file', file: 'okta-users.csv', mime: 'text/csv' },
  scim: { label: 'SCIM 2.0 ListResponse (JSON)', file: 'scim-users.json', mime: 'application/scim+json' }
};

/** A change report's files: its rows as CSV, the whole report as JSON, or a SCIM BulkRequest. */
export const REPORT_EXPORT_FORMATS = ['csv', 'json', 'scim'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

export const REPORT_EXPORT_LABELS: Record<ReportExportFormat, { label: string; mime: string }> = {
  csv: { label: 'Changes (CSV)', mime: 'text/csv' },
  json: { label: 'Report (JSON)', mime: 'application/json' },
  scim: { label: 'SCIM 2.0 BulkRequest (JSON)', mime: 'application/scim+json' }
};

/** A file the engine wrote, as the Blob the browser saves (made in the worker; the page gets a handle). */
export interface ExportFile {
  filename: string;
  mime: string;
  blob: Blob;
}
