import { canTransition, type ProcedureStatus, STATUS_LABELS } from '../../../shared/domain/status';
import { checkSite, type Surface, surfacesToText } from '../../../shared/domain/teeth';
import type { Procedure } from '../../../shared/types';
import { recordAudit } from '../audit/audit.service';
import type { AuthedContext, Queryable } from '../context';
import { AppError, conflict, invalid, notFound } from '../errors';
import { requireActivePatient } from '../patients/patients.service';
import { findUser } from '../users/users.repository';
import { findVisit } from '../visits/visits.repository';
import { findProcedure, findProcedureDependents, type ProcedureRecord, toProcedure } from './procedures.repository';

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

/** Re-checks the site in the core (the contract already did) and returns stored columns. */
async function toColumns(db: Queryable, tenantId: string, f: ProcedureFields) {
  const site = checkSite(f);
  if (site.issues.length > 0) {
    throw new AppError('VALIDATION', site.issues[0]!.message, site.issues);
  }
  if (f.performedById && !(await findUser(db, tenantId, f.performedById))) {
    throw invalid('performedById', 'Choose who performed it from this practice.');
  }
  return {
    code: f.code,
    name: f.name,
    tooth_number: f.toothNumber,
    surfaces: site.surfaces.length ? surfacesToText(site.surfaces as Surface[]) : null,
    area: f.area,
    quantity: f.quantity,
    unit_fee: f.unitFee,
    duration_minutes: f.durationMinutes,
    performed_by: f.performedById,
    notes: f.notes,
  };
}

async function load(db: Queryable, ctx: AuthedContext, id: string): Promise<ProcedureRecord> {
  const row = await findProcedure(db, ctx.session.tenantId, id);
  if (!row) throw notFound('Procedure');
  return row;
}

function assertUnlocked(row: ProcedureRecord) {
  if (row.locked_by_claim) {
    throw new AppError(
      'LOCKED',
      `This procedure is on submitted claim ${row.locked_by_claim} and cannot be changed. Add a correction instead.`,
    );
  }
}

/** Guards an UPDATE ... WHERE version = ?: no row touched means someone else got there first. */
function assertOneRow(res: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) {
  if ((res.numUpdatedRows ?? res.numDeletedRows) === 0n) throw conflict('procedure');
}

export async function add(
  ctx: AuthedContext,
  input: ProcedureFields & { visitId: string; correctsProcedureId: string | null },
): Promise<Procedure> {
  const tenantId = ctx.session.tenantId;
  return ctx.core.db.transaction().execute(async (trx) => {
    const visit = await findVisit(trx, tenantId, input.visitId);
    if (!visit) throw notFound('Visit');
    await requireActivePatient(trx, tenantId, visit.patient_id, 'visitId');
    if (input.correctsProcedureId) {
      const original = await findProcedure(trx, tenantId, input.correctsProcedureId);
      if (!original) throw invalid('correctsProcedureId', 'The procedure being corrected was not found.');
      if (original.patient_id !== visit.patient_id) {
        throw invalid('correctsProcedureId', 'A correction must be for the same patient.');
      }
    }
    const id = ctx.core.newId();
    await trx
      .insertInto('procedures')
      .values({
        id,
        tenant_id: tenantId,
        visit_id: input.visitId,
        corrects_procedure_id: input.correctsProcedureId,
        ...(await toColumns(trx, tenantId, input)),
      })
      .execute();
    const after = toProcedure(await load(trx, ctx, id));
    await recordAudit(trx, ctx, tenantId, { entity: 'procedure', entityId: id, patientId: visit.patient_id, action: 'create', after });
    return after;
  });
}

