import { type ExpressionBuilder, type Insertable, sql, type Transaction, type Updateable } from 'kysely';
import { type DateOrder, parseDateQuery } from '../../../shared/domain/date-query';
import type { Patient } from '../../../shared/types';
import type { Queryable } from '../context';
import type { DB, PatientRow, PatientsTable } from '../db/schema';
import { contains, nocase, startsWith, trigramQuery } from '../db/sql';
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
  /** How the practice writes dates, for "05/16/1994" and the like. */
  dateOrder: DateOrder;
  /** The year two-digit years are read against (births: never after it). */
  todayYear: number;
  includeArchived: boolean;
  page: number;
  size: number;
}

/** Rows whose column starts with `prefix`, ignoring ASCII case, as a range the NOCASE index serves. */
function nocaseRange(column: 'last_name' | 'first_name', prefix: string) {
  // U+10FFFF sorts after every character that can follow the prefix.
  return sql<boolean>`${sql.ref(column)} collate nocase >= ${prefix} and ${sql.ref(column)} collate nocase < ${`${prefix}\u{10FFFF}`}`;
}

/**
 * One box finds a patient by any of: chart number, date of birth (as the
 * practice writes dates, or "May 16 1994", or YYYY-MM-DD), phone number
 * (any 4+ digits of it, however it was typed, e.g. the last four), "last,
 * first", words that each start a first or last name, or words of four
 * letters or more found anywhere in the name ("kafor" finds Okafor, accents
 * ignored: the trigram index of migrations/0005).
 *
 * The candidates come from indexes, each part from its own (chart number,
 * last name, first name, phone digits; a union, never a scan of the
 * patients), then the whole condition is checked on those rows only. A
 * phone match still reads the practice's phone-digit index, which is small.
 */
export async function searchPatients(db: Queryable, q: PatientQuery) {
  const text = q.query.trim();
  const patientsOf = (d: Queryable) => d.selectFrom('patients as p').where('p.tenant_id', '=', q.tenantId);
  const active = (qb: ReturnType<typeof patientsOf>) => (q.includeArchived ? qb : qb.where('p.archived_at', 'is', null));
  let base;
  const birthDate = parseDateQuery(text, q.dateOrder, q.todayYear);
  if (birthDate) {
    base = active(patientsOf(db).where('p.date_of_birth', '=', birthDate));
  } else if (text) {
    const words = text.split(/[\s,]+/).filter(Boolean);
    const digits = /^[\d\s()+.-]+$/.test(text) ? text.replace(/\D/g, '') : '';
    const first = words[0] ?? text;
    const ids = (condition: ReturnType<typeof nocaseRange>) => patientsOf(db).select('p.id').where(condition);
    let candidates = patientsOf(db)
      .select('p.id')
      .where('p.chart_number', '=', text)
      .union(ids(nocaseRange('last_name', first)))
      .union(ids(nocaseRange('first_name', first)));
    if (digits.length >= 4) candidates = candidates.union(ids(contains('p.phone_digits', digits)));
    const anywhere = digits ? null : trigramQuery(words);
    const inName = (eb: ExpressionBuilder<DB & { p: PatientsTable }, 'p'>) =>
      eb('p.id', 'in', db.selectFrom('patients_fts').select('patient_id').where(sql<boolean>`patients_fts match ${anywhere}`));
    if (anywhere) {
      candidates = candidates.union(
        db.selectFrom('patients_fts').select('patient_id as id').where(sql<boolean>`patients_fts match ${anywhere}`),
      );
    }
    // The candidates drive (CROSS JOIN keeps them first); each is then checked in full.
    base = active(
      db
        .selectFrom(candidates.as('found'))
        .crossJoin('patients as p')
        .whereRef('p.id', '=', 'found.id')
        .where('p.tenant_id', '=', q.tenantId)
        .where((eb) =>
          eb.or([
            eb('p.chart_number', '=', text),
            ...(digits.length >= 4 ? [contains('p.phone_digits', digits)] : []),
            eb.and(words.map((w) => eb.or([startsWith('p.last_name', w), startsWith('p.first_name', w)]))),
            ...(anywhere ? [inName(eb)] : []),
          ]),
        ),
    );
  } else {
    base = active(patientsOf(db));
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('p')
    .orderBy(nocase('p.last_name'))
    .orderBy(nocase('p.first_name'))
    .orderBy('p.id')
    .limit(q.size)
    .offset((q.page - 1) * q.size)
    .execute();
  return { total: Number(total), rows };
}
