import type { VisitStatus } from '../../../shared/domain/status';
import type { Page, VisitDetails, VisitSummary } from '../../../shared/types';
import { recordAudit } from '../audit/audit.service';
import type { AuthedContext } from '../context';
import { AppError, conflict, invalid, notFound } from '../errors';
import { findPatient } from '../patients/patients.repository';
import { findVisitLockingClaim, listVisitProcedures, toProcedure } from '../procedures/procedures.repository';
import { requireActivePatient } from '../patients/patients.service';
import { requireProvider } from '../users/users.service';
import { findVisitSummary, listVisitSummaries } from './visits.repository';

type Sort = { field: 'date' | 'totalCost' | 'procedureCount' | 'createdAt'; dir: 'asc' | 'desc' };
type Paging = { page: number; size: number; sort: Sort };

export interface VisitInput {
  providerId: string;
  date: string;
  time: string | null;
  notes: string | null;
}

export async function create(
  ctx: AuthedContext,
  input: VisitInput & { patientId: string; appointmentId: string | null },
): Promise<VisitSummary> {
  const tenantId = ctx.session.tenantId;
  return ctx.core.db.transaction().execute(async (trx) => {
    await requireActivePatient(trx, tenantId, input.patientId, 'patientId');
    await requireProvider(trx, tenantId, input.providerId, 'providerId');
    if (input.appointmentId) {
      const appt = await trx
        .selectFrom('appointments')
        .select('patient_id')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', input.appointmentId)
        .executeTakeFirst();
      if (!appt || appt.patient_id !== input.patientId) throw invalid('appointmentId', 'That appointment is not this patient’s.');
    }
    const id = ctx.core.newId();
    await trx
      .insertInto('visits')
      .values({
        id,
        tenant_id: tenantId,
        patient_id: input.patientId,
        appointment_id: input.appointmentId,
        provider_id: input.providerId,
        date: input.date,
        time: input.time,
        notes: input.notes,
      })
      .execute();
    const after = (await findVisitSummary(trx, tenantId, id))!;
    await recordAudit(trx, ctx, tenantId, { entity: 'visit', entityId: id, patientId: input.patientId, action: 'create', after });
    return after;
  });
}

export async function update(ctx: AuthedContext, input: VisitInput & { id: string; version: number }): Promise<VisitSummary> {
  const tenantId = ctx.session.tenantId;
  return ctx.core.db.transaction().execute(async (trx) => {
    const before = await findVisitSummary(trx, tenantId, input.id);
    if (!before) throw notFound('Visit');
    await requireActivePatient(trx, tenantId, before.patientId, 'id');
    // The date and provider are the claimed procedures' date of service and provider.
    const claim =
      (input.date !== before.date || input.providerId !== before.providerId) && (await findVisitLockingClaim(trx, tenantId, input.id));
    if (claim) throw new AppError('LOCKED', `This visit has procedures on submitted claim ${claim}: its date and provider cannot change.`);
    await requireProvider(trx, tenantId, input.providerId, 'providerId');
    const res = await trx
      .updateTable('visits')
      .set({ provider_id: input.providerId, date: input.date, time: input.time, notes: input.notes, version: input.version + 1 })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (res.numUpdatedRows === 0n) throw conflict('visit');
    const after = (await findVisitSummary(trx, tenantId, input.id))!;
    await recordAudit(trx, ctx, tenantId, { entity: 'visit', entityId: input.id, patientId: before.patientId, action: 'update', before, after });
    return after;
  });
}

export async function get(ctx: AuthedContext, id: string): Promise<VisitDetails> {
  const tenantId = ctx.session.tenantId;
  const summary = await findVisitSummary(ctx.core.db, tenantId, id);
  if (!summary) throw notFound('Visit');
  const procedures = (await listVisitProcedures(ctx.core.db, tenantId, id)).map(toProcedure);
  return { ...summary, procedures };
}

export async function listByPatient(ctx: AuthedContext, input: { patientId: string } & Paging): Promise<Page<VisitSummary>> {
  if (!(await findPatient(ctx.core.db, ctx.session.tenantId, input.patientId))) throw notFound('Patient');
  const { total, items } = await listVisitSummaries(ctx.core.db, ctx.session.tenantId, { patientId: input.patientId }, input);
  return { total, items, page: input.page, size: input.size };
}

export async function search(
  ctx: AuthedContext,
  input: {
    status?: VisitStatus | undefined;
    providerId?: string | undefined;
    code?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  } & Paging,
): Promise<Page<VisitSummary>> {
  const { page, size, sort, ...filter } = input;
  const { total, items } = await listVisitSummaries(ctx.core.db, ctx.session.tenantId, filter, { page, size, sort });
  return { total, items, page, size };
}
