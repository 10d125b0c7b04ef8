/**
 * The chart as it stood on a day, and the one set of chart categories that
 * colours teeth, table rows and the legend alike (UI.md).
 *
 * As of a day D: work charted after D is not there; work completed on or
 * before D is completed; work completed later shows as it stood on D
 * (in progress if started by then, else planned); findings recorded after D
 * are not there, and a finding resolved after D is still open.
 */
import type { FindingCategory } from './findings';
import type { ProcedureStatus } from './status';

export type ChartCategory = ProcedureStatus | 'EXISTING' | 'CONDITION' | 'MISSING';

export const CHART_LEGEND: readonly ChartCategory[] = [
  'PLANNED',
  'IN_PROGRESS',
  'SENT_TO_LAB',
  'RECEIVED',
  'COMPLETED',
  'EXISTING',
  'CONDITION',
  'MISSING',
  'CANCELLED',
];

export const CHART_CATEGORY_LABELS: Record<ChartCategory, string> = {
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  SENT_TO_LAB: 'At the lab',
  RECEIVED: 'Received',
  COMPLETED: 'Completed',
  EXISTING: 'Existing',
  CONDITION: 'Condition',
  MISSING: 'Missing',
  CANCELLED: 'Cancelled',
};

export function findingCategory(category: FindingCategory): ChartCategory {
  return category === 'existing' ? 'EXISTING' : category === 'condition' ? 'CONDITION' : 'MISSING';
}

/** The UTC day of an instant, the core's day (the same one "today" and "not in the future" use). */
export function dayOf(instant: string): string {
  return instant.slice(0, 10);
}

export interface StatusFacts {
  status: ProcedureStatus;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  completedAt: string | null;
}

/** A procedure's status on day D, or null when it had not been charted yet. */
export function statusAsOf(p: StatusFacts, asOf: string | null): ProcedureStatus | null {
  if (asOf === null) return p.status;
  if (dayOf(p.createdAt) > asOf) return null;
  if (p.completedAt && dayOf(p.completedAt) <= asOf) return 'COMPLETED';
  // The status was reached no later than the row's last change: trust it when that was by D.
  if (p.status !== 'COMPLETED' && dayOf(p.updatedAt) <= asOf) return p.status;
  if (p.startedAt && dayOf(p.startedAt) <= asOf) return 'IN_PROGRESS';
  return 'PLANNED';
}

export interface FindingFacts {
  recordedOn: string;
  resolvedOn: string | null;
}

/** A finding on day D: absent (null), open, or resolved. */
export function findingAsOf<F extends FindingFacts>(f: F, asOf: string | null): F | null {
  if (asOf === null) return f;
  if (f.recordedOn > asOf) return null;
  if (f.resolvedOn && f.resolvedOn > asOf) return { ...f, resolvedOn: null };
  return f;
}

/**
 * Which of several marks on one surface or tooth is drawn on top: the work
 * that needs doing first, then work done, then what was already there.
 */
export const CHART_PRIORITY: Record<ChartCategory, number> = {
  PLANNED: 8,
  IN_PROGRESS: 9,
  SENT_TO_LAB: 7,
  RECEIVED: 6,
  CONDITION: 5,
  COMPLETED: 4,
  EXISTING: 3,
  MISSING: 2,
  CANCELLED: 1,
};
