/**
 * A lab case's life, as pure rules shared by the core (which enforces them)
 * and the screens (which offer only what the core will accept): its stage,
 * its column on the board, when it is late, and the notices it deserves.
 */
import type { LabBoardColumn, LabCaseStage, ReminderKind } from '../types';
import type { ProcedureStatus } from './status';
import { AREA_NAMES, type Area, type Surface } from './teeth';
import { isWorkingDay } from './working-days';

export interface LabCaseDates {
  sentDate: string | null;
  receivedDate: string | null;
  checkedDate: string | null;
  cancelledDate: string | null;
}

export function stageOf(c: LabCaseDates): LabCaseStage {
  if (c.cancelledDate) return 'CANCELLED';
  if (c.checkedDate) return 'CHECKED';
  if (c.receivedDate) return 'RECEIVED';
  if (c.sentDate) return 'AT_LAB';
  return 'NOT_SENT';
}

export const STAGE_LABELS: Record<LabCaseStage, string> = {
  NOT_SENT: 'Not sent',
  AT_LAB: 'At the lab',
  RECEIVED: 'Back, awaiting check',
  CHECKED: 'Checked, ready to seat',
  CANCELLED: 'Cancelled',
};

export type LabStep = 'send' | 'receive' | 'check' | 'cancel';

/** The stage each step starts from: anything else is an illegal step. */
const STEP_FROM: Record<LabStep, readonly LabCaseStage[]> = {
  send: ['NOT_SENT'],
  receive: ['AT_LAB'],
  check: ['RECEIVED'],
  // A case at the lab comes back (or its procedure is cancelled); work back from the lab is history.
  cancel: ['NOT_SENT'],
};

export function canStep(stage: LabCaseStage, step: LabStep): boolean {
  return STEP_FROM[step].includes(stage);
}

/** Why a step cannot be taken from a stage, in the words the front desk reads. */
export function stepRefusal(step: LabStep, c: LabCaseDates): string | null {
  const stage = stageOf(c);
  if (canStep(stage, step)) return null;
  if (stage === 'CANCELLED') return `This case was cancelled on ${c.cancelledDate}: open a new case for the procedure instead.`;
  switch (step) {
    case 'send':
      return `This case was already sent on ${c.sentDate}.`;
    case 'receive':
      return stage === 'NOT_SENT' ? 'This case has not been sent yet: mark it sent first.' : `This case was already received on ${c.receivedDate}.`;
    case 'check':
      return stage === 'CHECKED' ? `This case was already checked on ${c.checkedDate}.` : 'Only a case back from the lab can be checked: mark it received first.';
    case 'cancel':
      return stage === 'AT_LAB'
        ? 'This case is at the lab: mark it received when it comes back, or cancel the procedure to cancel the case.'
        : 'Work back from the lab is history and cannot be cancelled.';
  }
}

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** Calendar days a case at the lab is past its due date (0 when it is not late). */
export function daysOverdue(c: LabCaseDates & { dueDate: string | null }, today: string): number {
  if (stageOf(c) !== 'AT_LAB' || !c.dueDate || c.dueDate >= today) return 0;
  return daysBetween(c.dueDate, today);
}

/**
 * The board's column for a case, or null once it is off the board (cancelled,
 * or its procedure completed or cancelled).
 */
export function boardColumn(c: LabCaseDates & { dueDate: string | null }, procedureStatus: ProcedureStatus, today: string): LabBoardColumn | null {
  if (procedureStatus === 'COMPLETED' || procedureStatus === 'CANCELLED') return null;
  switch (stageOf(c)) {
    case 'NOT_SENT':
      return 'notSent';
    case 'AT_LAB':
      if (c.dueDate && c.dueDate < today) return 'overdue';
      return c.dueDate === today ? 'dueToday' : 'atLab';
    case 'RECEIVED':
      return 'awaitingCheck';
    case 'CHECKED':
      return 'readyToSeat';
    case 'CANCELLED':
      return null;
  }
}

export const BOARD_COLUMNS: readonly LabBoardColumn[] = ['notSent', 'atLab', 'dueToday', 'overdue', 'awaitingCheck', 'readyToSeat'];

export const BOARD_COLUMN_LABELS: Record<LabBoardColumn, string> = {
  notSent: 'Not sent',
  atLab: 'At the lab',
  dueToday: 'Due today',
  overdue: 'Overdue',
  awaitingCheck: 'Back, awaiting check',
  readyToSeat: 'Ready to seat',
};

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The next day the practice is open after `today` (a Friday's "tomorrow" is Monday). */
export function nextWorkingDay(today: string, closed: ReadonlySet<string>): string {
  let day = nextDay(today);
  for (let guard = 0; guard < 366 && !isWorkingDay(day, closed); guard++) day = nextDay(day);
  return day;
}

/**
 * The notice a case deserves today, if any: late at the lab, due back by the
 * next working day, or back from the lab with no appointment booked to seat it
 * (only for a practice that books appointments in Chairside).
 */
export function reminderFor(
  c: LabCaseDates & { dueDate: string | null },
  procedureStatus: ProcedureStatus,
  today: string,
  context: { closed: ReadonlySet<string>; usesAppointments: boolean; hasUpcomingAppointment: boolean },
): ReminderKind | null {
  const column = boardColumn(c, procedureStatus, today);
  if (column === 'overdue') return 'OVERDUE';
  if ((column === 'atLab' || column === 'dueToday') && c.dueDate && c.dueDate > today && c.dueDate <= nextWorkingDay(today, context.closed)) {
    return 'DUE_TOMORROW';
  }
  if ((column === 'awaitingCheck' || column === 'readyToSeat') && context.usesAppointments && !context.hasUpcomingAppointment) return 'NO_APPOINTMENT';
  return null;
}

/** "Crown, 3 MOD", "Night guard, upper arch": the work, as a slip or a notice names it. */
export function describeWork(p: { name: string; toothNumber: string | null; surfaces: readonly Surface[]; area: Area | null }): string {
  if (p.toothNumber) return `${p.name} on ${p.toothNumber}${p.surfaces.length ? ` ${p.surfaces.join('')}` : ''}`;
  if (p.area) return `${p.name}, ${AREA_NAMES[p.area].toLowerCase()}`;
  return p.name;
}

/** A notice in words; `formatDay` writes a date as the practice does (ISO when not given). */
export function reminderMessage(
  kind: ReminderKind,
  c: { dueDate: string | null; labName: string; procedure: Parameters<typeof describeWork>[0] },
  patientName: string,
  today: string,
  formatDay: (iso: string) => string = (iso) => iso,
): string {
  const work = `${describeWork(c.procedure)} for ${patientName}`;
  switch (kind) {
    case 'OVERDUE': {
      const days = c.dueDate ? daysBetween(c.dueDate, today) : 0;
      return `${work} is ${days} ${days === 1 ? 'day' : 'days'} overdue at ${c.labName}.`;
    }
    case 'DUE_TOMORROW':
      return `${work} is due back from ${c.labName} on ${c.dueDate ? formatDay(c.dueDate) : 'its due date'}.`;
    case 'NO_APPOINTMENT':
      return `${work} is back from ${c.labName}, but no appointment is booked to seat it.`;
  }
}
