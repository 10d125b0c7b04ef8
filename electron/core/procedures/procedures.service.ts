import { canTransition, type ProcedureStatus, STATUS_LABELS } from '../../../shared/domain/status';
import { siteMismatch } from '../../../shared/domain/fee-schedule';
import { type Area, checkSite, surfacesToText } from '../../../shared/domain/teeth';
import type { HistoryEntry, Procedure } from '../../../shared/types';
import { listEntityHistory } from '../audit/audit.repository';
import { type Change, write } from '../change';
import type { AuthedContext } from '../context';
import { AppError, conflict, illegal, invalid, notFound } from '../errors';
import { findEntryByCode } from '../fee-schedule/fee-schedule.repository';
import { findLiveCase, updateLabCase } from '../lab-cases/lab-cases.repository';
import { findUser } from '../users/users.repository';
import { findVisit } from '../visits/visits.repository';
import {
  deleteProcedure,
  findProcedure,
  findProcedureDependents,
  insertProcedure,
  type ProcedureRecord,
  toProcedure,
  updateProcedure,
} from './procedures.repository';

export interface ProcedureFields {
  code: string;
  name: string;
  toothNumber: string | null;
  surfaces: string[];
  area: string | null;
  quantity: number;
  unitFee: number;
  durationMinutes: number | null;
  performedById: string | null;
  notes: string | null;
}

const label = (status: string) => STATUS_LABELS[status as ProcedureStatus].toLowerCase();

/** Re-checks the site in the core (the contract already did) and returns stored columns. */
async function toColumns(c: Change, f: ProcedureFields) {
  const site = checkSite(f);
  if (site.issues.length > 0) {
    throw new AppError('VALIDATION', site.issues[0]!.message, site.issues);
  }
  if (f.performedById && !(await findUser(c.trx, c.tenantId, f.performedById))) throw notFound('Who performed it', 'performedById');
  return {
    code: f.code,
    name: f.name,
    tooth_number: f.toothNumber,
    surfaces: site.surfaces.length ? surfacesToText(site.surfaces) : null,
    area: f.area,
    quantity: f.quantity,
    unit_fee: f.unitFee,
    duration_minutes: f.durationMinutes,
    performed_by: f.performedById,
    notes: f.notes,
  };
}

/**
 * A code from the practice's fee schedule must be charted where it belongs (a
 * crown on a tooth, a deep cleaning on a quadrant), and a retired code is not
 * used for new work; a correction may still name the code it corrects.
 * Codes outside the schedule (work from a previous system) are taken as given.
 */
async function checkScheduledCode(c: Change, f: ProcedureFields, options: { allowRetired: boolean }): Promise<void> {
  const entry = await findEntryByCode(c.trx, c.tenantId, f.code);
  if (!entry) return;
  if (entry.retiredAt && !options.allowRetired) {
    throw invalid('code', `${entry.code} (${entry.shortName}) was retired from the fee schedule: pick a current code.`);
  }
  const site = checkSite(f);
  const mismatch = siteMismatch(entry, { teeth: f.toothNumber ? [f.toothNumber] : [], surfaces: site.surfaces, area: f.area as Area | null });
  if (mismatch) throw invalid(entry.siteKind === 'quadrant' || entry.siteKind === 'arch' ? 'area' : 'toothNumber', mismatch);
}

/** Loads a procedure for a change to it: it must exist in this practice and its patient's chart must be open. */
async function open(c: Change, id: string): Promise<ProcedureRecord> {
  const row = await findProcedure(c.trx, c.tenantId, id);
  if (!row) throw notFound('Procedure');
  await c.openChart(row.patient_id);
  return row;
}

async function reread(c: Change, id: string): Promise<Procedure> {
  return toProcedure((await findProcedure(c.trx, c.tenantId, id))!);
}

/** Work that has left the practice (on a submitted claim) is corrected, never edited; its lab case with it. */
export function assertUnlocked(row: { locked_by_claim: string | null }): void {
  if (row.locked_by_claim) {
    throw new AppError('LOCKED', `This procedure is on submitted claim ${row.locked_by_claim} and cannot be changed. Add a correction instead.`);
  }
}

