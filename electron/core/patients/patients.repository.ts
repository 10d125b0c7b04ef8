import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Patient } from '../../../shared/types';
import type { Queryable } from '../context';
import type { DB, PatientRow, PatientsTable } from '../db/schema';
import { contains, nocase, startsWith } from '../db/sql';
import { updateVersioned, type VersionKey } from '../db/versioned';

export function toPatient(r: PatientRow): Patient {
  return {
    id: r.id,
    chartNumber: r.chart_number,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    phone: r.phone,
    email: r.email,
    alerts: r.alerts,
    archivedAt: r.archived_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findPatient(db: Queryable, tenantId: string, id: string) {
  return db.selectFrom('patients').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function findByChartNumber(db: Queryable, tenantId: string, chartNumber: string) {
  return db
    .selectFrom('patients')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('chart_number', '=', chartNumber)
    .executeTakeFirst();
}

/**
 * The next automatic chart number: the practice's counter, moved past any
 * number already typed by hand. Numbers typed by hand never move the counter,
 * so one odd chart number cannot decide the ones after it.
 */
export async function takeChartNumber(trx: Transaction<DB>, tenantId: string, now: string): Promise<string> {
  const { next_chart_number: first } = await trx
    .selectFrom('tenants')
    .select('next_chart_number')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  let n = first;
  while (await findByChartNumber(trx, tenantId, String(n))) n++;
  // Not a settings edit: the practice's version stays, so no settings form sees a conflict.
  await trx.updateTable('tenants').set({ next_chart_number: n + 1, updated_at: now }).where('id', '=', tenantId).execute();
  return String(n);
}

export async function insertPatient(trx: Transaction<DB>, row: Insertable<PatientsTable>): Promise<void> {
  await trx.insertInto('patients').values(row).execute();
}

export function updatePatient(trx: Transaction<DB>, key: VersionKey, values: Updateable<PatientsTable>, now: string) {
  return updateVersioned(trx, 'patients', key, values, now, 'patient');
}

export interface PatientQuery {
  tenantId: string;
  query: string;
  includeArchived: boolean;
  page: number;
  size: number;
}

/**
 * One box finds a patient by any of: chart number, date of birth
 * (YYYY-MM-DD), phone number (any 4+ digits of it, however it was typed),
 * "last, first", or words that each start a first or last name. Prefix
 * matches keep the name index usable; the phone match scans the practice's
 * patients (see docs/performance.md).
 */
export async function searchPatients(db: Queryable, q: PatientQuery) {
  let base = db.selectFrom('patients').where('tenant_id', '=', q.tenantId);
  if (!q.includeArchived) base = base.where('archived_at', 'is', null);
  const text = q.query.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    base = base.where('date_of_birth', '=', text);
  } else if (text) {
    const words = text.split(/[\s,]+/).filter(Boolean);
    const digits = /^[\d\s()+.-]+$/.test(text) ? text.replace(/\D/g, '') : '';
    base = base.where((eb) =>
      eb.or([
        eb('chart_number', '=', text),
        ...(digits.length >= 4 ? [contains('phone_digits', digits)] : []),
        eb.and(words.map((w) => eb.or([startsWith('last_name', w), startsWith('first_name', w)]))),
      ]),
    );
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy(nocase('last_name'))
    .orderBy(nocase('first_name'))
    .orderBy('id')
    .limit(q.size)
    .offset((q.page - 1) * q.size)
    .execute();
  return { total: Number(total), rows };
}
