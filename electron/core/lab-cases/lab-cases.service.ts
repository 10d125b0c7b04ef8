/**
 * Lab cases: the work a lab makes for one procedure, and the steps that move
 * the procedure with it. Sending makes the procedure SENT_TO_LAB and receiving
 * makes it RECEIVED, in the same transaction as the case's own write; nothing
 * else can (procedures.setStatus refuses those two states).
 */
import { type LabStep, stepRefusal } from '../../../shared/domain/lab-cases';
import { STATUS_LABELS } from '../../../shared/domain/status';
import { addWorkingDays } from '../../../shared/domain/working-days';
import type { LabCase } from '../../../shared/types';
import { type Change, write } from '../change';
import type { AuthedContext } from '../context';
import { conflict, illegal, invalid, notFound } from '../errors';
import { findLab } from '../labs/labs.repository';
import { findProcedure } from '../procedures/procedures.repository';
import { applyStatus, assertUnlocked } from '../procedures/procedures.service';
import { closedDaysAfter } from '../tenants/closed-days.repository';
import {
  findLabCase,
  findLiveCase,
  findProcedureLabCase,
  insertLabCase,
  type LabCaseRecord,
  toLabCase,
  updateLabCase,
} from './lab-cases.repository';

export interface LabCaseDetails {
  labId: string;
  shade: string | null;
  instructions: string | null;
  notes: string | null;
  trackingNo: string | null;
  labFee: number | null;
  dueDate: string | null;
}

const today = (c: Change) => c.now.slice(0, 10);

/** A lab the case can go to: in this practice and, for a new choice, not hidden from the directory. */
async function usableLab(c: Change, labId: string) {
  const lab = await findLab(c.trx, c.tenantId, labId);
  if (!lab) throw notFound('Lab', 'labId');
  if (lab.archived_at) throw invalid('labId', `${lab.name} is hidden in the lab directory: pick another lab, or show it again there first.`);
  return lab;
}

/** A step's day: today unless given, never in the future, never before the step it follows. */
function stepDay(c: Change, path: string, given: string | undefined, notBefore: { day: string; what: string }): string {
  const day = given ?? today(c);
  if (day > today(c)) throw invalid(path, 'That day is in the future: record a step on the day it happened.');
  if (day < notBefore.day) throw invalid(path, `That day is before ${notBefore.what} (${notBefore.day}).`);
  return day;
}

/** Loads a case for a change: in this practice, its chart open, its procedure not locked, the version the caller read. */
async function openCase(c: Change, ref: { id: string; version: number }): Promise<LabCaseRecord> {
  const row = await findLabCase(c.trx, c.tenantId, ref.id);
  if (!row) throw notFound('Lab case');
  await c.openChart(row.patient_id);
  assertUnlocked(row);
  if (row.version !== ref.version) throw conflict('lab case');
  return row;
}

function refuseStep(row: LabCaseRecord, step: LabStep): void {
  const refusal = stepRefusal(step, { sentDate: row.sent_date, receivedDate: row.received_date, checkedDate: row.checked_date, cancelledDate: row.cancelled_date });
  if (refusal) throw illegal(refusal);
}

async function reread(c: Change, id: string): Promise<LabCase> {
  return toLabCase((await findLabCase(c.trx, c.tenantId, id))!);
}

/** Moves the case's procedure one or more steps, each through the status machine. */
async function moveProcedure(c: Change, procedureId: string, steps: readonly ('IN_PROGRESS' | 'SENT_TO_LAB' | 'RECEIVED')[]): Promise<void> {
  for (const to of steps) {
    const row = (await findProcedure(c.trx, c.tenantId, procedureId))!;
    await applyStatus(c, row, to);
  }
}

export async function get(ctx: AuthedContext, input: { id?: string | undefined; procedureId?: string | undefined }): Promise<{ labCase: LabCase | null }> {
  const { db } = ctx.core;
  const tenantId = ctx.session.tenantId;
  if (input.id) {
    const row = await findLabCase(db, tenantId, input.id);
    if (!row) throw notFound('Lab case');
    return { labCase: toLabCase(row) };
  }
  if (!(await findProcedure(db, tenantId, input.procedureId!))) throw notFound('Procedure', 'procedureId');
  const row = await findProcedureLabCase(db, tenantId, input.procedureId!);
  return { labCase: row ? toLabCase(row) : null };
}

