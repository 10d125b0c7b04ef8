import { type Insertable, type SelectQueryBuilder, sql, type Transaction, type Updateable } from 'kysely';
import type { VisitStatus } from '../../../shared/domain/status';
import type { VisitSummary } from '../../../shared/types';
import type { Queryable } from '../context';
import type { DB, VisitsTable } from '../db/schema';
import { countWhere } from '../db/sql';
import { updateVersioned, type VersionKey } from '../db/versioned';

/**
 * One row per visit with its derived status, count and total. The CASE
 * mirrors deriveVisitStatus() in shared/domain/status.ts (a test keeps the
 * two in step); computing it in SQL lets search filter and sort on it.
 * Correlated subqueries (not JOIN + GROUP BY) let SQLite walk the
 * (tenant_id, date) index and stop after one page: ten years of visits cost
 * no more than one month when sorted by date.
 */
function summaryBase(db: Queryable, tenantId: string) {
  const ofVisit = sql`from procedures pr where pr.visit_id = v.id`;
  return db
    .selectFrom('visits as v')
    .innerJoin('patients as pt', 'pt.id', 'v.patient_id')
    .innerJoin('users as u', 'u.id', 'v.provider_id')
    .innerJoin('tenants as t', 't.id', 'v.tenant_id')
    .where('v.tenant_id', '=', tenantId)
    .select([
      'v.id', 'v.patient_id', 'v.appointment_id', 'v.provider_id', 'v.date', 'v.time', 'v.notes',
      'v.version', 'v.created_at', 'v.updated_at', 'pt.first_name', 'pt.last_name', 'pt.chart_number',
      'u.display_name as provider_name', 't.currency',
    ])
    .select([
      sql<number>`(select count(*) ${ofVisit} and pr.status != 'CANCELLED')`.as('procedure_count'),
      sql<number>`(select coalesce(sum(pr.unit_fee * pr.quantity), 0) ${ofVisit} and pr.status != 'CANCELLED')`.as('total_cost'),
      sql<VisitStatus>`(select case
        when count(*) = 0 then 'PLANNED'
        when ${countWhere(sql`pr.status != 'CANCELLED'`)} = 0 then 'CANCELLED'
        when ${countWhere(sql`pr.status not in ('COMPLETED','CANCELLED')`)} = 0 then 'COMPLETED'
        when ${countWhere(sql`pr.status not in ('PLANNED','CANCELLED')`)} = 0 then 'PLANNED'
        else 'IN_PROGRESS' end ${ofVisit})`.as('status'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryBase>['execute']>>[number];

function toSummary(r: SummaryRow): VisitSummary {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: `${r.last_name}, ${r.first_name}`,
    chartNumber: r.chart_number,
    appointmentId: r.appointment_id,
    providerId: r.provider_id,
    providerName: r.provider_name,
    date: r.date,
    time: r.time,
    notes: r.notes,
    status: r.status,
    procedureCount: Number(r.procedure_count ?? 0),
    totalCost: Number(r.total_cost),
    currency: r.currency,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findVisitSummary(db: Queryable, tenantId: string, id: string): Promise<VisitSummary | undefined> {
  const row = await summaryBase(db, tenantId).where('v.id', '=', id).executeTakeFirst();
  return row && toSummary(row);
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

export async function listVisitSummaries(
  db: Queryable,
  tenantId: string,
  filter: VisitFilter,
  paging: { page: number; size: number; sort: { field: keyof typeof SORT_COLUMNS; dir: 'asc' | 'desc' } },
): Promise<{ total: number; items: VisitSummary[] }> {
  let inner = summaryBase(db, tenantId);
  if (filter.patientId) inner = inner.where('v.patient_id', '=', filter.patientId);
  if (filter.providerId) inner = inner.where('v.provider_id', '=', filter.providerId);
  if (filter.from) inner = inner.where('v.date', '>=', filter.from);
  if (filter.to) inner = inner.where('v.date', '<=', filter.to);
  if (filter.code) {
    const code = filter.code;
    inner = inner.where(({ exists, selectFrom }) =>
      exists(selectFrom('procedures as c').select('c.id').whereRef('c.visit_id', '=', 'v.id').where('c.code', '=', code)),
    );
  }
  let outer = db.selectFrom(inner.as('s')) as unknown as SelectQueryBuilder<{ s: SummaryRow }, 's', object>;
  if (filter.status) outer = outer.where('s.status', '=', filter.status);

  // Without a status filter the count needs no procedure at all.
  const counted = filter.status ? outer : db.selectFrom(inner.clearSelect().select('v.id').as('s'));
  const { total } = await counted.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let page = outer.selectAll('s');
  for (const col of SORT_COLUMNS[paging.sort.field]) page = page.orderBy(`s.${col}`, paging.sort.dir);
  const rows = await page
    // Same direction as the sort, so the (tenant_id, date, time, id) index serves it whole.
    .orderBy('s.id', paging.sort.dir)
    .limit(paging.size)
    .offset((paging.page - 1) * paging.size)
    .execute();
  return { total: Number(total), items: (rows as SummaryRow[]).map(toSummary) };
}
