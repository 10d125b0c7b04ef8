import type { VisitSortField } from '../../../shared/contract/visits';
import { STATUS_LABELS, type VisitStatus } from '../../../shared/domain/status';
import type { HistoryEntry, Page, VisitDetails, VisitSummary } from '../../../shared/types';
import { listEntityHistory } from '../audit/audit.repository';
import { type Change, write } from '../change';
import { findAppointment } from '../appointments/appointments.repository';
import type { AuthedContext } from '../context';
import { AppError, conflict, illegal, invalid, notFound } from '../errors';
import { findPatient } from '../patients/patients.repository';
import {
  deleteProcedure,
  findProcedure,
  findProcedureDependents,
  findVisitLockingClaim,
  listVisitProcedures,
  toProcedure,
} from '../procedures/procedures.repository';
import { applyStatus } from '../procedures/procedures.service';
import { findUser } from '../users/users.repository';
import { requireProvider } from '../users/users.service';
import { deleteVisit, findVisit, findVisitSummary, insertVisit, listVisitsOnDay, listVisitSummaries, updateVisit } from './visits.repository';

type Paging = { page: number; size: number; sort: { field: VisitSortField; dir: 'asc' | 'desc' } };

export interface VisitInput {
  providerId: string;
  date: string;
  time: string | null;
  notes: string | null;
  confirmSameDay: boolean;
}

/**
 * A second visit for one patient on one day is usually a double click or two
 * people booking the same walk-in: asked, not refused. Cancelled visits do
 * not count.
 */
async function askAboutSameDay(c: Change, input: VisitInput & { patientId: string }, exceptId?: string): Promise<void> {
  if (input.confirmSameDay) return;
  const others = (await listVisitsOnDay(c.trx, c.tenantId, input.patientId, input.date)).filter((v) => v.id !== exceptId && v.status !== 'CANCELLED');
  const other = others[0];
  if (!other) return;
  const at = other.time ? ` at ${other.time}` : '';
  throw new AppError(
    'NEEDS_CONFIRMATION',
    `${other.patientFirstName} ${other.patientLastName} already has a visit on ${other.date}${at} with ${other.providerName}. Open that visit, or confirm a second one.`,
    [{ path: 'date', message: `Already has a visit on ${other.date}${at} with ${other.providerName}.` }],
  );
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
    await askAboutSameDay(c, input);
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
    if (input.date !== before.date) await askAboutSameDay(c, { ...input, patientId: before.patientId }, input.id);
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

/** Loads a visit for a change: it must exist, be the version the caller read, and its chart must be open. */
async function openVisit(c: Change, ref: { id: string; version: number }): Promise<VisitDetails> {
  const summary = await findVisitSummary(c.trx, c.tenantId, ref.id);
  if (!summary) throw notFound('Visit');
  await c.openChart(summary.patientId);
  if (summary.version !== ref.version) throw conflict('visit');
  const procedures = (await listVisitProcedures(c.trx, c.tenantId, ref.id)).map(toProcedure);
  return { ...summary, procedures };
}

/**
 * The visit did not happen: every planned procedure on it is cancelled, in
 * one change that records why. Once any work has started it is not "the
 * visit" that is cancelled: each open procedure is cancelled or finished on
 * its own, so no started work is written off by a click at the front desk.
 */
export function cancel(ctx: AuthedContext, input: { id: string; version: number; reason: string }): Promise<VisitSummary> {
  return write(ctx, async (c) => {
    const before = await openVisit(c, input);
    const open = before.procedures.filter((p) => p.status !== 'CANCELLED');
    if (before.procedures.length === 0) throw illegal('This visit has no procedures to cancel. Remove it instead.');
    if (open.length === 0) throw illegal('This visit is already cancelled.');
    const started = open.find((p) => p.status !== 'PLANNED');
    if (started) {
      throw illegal(`Work on this visit has started (${started.code} is ${STATUS_LABELS[started.status].toLowerCase()}): cancel its open procedures one by one instead.`);
    }
    for (const p of open) {
      await applyStatus(c, (await findProcedure(c.trx, c.tenantId, p.id))!, 'CANCELLED');
    }
    const after = (await findVisitSummary(c.trx, c.tenantId, input.id))!;
    return {
      result: after,
      audit: {
        entity: 'visit',
        entityId: input.id,
        patientId: before.patientId,
        action: 'cancel',
        before: { status: before.status },
        after: { status: after.status, reason: input.reason, cancelledProcedures: open.map((p) => p.id) },
      },
    };
  });
}

/**
 * A visit made by mistake goes away, with its planned procedures, while
 * nothing on it was started, finished, claimed, sent to a lab or used for a
 * product record. Anything further along is history and is cancelled instead.
 */
export function remove(ctx: AuthedContext, input: { id: string; version: number }): Promise<{ id: string }> {
  return write(ctx, async (c) => {
    const before = await openVisit(c, input);
    const kept = before.procedures.find((p) => p.status !== 'PLANNED');
    if (kept) {
      throw illegal(`This visit cannot be removed: ${kept.code} is ${STATUS_LABELS[kept.status].toLowerCase()}. Cancel the visit's open work instead, so its history stays.`);
    }
    for (const p of before.procedures) {
      const dependents = await findProcedureDependents(c.trx, c.tenantId, p.id);
      if (dependents.claimNumber || dependents.labCase || dependents.treatmentRecord || dependents.correction) {
        throw illegal(`This visit cannot be removed: ${p.code} is referenced by a claim, a lab case, a product record or a correction.`);
      }
      await deleteProcedure(c.trx, { tenantId: c.tenantId, id: p.id, version: p.version });
    }
    await deleteVisit(c.trx, { tenantId: c.tenantId, id: input.id, version: input.version });
    return {
      result: { id: input.id },
      audit: { entity: 'visit', entityId: input.id, patientId: before.patientId, action: 'delete', before },
    };
  });
}

export async function onDay(ctx: AuthedContext, input: { patientId: string; date: string }): Promise<VisitSummary[]> {
  if (!(await findPatient(ctx.core.db, ctx.session.tenantId, input.patientId))) throw notFound('Patient', 'patientId');
  return listVisitsOnDay(ctx.core.db, ctx.session.tenantId, input.patientId, input.date);
}

export async function history(ctx: AuthedContext, id: string): Promise<HistoryEntry[]> {
  if (!(await findVisit(ctx.core.db, ctx.session.tenantId, id))) throw notFound('Visit');
  return listEntityHistory(ctx.core.db, ctx.session.tenantId, id);
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