export function open(ctx: AuthedContext, input: LabCaseDetails & { procedureId: string }): Promise<LabCase> {
  return write(ctx, async (c) => {
    const procedure = await findProcedure(c.trx, c.tenantId, input.procedureId);
    if (!procedure) throw notFound('Procedure', 'procedureId');
    await c.openChart(procedure.patient_id);
    assertUnlocked(procedure);
    if (procedure.status !== 'PLANNED' && procedure.status !== 'IN_PROGRESS') {
      throw illegal(`This procedure is ${STATUS_LABELS[procedure.status as keyof typeof STATUS_LABELS].toLowerCase()}: only planned or started work goes to a lab.`);
    }
    const live = await findLiveCase(c.trx, c.tenantId, input.procedureId);
    if (live) throw illegal('This procedure already has a lab case: open that one, or cancel it first.');
    await usableLab(c, input.labId);
    const visit = await c.trx.selectFrom('visits').select('date').where('id', '=', procedure.visit_id).executeTakeFirstOrThrow();
    if (input.dueDate && input.dueDate < visit.date) throw invalid('dueDate', `The due date is before the visit (${visit.date}).`);
    const id = c.newId();
    await insertLabCase(c.trx, {
      id,
      tenant_id: c.tenantId,
      procedure_id: input.procedureId,
      lab_id: input.labId,
      due_date: input.dueDate,
      tracking_no: input.trackingNo,
      shade: input.shade,
      instructions: input.instructions,
      notes: input.notes,
      lab_fee: input.labFee,
      ...c.stamps(),
    });
    const after = await reread(c, id);
    return { result: after, audit: { entity: 'labCase', entityId: id, patientId: procedure.patient_id, action: 'create', after: snapshot(after) } };
  });
}

/** What the audit trail keeps of a case: its own fields, not the patient and visit shown beside it. */
function snapshot(lc: LabCase) {
  return {
    procedureId: lc.procedure.id,
    labId: lc.labId,
    labName: lc.labName,
    stage: lc.stage,
    sentDate: lc.sentDate,
    dueDate: lc.dueDate,
    receivedDate: lc.receivedDate,
    checkedDate: lc.checkedDate,
    cancelledDate: lc.cancelledDate,
    cancelReason: lc.cancelReason,
    trackingNo: lc.trackingNo,
    shade: lc.shade,
    instructions: lc.instructions,
    notes: lc.notes,
    labFee: lc.labFee,
  };
}

/** Once the work is back it is history: its notes, tracking number and the lab's invoice may still change. */
const EDITABLE_WHEN_BACK = new Set(['notes', 'trackingNo', 'labFee']);

export function update(ctx: AuthedContext, input: LabCaseDetails & { id: string; version: number }): Promise<LabCase> {
  return write(ctx, async (c) => {
    const row = await openCase(c, input);
    const before = toLabCase(row);
    if (before.stage === 'CANCELLED') throw illegal(`This case was cancelled on ${before.cancelledDate}: it is history and cannot change.`);
    const changed = (Object.keys(input) as (keyof typeof input)[]).filter(
      (k) => k !== 'id' && k !== 'version' && input[k] !== (before as unknown as Record<string, unknown>)[k],
    );
    if ((before.stage === 'RECEIVED' || before.stage === 'CHECKED') && changed.some((k) => !EDITABLE_WHEN_BACK.has(k))) {
      throw illegal('This case is back from the lab: only its notes, tracking number and lab fee can change.');
    }
    if (input.labId !== row.lab_id) {
      if (before.stage !== 'NOT_SENT') throw invalid('labId', `The case is already at ${row.lab_name}: it cannot move to another lab.`);
      await usableLab(c, input.labId);
    }
    if (row.sent_date) {
      if (!input.dueDate) throw invalid('dueDate', 'A case at the lab needs a due date.');
      if (input.dueDate < row.sent_date) throw invalid('dueDate', `The due date is before the day it was sent (${row.sent_date}).`);
    } else if (input.dueDate && input.dueDate < row.visit_date) {
      throw invalid('dueDate', `The due date is before the visit (${row.visit_date}).`);
    }
    await updateLabCase(
      c.trx,
      { tenantId: c.tenantId, id: input.id, version: input.version },
      {
        lab_id: input.labId,
        shade: input.shade,
        instructions: input.instructions,
        notes: input.notes,
        tracking_no: input.trackingNo,
        lab_fee: input.labFee,
        due_date: input.dueDate,
      },
      c.now,
    );
    const after = await reread(c, input.id);
    return { result: after, audit: { entity: 'labCase', entityId: input.id, patientId: row.patient_id, action: 'update', before: snapshot(before), after: snapshot(after) } };
  });
}

