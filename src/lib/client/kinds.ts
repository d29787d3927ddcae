import type { OperationKind } from '../domain/operations';

export const KIND_LABELS: Record<OperationKind, string> = {
  bulk_action: 'Bulk action',
  upload: 'CSV upload',
  self_service: 'Self-service update',
  clock: 'Clock',
  revert: 'Revert',
  sign_in: 'Sign-in',
  session: 'Session',
  edit: 'Edit'
};