/**
 * A procedure is not finished while its lab work is out: completing waits for
 * the case to come back, and cancelling the procedure cancels a case not yet
 * back (work back from the lab stays on record as it is).
 */
async function settleLabCase(c: Change, row: ProcedureRecord, to: 'COMPLETED' | 'CANCELLED'): Promise<void> {
  const live = await findLiveCase(c.trx, c.tenantId, row.id);
  if (!live || live.received_date) return;
  if (to === 'COMPLETED') {
    throw illegal(
      live.sent_date
        ? `The lab work is still at the lab (sent on ${live.sent_date}): mark the lab case received before completing.`
        : 'This procedure has a lab case not yet sent: send it, or cancel the case if the lab is not needed, before completing.',
    );
  }
  await updateLabCase(
    c.trx,
    { tenantId: c.tenantId, id: live.id, version: live.version },
    { cancelled_date: c.now.slice(0, 10), cancel_reason: 'The procedure was cancelled.' },
    c.now,
  );
}

/**
 * One step of the status machine, inside the caller's change, so a lab case
 * or a claim can move its procedure in the same transaction as its own write.
 * Records no audit event of its own: the caller's event describes the step.
 */
export async function applyStatus(c: Change, row: ProcedureRecord, to: ProcedureStatus, version = row.version): Promise<Procedure> {
  assertUnlocked(row);
  const from = row.status as ProcedureStatus;
  if (to === 'COMPLETED' || to === 'CANCELLED') await settleLabCase(c, row, to);
  if (!canTransition(from, to)) throw illegal(`A procedure that is ${label(from)} cannot become ${label(to)}.`);
  await updateProcedure(
    c.trx,
    { tenantId: c.tenantId, id: row.id, version },
    {
      status: to,
      ...(to === 'IN_PROGRESS' ? { started_at: c.now } : {}),
      ...(to === 'COMPLETED' ? { completed_at: c.now } : {}),
    },
    c.now,
  );
  return reread(c, row.id);
}

/**
 * A correction adjusts finished work without rewriting it: it must name a
 * procedure of the same patient that is completed or on a submitted claim.
 * Anything still open is simply edited.
 */
async function checkCorrects(c: Change, patientId: string, correctsId: string) {
  const original = await findProcedure(c.trx, c.tenantId, correctsId);
  if (!original) throw notFound('The procedure being corrected', 'correctsProcedureId');
  if (original.patient_id !== patientId) throw invalid('correctsProcedureId', 'A correction must be for the same patient.');
  if (original.status !== 'COMPLETED' && !original.locked_by_claim) {
    throw invalid(
      'correctsProcedureId',
      `${original.code} is ${label(original.status)}, not completed or claimed: edit it instead of adding a correction.`,
    );
  }
}

export function add(ctx: AuthedContext, input: ProcedureFields & { visitId: string; correctsProcedureId: string | null }): Promise<Procedure> {
  return write(ctx, async (c) => {
    const visit = await findVisit(c.trx, c.tenantId, input.visitId);
    if (!visit) throw notFound('Visit', 'visitId');
    await c.openChart(visit.patient_id);
    if (input.correctsProcedureId) await checkCorrects(c, visit.patient_id, input.correctsProcedureId);
    await checkScheduledCode(c, input, { allowRetired: input.correctsProcedureId !== null });
    const id = c.newId();
    await insertProcedure(c.trx, {
      id,
      tenant_id: c.tenantId,
      visit_id: input.visitId,
      corrects_procedure_id: input.correctsProcedureId,
      ...(await toColumns(c, input)),
      ...c.stamps(),
    });
    const after = await reread(c, id);
    return { result: after, audit: { entity: 'procedure', entityId: id, patientId: visit.patient_id, action: 'create', after } };
  });
}

function changesClinicalFacts(row: ProcedureRecord, next: Awaited<ReturnType<typeof toColumns>>): boolean {
  const { notes: _notes, ...clinical } = next;
  return (Object.keys(clinical) as (keyof typeof clinical)[]).some((k) => row[k] !== clinical[k]);
}

