/**
 * The one place status colours live (UI.md): chart, tables, badges and legend
 * all read from here, so the dental colour convention cannot drift.
 */
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleHalf2,
  IconCircleX,
  IconPackageImport,
  IconSquareCheck,
  IconTruckDelivery,
  IconX,
  type Icon,
} from '@tabler/icons-react';
import type { ChartCategory } from '../../shared/domain/chart';
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

/** The chart's colours: the statuses above, plus what was already in the mouth (UI.md). */
export const CHART_COLORS: Record<ChartCategory, string> = {
  ...STATUS_COLORS,
  EXISTING: 'green',
  CONDITION: 'brown',
  MISSING: 'dark',
};

export const CHART_ICONS: Record<ChartCategory, Icon> = {
  ...STATUS_ICONS,
  EXISTING: IconSquareCheck,
  CONDITION: IconAlertTriangle,
  MISSING: IconX,
};

/** A Mantine colour as a CSS value, for SVG fills and strokes. */
export const cssColor = (color: string, shade = 6) => `var(--mantine-color-${color}-${shade})`;

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
