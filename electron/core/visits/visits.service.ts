import type { VisitSortField } from '../../../shared/contract/visits';
import type { VisitStatus } from '../../../shared/domain/status';
import type { Page, VisitDetails, VisitSummary } from '../../../shared/types';
import { write } from '../change';
import { findAppointment } from '../appointments/appointments.repository';
import type { AuthedContext } from '../context';
import { AppError, invalid, notFound } from '../errors';
import { findPatient } from '../patients/patients.repository';
import { findVisitLockingClaim, listVisitProcedures, toProcedure } from '../procedures/procedures.repository';
import { findUser } from '../users/users.repository';
import { requireProvider } from '../users/users.service';
import { findVisitSummary, insertVisit, listVisitSummaries, updateVisit } from './visits.repository';

type Paging = { page: number; size: number; sort: { field: VisitSortField; dir: 'asc' | 'desc' } };

export interface VisitInput {
  providerId: string;
  date: string;
  time: string | null;
  notes: string | null;
}

export function create(ctx: AuthedContext, input: VisitInput & { patientId: string; appointmentId: string | null }): Promise<VisitSummary> {
  return write(ctx, async (c) => {
    await c.openChart(input.patientId, 'patientId');
    await requireProvider(c.trx, c.tenantId, input.providerId, 'providerId');
    if (input.appointmentId) {
      const appt = await findAppointment(c.trx, c.tenantId, input.appointmentId);
      if (!appt) throw notFound('Appointment', 'appointmentId');
      if (appt.patient_id !== input.patientId) throw invalid('appointmentId', 'That appointment is not this patient’s.');
    }
    const id = c.newId();
    await insertVisit(c.trx, {
      id,
      tenant_id: c.tenantId,
      patient_id: input.patientId,
      appointment_id: input.appointmentId,
      provider_id: input.providerId,
      date: input.date,
      time: input.time,
      notes: input.notes,
      ...c.stamps(),
    });
    const after = (await findVisitSummary(c.trx, c.tenantId, id))!;
    return { result: after, audit: { entity: 'visit', entityId: id, patientId: input.patientId, action: 'create', after } };
  });
}

export function update(ctx: AuthedContext, input: VisitInput & { id: string; version: number }): Promise<VisitSummary> {
  return write(ctx, async (c) => {
    const before = await findVisitSummary(c.trx, c.tenantId, input.id);
    if (!before) throw notFound('Visit');
    await c.openChart(before.patientId);
    // The date and provider are the claimed procedures' date of service and provider.
    const claim =
      (input.date !== before.date || input.providerId !== before.providerId) && (await findVisitLockingClaim(c.trx, c.tenantId, input.id));
    if (claim) throw new AppError('LOCKED', `This visit has procedures on submitted claim ${claim}: its date and provider cannot change.`);
    await requireProvider(c.trx, c.tenantId, input.providerId, 'providerId');
    await updateVisit(
      c.trx,
      { tenantId: c.tenantId, id: input.id, version: input.version },
      { provider_id: input.providerId, date: input.date, time: input.time, notes: input.notes },
      c.now,
    );
    const after = (await findVisitSummary(c.trx, c.tenantId, input.id))!;
    return { result: after, audit: { entity: 'visit', entityId: input.id, patientId: before.patientId, action: 'update', before, after } };
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
  if (filter.providerId && !(await findUser(ctx.core.db, ctx.session.tenantId, filter.providerId))) throw notFound('Provider', 'providerId');
  const { total, items } = await listVisitSummaries(ctx.core.db, ctx.session.tenantId, filter, { page, size, sort });
  return { total, items, page, size };
}