export function update(ctx: AuthedContext, input: ProcedureFields & { id: string; version: number }): Promise<Procedure> {
  return write(ctx, async (c) => {
    const before = await open(c, input.id);
    assertUnlocked(before);
    const next = await toColumns(c, input);
    const siteChanged = next.code !== before.code || next.tooth_number !== before.tooth_number || next.surfaces !== before.surfaces || next.area !== before.area;
    if (siteChanged) await checkScheduledCode(c, input, { allowRetired: next.code === before.code });
    if ((before.status === 'COMPLETED' || before.status === 'CANCELLED') && changesClinicalFacts(before, next)) {
      // Finished work is history: only its notes may change.
      throw illegal(`This procedure is ${label(before.status)}: only its notes can change. Add a correction instead.`);
    }
    await updateProcedure(c.trx, { tenantId: c.tenantId, id: input.id, version: input.version }, next, c.now);
    const after = await reread(c, input.id);
    return {
      result: after,
      audit: { entity: 'procedure', entityId: input.id, patientId: before.patient_id, action: 'update', before: toProcedure(before), after },
    };
  });
}

export function setStatus(ctx: AuthedContext, input: { id: string; version: number; status: ProcedureStatus }): Promise<Procedure> {
  return write(ctx, async (c) => {
    const before = await open(c, input.id);
    assertUnlocked(before);
    if (before.version !== input.version) throw conflict('procedure');
    if (input.status === 'SENT_TO_LAB' || input.status === 'RECEIVED') {
      throw illegal(
        input.status === 'SENT_TO_LAB'
          ? 'Work goes to the lab through its lab case: open the lab case and mark it sent.'
          : 'Work comes back from the lab through its lab case: mark the lab case received.',
      );
    }
    const live = input.status === 'CANCELLED' ? await findLiveCase(c.trx, c.tenantId, input.id) : undefined;
    const after = await applyStatus(c, before, input.status, input.version);
    return {
      result: after,
      audit: {
        entity: 'procedure',
        entityId: input.id,
        patientId: before.patient_id,
        action: 'status',
        before: { status: before.status },
        after: { status: input.status, ...(live && !live.received_date ? { labCaseCancelled: live.id } : {}) },
      },
    };
  });
}

/** The procedure's own events and its lab cases' (sent, received, checked), in the order they happened. */
export async function history(ctx: AuthedContext, id: string): Promise<HistoryEntry[]> {
  const { db } = ctx.core;
  const tenantId = ctx.session.tenantId;
  if (!(await findProcedure(db, tenantId, id))) throw notFound('Procedure');
  const cases = await db.selectFrom('lab_cases').select('id').where('tenant_id', '=', tenantId).where('procedure_id', '=', id).execute();
  const all = await Promise.all([id, ...cases.map((lc) => lc.id)].map((entityId) => listEntityHistory(db, tenantId, entityId)));
  return all.flat().sort((a, b) => a.seq - b.seq);
}

/** Only a planned procedure can be removed; anything further along is cancelled instead. */
export function remove(ctx: AuthedContext, input: { id: string; version: number }): Promise<{ id: string }> {
  return write(ctx, async (c) => {
    const before = await open(c, input.id);
    assertUnlocked(before);
    if (before.version !== input.version) throw conflict('procedure');
    if (before.status !== 'PLANNED') throw illegal('Only a planned procedure can be removed. Cancel it instead, so its history stays.');
    const dependents = await findProcedureDependents(c.trx, c.tenantId, input.id);
    const blocker = dependents.claimNumber
      ? `it is on claim ${dependents.claimNumber}: take it off the claim first`
      : dependents.labCase
        ? 'it has a lab case: cancel it instead'
        : dependents.treatmentRecord
          ? 'products used on the patient are recorded against it: cancel it instead'
          : dependents.correction
            ? 'another procedure corrects it'
            : null;
    if (blocker) throw illegal(`This procedure cannot be removed: ${blocker}.`);
    await deleteProcedure(c.trx, { tenantId: c.tenantId, id: input.id, version: input.version });
    return {
      result: { id: input.id },
      audit: { entity: 'procedure', entityId: input.id, patientId: before.patient_id, action: 'delete', before: toProcedure(before) },
    };
  });
}
