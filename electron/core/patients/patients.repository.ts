import { sql } from 'kysely';
import type { Patient } from '../../../shared/types';
import type { Queryable } from '../context';
import type { PatientRow } from '../db/schema';

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
 * Next free numeric chart number: the highest all-digit one plus one. Only
 * numbers of up to 9 digits count, so one odd, huge chart number typed by hand
 * cannot push the sequence past what an integer holds exactly.
 */
export async function nextChartNumber(db: Queryable, tenantId: string): Promise<string> {
  const row = await db
    .selectFrom('patients')
    .select(sql<number | null>`max(cast(chart_number as integer))`.as('n'))
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`chart_number not glob '*[^0-9]*' and length(chart_number) between 1 and 9`)
    .executeTakeFirst();
  return String((row?.n ?? 1000) + 1);
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
 * patients (a few ms at 8,000, see bench/queries.ts).
 */
export async function searchPatients(db: Queryable, q: PatientQuery) {
  let base = db.selectFrom('patients').where('tenant_id', '=', q.tenantId);
  if (!q.includeArchived) base = base.where('archived_at', 'is', null);
  const text = q.query.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    base = base.where('date_of_birth', '=', text);
  } else if (text) {
    const words = text.split(/[\s,]+/).filter(Boolean);
    const like = (w: string) => `${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = /^[\d\s()+.-]+$/.test(text) ? text.replace(/\D/g, '') : '';
    const phoneDigits = sql<string>`replace(replace(replace(replace(replace(replace(phone, '-', ''), ' ', ''), '(', ''), ')', ''), '.', ''), '+', '')`;
    base = base.where((eb) =>
      eb.or([
        eb('chart_number', '=', text),
        ...(digits.length >= 4 ? [eb(phoneDigits, 'like', `%${digits}%`)] : []),
        eb.and(
          words.map((w) =>
            eb.or([
              eb(sql`last_name`, 'like', sql`${like(w)} escape '\\'`),
              eb(sql`first_name`, 'like', sql`${like(w)} escape '\\'`),
            ]),
          ),
        ),
      ]),
    );
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy(sql`last_name collate nocase`)
    .orderBy(sql`first_name collate nocase`)
    .orderBy('id')
    .limit(q.size)
    .offset((q.page - 1) * q.size)
    .execute();
  return { total, rows };
}
