import { EngineContext, type EngineOptions } from './handlers/context';
import { bulkHandlers } from './handlers/bulk';
import { directoryHandlers } from './handlers/directory';
import { peopleHandlers } from './handlers/people';
import { reportHandlers } from './handlers/reports';
import { simulationHandlers } from './handlers/simulation';
import { uploadHandlers } from './handlers/upload';
import { workspaceHandlers } from './handlers/workspace';

export type { EngineOptions, ApplyResult } from './handlers/context';
export type { Meta } from './handlers/directory';
export type { UserPage, EditResult, AddResult } from './handlers/people';
export type { HistoryEntry, HistoryPage } from './history';
export type { Failure, FailureKind } from './failure';
export type { Selection } from './selection';
export type { QueryResult, UserRow } from './query';
export type { PreviewResult, PreviewOk, SkipSummary } from './bulk';
export type { ProgressEvent } from './jobs';
export type { MenuItem } from './menu';
export type { UploadPreview, UploadSummary, UploadGroup, GroupRow } from './upload';
export type { UploadOptions } from './upload-apply';
export type { UploadCheck } from './handlers/upload';
export type { AuditQuery, AuditPage, RowsQuery, RowsPage } from './reports';
export type { ChangeSummary } from './change-table';
export type { RevertPreview } from './revert';
export type { SignInAnswer, StepAnswer, SessionView } from './signin';
export type { LinkInfo } from './links';
export type { ClockAnswer, ClockPreview } from './clock';
export type { ImportResult } from './backup';
export type { EngineEvent } from './tabs';

/**
 * The engine: the one place that reads and writes Muster's data (DESIGN.md). A plain object of
 * async functions, composed of one handler module per area over one context, exposed with Comlink
 * in the browser and called directly in Node tests. The acting administrator is the engine's
 * session state (setActor); no method takes an actor.
 */
export function createEngine(options: EngineOptions = {}) {
  const ctx = new EngineContext(options);
  return {
    ...directoryHandlers(ctx),
    ...peopleHandlers(ctx),
    ...bulkHandlers(ctx),
    ...uploadHandlers(ctx),
    ...reportHandlers(ctx),
    ...simulationHandlers(ctx),
    ...workspaceHandlers(ctx)
  };
}

export type Engine = ReturnType<typeof createEngine>;
