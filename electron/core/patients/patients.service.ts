import type { Page, Patient } from '../../../shared/types';
import { dateOrder } from '../../../shared/domain/date-query';
import { type Change, write } from '../change';
import { findPractice } from '../tenants/tenants.repository';
import type { AuthedContext } from '../context';
import { illegal, invalid, notFound } from '../errors';
import { findByChartNumber, findPatient, insertPatient, searchPatients, takeChartNumber, toPatient, updatePatient } from './patients.repository';

export interface PatientInput {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  chartNumber?: string | undefined;
  phone: string | null;
  email: string | null;
  alerts: string | null;
}

const name = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`;

function checkBirthDate(c: Change, dob: string) {
  if (dob > c.now.slice(0, 10)) throw invalid('dateOfBirth', 'The date of birth is in the future.');
  if (dob < '1900-01-01') throw invalid('dateOfBirth', 'The date of birth is before 1900.');
}

async function checkChartNumberFree(c: Change, chartNumber: string, self?: string) {
  const other = await findByChartNumber(c.trx, c.tenantId, chartNumber);
  if (other && other.id !== self) throw invalid('chartNumber', `Chart number ${chartNumber} belongs to another patient.`);
}

/** The stored columns a patient form writes, create and update alike. */
function columns(input: PatientInput, chartNumber: string) {
  return {
    chart_number: chartNumber,
    first_name: input.firstName,
    last_name: input.lastName,
    date_of_birth: input.dateOfBirth,
    phone: input.phone,
    email: input.email,
    alerts: input.alerts,
  };
}

async function reread(c: Change, id: string): Promise<Patient> {
  return toPatient((await findPatient(c.trx, c.tenantId, id))!);
}

export async function search(
  ctx: AuthedContext,
  input: { query: string; includeArchived: boolean; page: number; size: number },
): Promise<Page<Patient>> {
  const practice = await findPractice(ctx.core.db, ctx.session.tenantId);
  const { total, rows } = await searchPatients(ctx.core.db, {
    tenantId: ctx.session.tenantId,
    dateOrder: dateOrder(practice?.locale ?? 'en-US'),
    todayYear: ctx.core.now().getUTCFullYear(),
    ...input,
  });
  return { total, page: input.page, size: input.size, items: rows.map(toPatient) };
}

export async function get(ctx: AuthedContext, id: string): Promise<Patient> {
  const row = await findPatient(ctx.core.db, ctx.session.tenantId, id);
  if (!row) throw notFound('Patient');
  return toPatient(row);
}

export function create(ctx: AuthedContext, input: PatientInput): Promise<Patient> {
  return write(ctx, async (c) => {
    checkBirthDate(c, input.dateOfBirth);
    const chartNumber = input.chartNumber || (await takeChartNumber(c.trx, c.tenantId, c.now));
    await checkChartNumberFree(c, chartNumber);
    const id = c.newId();
    await insertPatient(c.trx, { id, tenant_id: c.tenantId, ...columns(input, chartNumber), ...c.stamps() });
    const after = await reread(c, id);
    return { result: after, audit: { entity: 'patient', entityId: id, patientId: id, action: 'create', after } };
  });
}

export function update(ctx: AuthedContext, input: PatientInput & { id: string; version: number }): Promise<Patient> {
  return write(ctx, async (c) => {
    const before = await c.openChart(input.id);
    checkBirthDate(c, input.dateOfBirth);
    const chartNumber = input.chartNumber || before.chart_number;
    await checkChartNumberFree(c, chartNumber, input.id);
    await updatePatient(c.trx, { tenantId: c.tenantId, id: input.id, version: input.version }, columns(input, chartNumber), c.now);
    const after = await reread(c, input.id);
    return { result: after, audit: { entity: 'patient', entityId: input.id, patientId: input.id, action: 'update', before: toPatient(before), after } };
  });
}

/** Patients are never deleted: archiving hides them from search, keeps their history and freezes their chart. */
export function archive(ctx: AuthedContext, input: { id: string; version: number }): Promise<Patient> {
  return write(
    ctx,
    async (c) => {
      const before = await c.openChart(input.id);
      if (before.archived_at) throw illegal(`${name(before)} is already archived.`);
      await updatePatient(c.trx, { tenantId: c.tenantId, id: input.id, version: input.version }, { archived_at: c.now }, c.now);
      const after = await reread(c, input.id);
      return { result: after, audit: { entity: 'patient', entityId: input.id, patientId: input.id, action: 'archive', before: toPatient(before), after } };
    },
    { archivedChartOk: true },
  );
}

/** An administrator brings an archived patient back: searchable again, chart writable again. */
export function restore(ctx: AuthedContext, input: { id: string; version: number }): Promise<Patient> {
  return write(
    ctx,
    async (c) => {
      const before = await c.openChart(input.id);
      if (!before.archived_at) throw illegal(`${name(before)} is not archived.`);
      await updatePatient(c.trx, { tenantId: c.tenantId, id: input.id, version: input.version }, { archived_at: null }, c.now);
      const after = await reread(c, input.id);
      return { result: after, audit: { entity: 'patient', entityId: input.id, patientId: input.id, action: 'restore', before: toPatient(before), after } };
    },
    { archivedChartOk: true },
  );
}