export async function update(ctx: AuthedContext, input: ProcedureFields & { id: string; version: number }): Promise<Procedure> {
  const tenantId = ctx.session.tenantId;
  return ctx.core.db.transaction().execute(async (trx) => {
    const before = await load(trx, ctx, input.id);
    assertUnlocked(before);
    const next = await toColumns(trx, tenantId, input);
    if ((before.status === 'COMPLETED' || before.status === 'CANCELLED') && changesClinicalFacts(before, next)) {
      // Finished work is history: only its notes may change.
      const state = STATUS_LABELS[before.status as ProcedureStatus].toLowerCase();
      throw new AppError('ILLEGAL_TRANSITION', `This procedure is ${state}: only its notes can change. Add a correction instead.`);
    }
    const res = await trx
      .updateTable('procedures')
      .set({ ...next, version: input.version + 1 })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertOneRow(res);
    const after = toProcedure(await load(trx, ctx, input.id));
    await recordAudit(trx, ctx, tenantId, {
      entity: 'procedure', entityId: input.id, patientId: before.patient_id, action: 'update', before: toProcedure(before), after,
    });
    return after;
  });
}

function changesClinicalFacts(row: ProcedureRecord, next: Awaited<ReturnType<typeof toColumns>>): boolean {
  const { notes: _notes, ...clinical } = next;
  return (Object.keys(clinical) as (keyof typeof clinical)[]).some((k) => row[k] !== clinical[k]);
}

export async function setStatus(
  ctx: AuthedContext,
  input: { id: string; version: number; status: ProcedureStatus },
): Promise<Procedure> {
  const tenantId = ctx.session.tenantId;
  return ctx.core.db.transaction().execute(async (trx) => {
    const before = await load(trx, ctx, input.id);
    assertUnlocked(before);
    if (before.version !== input.version) throw conflict('procedure');
    const from = before.status as ProcedureStatus;
    if (!canTransition(from, input.status)) {
      throw new AppError(
        'ILLEGAL_TRANSITION',
        `A procedure that is ${STATUS_LABELS[from].toLowerCase()} cannot become ${STATUS_LABELS[input.status].toLowerCase()}.`,
      );
    }
    const now = ctx.core.now().toISOString();
    const res = await trx
      .updateTable('procedures')
      .set({
        status: input.status,
        version: input.version + 1,
        ...(input.status === 'IN_PROGRESS' ? { started_at: now } : {}),
        ...(input.status === 'COMPLETED' ? { completed_at: now } : {}),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertOneRow(res);
    const after = toProcedure(await load(trx, ctx, input.id));
    await recordAudit(trx, ctx, tenantId, {
      entity: 'procedure', entityId: input.id, patientId: before.patient_id, action: 'status',
      before: { status: from }, after: { status: input.status },
    });
    return after;
  });
}

/** Only a planned procedure can be removed; anything further along is cancelled instead. */
export async function remove(ctx: AuthedContext, input: { id: string; version: number }): Promise<{ id: string }> {
  const tenantId = ctx.session.tenantId;
  return ctx.core.db.transaction().execute(async (trx) => {
    const before = await load(trx, ctx, input.id);
    assertUnlocked(before);
    if (before.version !== input.version) throw conflict('procedure');
    if (before.status !== 'PLANNED') {
      throw new AppError('ILLEGAL_TRANSITION', 'Only a planned procedure can be removed. Cancel it instead, so its history stays.');
    }
    const dependents = await findProcedureDependents(trx, tenantId, input.id);
    const blocker = dependents.claimNumber
      ? `it is on claim ${dependents.claimNumber}: take it off the claim first`
      : dependents.labCase
        ? 'it has a lab case: cancel it instead'
        : dependents.treatmentRecord
          ? 'products used on the patient are recorded against it: cancel it instead'
          : dependents.correction
            ? 'another procedure corrects it'
            : null;
    if (blocker) throw new AppError('CONFLICT', `This procedure cannot be removed: ${blocker}.`);
    const res = await trx
      .deleteFrom('procedures')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertOneRow(res);
    await recordAudit(trx, ctx, tenantId, {
      entity: 'procedure', entityId: input.id, patientId: before.patient_id, action: 'delete', before: toProcedure(before),
    });
    return { id: input.id };
  });
}
