import type { Page, Patient } from '../../../shared/types';
import { recordAudit } from '../audit/audit.service';
import type { AuthedContext, Queryable } from '../context';
import { AppError, conflict, invalid, notFound } from '../errors';
import { findByChartNumber, findPatient, nextChartNumber, searchPatients, toPatient } from './patients.repository';

export interface PatientInput {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  chartNumber?: string | undefined;
  phone: string | null;
  email: string | null;
  alerts: string | null;
}

/** Archived patients keep their history, but their chart no longer changes. */
export async function requireActivePatient(db: Queryable, tenantId: string, patientId: string, path: string) {
  const patient = await findPatient(db, tenantId, patientId);
  if (!patient) throw notFound('Patient');
  if (patient.archived_at) {
    throw invalid(path, `${patient.first_name} ${patient.last_name} is archived, so their chart cannot change.`);
  }
  return patient;
}

function checkBirthDate(ctx: AuthedContext, dob: string) {
  if (dob > ctx.core.now().toISOString().slice(0, 10)) throw invalid('dateOfBirth', 'The date of birth is in the future.');
  if (dob < '1900-01-01') throw invalid('dateOfBirth', 'The date of birth is before 1900.');
}

export async function search(
  ctx: AuthedContext,
  input: { query: string; includeArchived: boolean; page: number; size: number },
): Promise<Page<Patient>> {
  const { total, rows } = await searchPatients(ctx.core.db, { tenantId: ctx.session.tenantId, ...input });
  return { total, page: input.page, size: input.size, items: rows.map(toPatient) };
}

export async function get(ctx: AuthedContext, id: string): Promise<Patient> {
  const row = await findPatient(ctx.core.db, ctx.session.tenantId, id);
  if (!row) throw notFound('Patient');
  return toPatient(row);
}

export async function create(ctx: AuthedContext, input: PatientInput): Promise<Patient> {
  checkBirthDate(ctx, input.dateOfBirth);
  const tenantId = ctx.session.tenantId;
  return ctx.core.db.transaction().execute(async (trx) => {
    const chartNumber = input.chartNumber || (await nextChartNumber(trx, tenantId));
    if (await findByChartNumber(trx, tenantId, chartNumber)) {
      throw invalid('chartNumber', `Chart number ${chartNumber} belongs to another patient.`);
    }
    const id = ctx.core.newId();
    await trx
      .insertInto('patients')
      .values({
        id,
        tenant_id: tenantId,
        chart_number: chartNumber,
        first_name: input.firstName,
        last_name: input.lastName,
        date_of_birth: input.dateOfBirth,
        phone: input.phone,
        email: input.email,
        alerts: input.alerts,
      })
      .execute();
    const patient = toPatient((await findPatient(trx, tenantId, id))!);
    await recordAudit(trx, ctx, tenantId, { entity: 'patient', entityId: id, patientId: id, action: 'create', after: patient });
    return patient;
  });
}

export async function update(ctx: AuthedContext, input: PatientInput & { id: string; version: number }): Promise<Patient> {
  checkBirthDate(ctx, input.dateOfBirth);
  const tenantId = ctx.session.tenantId;
  return ctx.core.db.transaction().execute(async (trx) => {
    const before = await findPatient(trx, tenantId, input.id);
    if (!before) throw notFound('Patient');
    if (before.archived_at) throw new AppError('CONFLICT', 'This patient is archived and cannot be changed.');
    const chartNumber = input.chartNumber || before.chart_number;
    const other = await findByChartNumber(trx, tenantId, chartNumber);
    if (other && other.id !== input.id) throw invalid('chartNumber', `Chart number ${chartNumber} belongs to another patient.`);
    const res = await trx
      .updateTable('patients')
      .set({
        chart_number: chartNumber,
        first_name: input.firstName,
        last_name: input.lastName,
        date_of_birth: input.dateOfBirth,
        phone: input.phone,
        email: input.email,
        alerts: input.alerts,
        version: input.version + 1,
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (res.numUpdatedRows === 0n) throw conflict('patient');
    const after = toPatient((await findPatient(trx, tenantId, input.id))!);
    await recordAudit(trx, ctx, tenantId, {
      entity: 'patient', entityId: input.id, patientId: input.id, action: 'update', before: toPatient(before), after,
    });
    return after;
  });
}

/** Patients are never deleted: archiving hides them from search and keeps their history. */
export async function archive(ctx: AuthedContext, input: { id: string; version: number }): Promise<Patient> {
  const tenantId = ctx.session.tenantId;
  return ctx.core.db.transaction().execute(async (trx) => {
    const before = await findPatient(trx, tenantId, input.id);
    if (!before) throw notFound('Patient');
    const res = await trx
      .updateTable('patients')
      .set({ archived_at: ctx.core.now().toISOString(), version: input.version + 1 })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (res.numUpdatedRows === 0n) throw conflict('patient');
    const after = toPatient((await findPatient(trx, tenantId, input.id))!);
    await recordAudit(trx, ctx, tenantId, {
      entity: 'patient', entityId: input.id, patientId: input.id, action: 'archive', before: toPatient(before), after,
    });
    return after;
  });
}
