/**
 * Procedure status machine. The lab steps are optional: work that never goes
 * to a lab (a filling, an exam) moves IN_PROGRESS -> COMPLETED directly.
 */
export const PROCEDURE_STATUSES = [
  'PLANNED',
  'IN_PROGRESS',
  'SENT_TO_LAB',
  'RECEIVED',
  'COMPLETED',
  'CANCELLED',
] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

const NEXT: Record<ProcedureStatus, readonly ProcedureStatus[]> = {
  PLANNED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['SENT_TO_LAB', 'COMPLETED', 'CANCELLED'],
  SENT_TO_LAB: ['RECEIVED', 'CANCELLED'],
  RECEIVED: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export function allowedNextStatuses(from: ProcedureStatus): readonly ProcedureStatus[] {
  return NEXT[from];
}

export function canTransition(from: ProcedureStatus, to: ProcedureStatus): boolean {
  return NEXT[from].includes(to);
}

/** The shortest chain of steps from PLANNED to a status (empty for PLANNED itself). */
export function stepsFromPlanned(target: ProcedureStatus): ProcedureStatus[] {
  const paths = new Map<ProcedureStatus, ProcedureStatus[]>([['PLANNED', []]]);
  const queue: ProcedureStatus[] = ['PLANNED'];
  for (let s = queue.shift(); s; s = queue.shift()) {
    for (const next of NEXT[s]) {
      if (paths.has(next)) continue;
      paths.set(next, [...paths.get(s)!, next]);
      queue.push(next);
    }
  }
  return paths.get(target)!;
}

export const STATUS_LABELS: Record<ProcedureStatus, string> = {
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  SENT_TO_LAB: 'Sent to lab',
  RECEIVED: 'Back from lab',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

/** A visit's status is never stored: it follows from its procedures. */
export const VISIT_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/**
 * - no procedures, or all active ones PLANNED: PLANNED
 * - every procedure cancelled: CANCELLED
 * - every non-cancelled procedure COMPLETED: COMPLETED
 * - anything else: IN_PROGRESS
 * The SQL in visits.repository.ts mirrors this; a test keeps them in step.
 */
export function deriveVisitStatus(statuses: readonly ProcedureStatus[]): VisitStatus {
  if (statuses.length === 0) return 'PLANNED';
  const active = statuses.filter((s) => s !== 'CANCELLED');
  if (active.length === 0) return 'CANCELLED';
  if (active.every((s) => s === 'COMPLETED')) return 'COMPLETED';
  if (active.every((s) => s === 'PLANNED')) return 'PLANNED';
  return 'IN_PROGRESS';
}
