/**
 * The one place status colours live (UI.md): chart, tables, badges and legend
 * all read from here, so the dental colour convention cannot drift.
 */
import type { ProcedureStatus, VisitStatus } from '../../shared/domain/status';
import { STATUS_LABELS } from '../../shared/domain/status';

export type AnyStatus = ProcedureStatus | VisitStatus;

export const STATUS_COLORS: Record<ProcedureStatus, string> = {
  PLANNED: 'red',
  IN_PROGRESS: 'orange',
  SENT_TO_LAB: 'grape',
  RECEIVED: 'teal',
  COMPLETED: 'blue',
  CANCELLED: 'gray',
};

/** The verb on the button that moves a procedure into a status. */
export const TRANSITION_LABELS: Record<ProcedureStatus, string> = {
  PLANNED: 'Plan',
  IN_PROGRESS: 'Start',
  SENT_TO_LAB: 'Send to lab',
  RECEIVED: 'Mark received',
  COMPLETED: 'Complete',
  CANCELLED: 'Cancel',
};

export function statusLabel(status: AnyStatus): string {
  return STATUS_LABELS[status];
}