/**
 * The due date of a case sent on `sent`: the one given, else the one already
 * on the case, else the lab's turnaround in working days.
 */
async function dueDateFor(c: Change, row: LabCaseRecord, sent: string, given: string | null): Promise<string> {
  const chosen = given ?? row.due_date;
  if (chosen) {
    if (chosen < sent) throw invalid('dueDate', `The due date is before the day it was sent (${sent}).`);
    return chosen;
  }
  const lab = (await findLab(c.trx, c.tenantId, row.lab_id))!;
  const due = addWorkingDays(sent, lab.turnaround_days, await closedDaysAfter(c.trx, c.tenantId, sent));
  if (!due) throw invalid('dueDate', 'The closed days leave no working day within a year: set the due date by hand.');
  return due;
}

export function send(
  ctx: AuthedContext,
  input: { id: string; version: number; sentDate?: string | undefined; dueDate: string | null; trackingNo: string | null },
): Promise<LabCase> {
  return write(ctx, async (c) => {
    const row = await openCase(c, input);
    refuseStep(row, 'send');
    const sent = stepDay(c, 'sentDate', input.sentDate, { day: row.visit_date, what: 'the visit' });
    const due = await dueDateFor(c, row, sent, input.dueDate);
    await updateLabCase(
      c.trx,
      { tenantId: c.tenantId, id: input.id, version: input.version },
      { sent_date: sent, due_date: due, tracking_no: input.trackingNo ?? row.tracking_no },
      c.now,
    );
    await moveProcedure(c, row.procedure_id, row.procedure_status === 'PLANNED' ? ['IN_PROGRESS', 'SENT_TO_LAB'] : ['SENT_TO_LAB']);
    return stepOutcome(c, row, 'send');
  });
}

export function receive(ctx: AuthedContext, input: { id: string; version: number; receivedDate?: string | undefined }): Promise<LabCase> {
  return write(ctx, async (c) => {
    const row = await openCase(c, input);
    refuseStep(row, 'receive');
    const received = stepDay(c, 'receivedDate', input.receivedDate, { day: row.sent_date!, what: 'the day it was sent' });
    await updateLabCase(c.trx, { tenantId: c.tenantId, id: input.id, version: input.version }, { received_date: received }, c.now);
    await moveProcedure(c, row.procedure_id, ['RECEIVED']);
    return stepOutcome(c, row, 'receive');
  });
}

export function check(ctx: AuthedContext, input: { id: string; version: number; checkedDate?: string | undefined }): Promise<LabCase> {
  return write(ctx, async (c) => {
    const row = await openCase(c, input);
    refuseStep(row, 'check');
    const checked = stepDay(c, 'checkedDate', input.checkedDate, { day: row.received_date!, what: 'the day it came back' });
    await updateLabCase(c.trx, { tenantId: c.tenantId, id: input.id, version: input.version }, { checked_date: checked }, c.now);
    return stepOutcome(c, row, 'check');
  });
}

export function cancel(ctx: AuthedContext, input: { id: string; version: number; reason: string }): Promise<LabCase> {
  return write(ctx, async (c) => {
    const row = await openCase(c, input);
    refuseStep(row, 'cancel');
    await updateLabCase(
      c.trx,
      { tenantId: c.tenantId, id: input.id, version: input.version },
      { cancelled_date: today(c), cancel_reason: input.reason },
      c.now,
    );
    return stepOutcome(c, row, 'cancel');
  });
}

async function stepOutcome(c: Change, row: LabCaseRecord, step: LabStep) {
  const before = toLabCase(row);
  const after = await reread(c, row.id);
  return {
    result: after,
    audit: {
      entity: 'labCase',
      entityId: row.id,
      patientId: row.patient_id,
      action: step,
      before: { stage: before.stage, procedureStatus: before.procedure.status },
      after: {
        stage: after.stage,
        procedureStatus: after.procedure.status,
        sentDate: after.sentDate,
        dueDate: after.dueDate,
        receivedDate: after.receivedDate,
        checkedDate: after.checkedDate,
        cancelledDate: after.cancelledDate,
        cancelReason: after.cancelReason,
        trackingNo: after.trackingNo,
      },
    },
  };
}
