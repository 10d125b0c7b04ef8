/**
 * The one place status colours live (UI.md): chart, tables, badges and legend
 * all read from here, so the dental colour convention cannot drift.
 */
import { IconCircleCheck, IconCircleDashed, IconCircleHalf2, IconCircleX, IconPackageImport, IconTruckDelivery, type Icon } from '@tabler/icons-react';
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

/**
 * Beside the word, so a status never rests on colour alone and reads at a
 * glance: planned work is an empty circle (nothing done yet, and unlike the
 * warning triangle of an error), work under way half full, done work ticked.
 */
export const STATUS_ICONS: Record<ProcedureStatus, Icon> = {
  PLANNED: IconCircleDashed,
  IN_PROGRESS: IconCircleHalf2,
  SENT_TO_LAB: IconTruckDelivery,
  RECEIVED: IconPackageImport,
  COMPLETED: IconCircleCheck,
  CANCELLED: IconCircleX,
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
