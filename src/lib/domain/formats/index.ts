/**
 * Other directories' CSV files (SPEC §5.8, issue 17): Google Workspace, Entra ID and Okta.
 * Recognise a header row, read its state cells as bulk actions, and write users back out.
 */
export { recogniseHeader } from './recognise';
export { FORMAT_IDS, FORMAT_LABELS, STATE_COLUMNS } from './types';
export type { CellConversion, ColumnRead, FormatId, MusterHeader, Purpose, RecognisedHeader, StateColumn } from './types';
export { STATE_ACTIONS, STATE_RULES, alreadyInState, stateAction, stateCell } from './state';
export type { StateAction, StateOutcome } from './state';
export { musterCells, musterColumns, musterMapping, orgUnitName, rowStates } from './rows';
export type { RowState } from './rows';
export { detectFileDelimiter, isVersionLine, readHeaderText } from './header-text';
export type { HeaderText } from './header-text';
export type { FormatNames } from './names';
export { writeGoogleUsers } from './write-google';
export { writeEntraUsers } from './write-entra';
export { writeOktaUsers } from './write-okta';
export { GOOGLE_READ_ONLY_HEADERS, GOOGLE_UPLOAD_HEADERS } from './google';
export { ENTRA_CREATE_HEADERS, ENTRA_DELETE_HEADERS, ENTRA_DOWNLOAD_HEADERS, ENTRA_INVITE_HEADERS, ENTRA_VERSION_LINE } from './entra';
export { OKTA_HEADERS } from './okta';
