import type { Insertable, SelectQueryBuilder, Transaction, Updateable } from 'kysely';
import type { VisitStatus } from '../../../shared/domain/status';
import type { VisitSummary } from '../../../shared/types';
import type { Queryable } from '../context';
import type { DB, VisitsTable } from '../db/schema';
import { deleteVersioned, updateVersioned, type VersionKey } from '../db/versioned';

/** Which visits a summary query shows, in order: the ids alone, chosen on visits alone. */
type VisitIds = SelectQueryBuilder<DB & { v: VisitsTable }, 'v', { id: string }>;

/**
 * One row per chosen visit with the names a list shows. The ids are chosen
 * first (a page, or one visit) and only their rows are joined to patients,
 * providers and the practice, by primary keys. Status, count and
 * total are the visit's derived columns, kept by triggers from its
 * procedures (migrations/0003_ten_years.sql), so a search filters and sorts
 * on them through an index instead of computing them for every visit.
 */
function summaries(db: Queryable, ids: VisitIds) {
  return db
    .selectFrom(ids.as('chosen'))
    // CROSS JOIN is SQLite's way to fix the order: the chosen ids drive, each finds its visit by
    // primary key. Left to itself the planner may walk every visit of the practice instead.
    .crossJoin('visits as v')
    .whereRef('v.id', '=', 'chosen.id')
    .innerJoin('patients as pt', 'pt.id', 'v.patient_id')
    .innerJoin('users as u', 'u.id', 'v.provider_id')
    .innerJoin('tenants as t', 't.id', 'v.tenant_id')
    .select([
      'v.id', 'v.patient_id', 'v.appointment_id', 'v.provider_id', 'v.date', 'v.time', 'v.notes',
      'v.status', 'v.procedure_count', 'v.total_cost',
      'v.version', 'v.created_at', 'v.updated_at', 'pt.first_name', 'pt.last_name', 'pt.chart_number', 'pt.archived_at as patient_archived_at',
      'u.display_name as provider_name', 't.currency',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

function toSummary(r: SummaryRow): VisitSummary {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: `${r.last_name}, ${r.first_name}`,
    patientFirstName: r.first_name,
    patientLastName: r.last_name,
    patientArchivedAt: r.patient_archived_at,
    chartNumber: r.chart_number,
    appointmentId: r.appointment_id,
    providerId: r.provider_id,
    providerName: r.provider_name,
    date: r.date,
    time: r.time,
    notes: r.notes,
    status: r.status,
    procedureCount: r.procedure_count,
    totalCost: r.total_cost,
    currency: r.currency,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findVisitSummary(db: Queryable, tenantId: string, id: string): Promise<VisitSummary | undefined> {
  const row = await summaries(db, visitsOf(db, tenantId).select('v.id').where('v.id', '=', id)).executeTakeFirst();
  return row && toSummary(row);
}

/** The patient's visits on one day, earliest first (idx_visits_patient_date). */
export async function listVisitsOnDay(db: Queryable, tenantId: string, patientId: string, date: string): Promise<VisitSummary[]> {
  const ids = visitsOf(db, tenantId).select('v.id').where('v.patient_id', '=', patientId).where('v.date', '=', date).orderBy('v.time').orderBy('v.id');
  return (await summaries(db, ids).execute()).map(toSummary);
}

export function deleteVisit(trx: Transaction<DB>, key: VersionKey): Promise<void> {
  return deleteVersioned(trx, 'visits', key, 'visit');
}

export function findVisit(db: Queryable, tenantId: string, id: string) {
  return db.selectFrom('visits').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertVisit(trx: Transaction<DB>, row: Insertable<VisitsTable>): Promise<void> {
  await trx.insertInto('visits').values(row).execute();
}

export function updateVisit(trx: Transaction<DB>, key: VersionKey, values: Updateable<VisitsTable>, now: string) {
  return updateVersioned(trx, 'visits', key, values, now, 'visit');
}

export interface VisitFilter {
  patientId?: string | undefined;
  status?: VisitStatus | undefined;
  providerId?: string | undefined;
  code?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const SORT_COLUMNS = {
  date: ['date', 'time'],
  totalCost: ['total_cost'],
  procedureCount: ['procedure_count'],
  createdAt: ['created_at'],
} as const;

function visitsOf(db: Queryable, tenantId: string) {
  return db.selectFrom('visits as v').where('v.tenant_id', '=', tenantId);
}

/**
 * Filters on visits alone: the count never joins, and the page is chosen
 * before anything is joined to its rows. Every sort has an index ending in
 * id, so a page stops after its rows.
 */
function filteredVisits(db: Queryable, tenantId: string, filter: VisitFilter, code: 'count' | 'page') {
  let q = visitsOf(db, tenantId);
  if (filter.patientId) q = q.where('v.patient_id', '=', filter.patientId);
  if (filter.providerId) q = q.where('v.provider_id', '=', filter.providerId);
  if (filter.status) q = q.where('v.status', '=', filter.status);
  if (filter.from) q = q.where('v.date', '>=', filter.from);
  if (filter.to) q = q.where('v.date', '<=', filter.to);
  const wanted = filter.code;
  if (wanted === undefined) return q;
  // The count takes the visits with the code from the (tenant_id, code, visit_id) index; the page
  // walks visits in the sort's order and stops after its rows, asking each whether it has the code.
  return code === 'count'
    ? q.where('v.id', 'in', db.selectFrom('procedures as c').select('c.visit_id').where('c.tenant_id', '=', tenantId).where('c.code', '=', wanted))
    : q.where(({ exists, selectFrom }) =>
        exists(selectFrom('procedures as c').select('c.id').whereRef('c.visit_id', '=', 'v.id').where('c.tenant_id', '=', tenantId).where('c.code', '=', wanted)),
      );
}

/**
 * No filter, or a status alone, is read from the practice's visit counts;
 * a code alone is counted from the code index, never touching a visit row.
 */
function countVisits(db: Queryable, tenantId: string, filter: VisitFilter) {
  const { code, status, ...others } = filter;
  const onlyStatus = code === undefined && Object.values(others).every((v) => v === undefined);
  if (onlyStatus) {
    let counts = db.selectFrom('visit_counts').where('tenant_id', '=', tenantId);
    if (status) counts = counts.where('status', '=', status);
    return counts.select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), eb.lit(0)).as('total')).executeTakeFirstOrThrow();
  }
  if (code !== undefined && status === undefined && Object.values(others).every((v) => v === undefined)) {
    return db
      .selectFrom('procedures as c')
      .select((eb) => eb.fn.count<number>('c.visit_id').distinct().as('total'))
      .where('c.tenant_id', '=', tenantId)
      .where('c.code', '=', code)
      .executeTakeFirstOrThrow();
  }
  return filteredVisits(db, tenantId, filter, 'count').select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
}

export async function listVisitSummaries(
  db: Queryable,
  tenantId: string,
  filter: VisitFilter,
  paging: { page: number; size: number; sort: { field: keyof typeof SORT_COLUMNS; dir: 'asc' | 'desc' } },
): Promise<{ total: number; items: VisitSummary[] }> {
  const { total } = await countVisits(db, tenantId, filter);
  const { field, dir } = paging.sort;
  let page = filteredVisits(db, tenantId, filter, 'page').select('v.id');
  for (const col of SORT_COLUMNS[field]) page = page.orderBy(`v.${col}`, dir);
  // Same direction as the sort, so the index serves the whole ORDER BY.
  page = page.orderBy('v.id', dir).limit(paging.size).offset((paging.page - 1) * paging.size);
  let rows = summaries(db, page);
  for (const col of SORT_COLUMNS[field]) rows = rows.orderBy(`v.${col}`, dir);
  const items = await rows.orderBy('v.id', dir).execute();
  return { total: Number(total), items: items.map(toSummary) };
}
