import { sql } from 'kysely';
import type { ProcedureStatus } from '../../../shared/domain/status';
import type { ProcedureSummaryReport } from '../../../shared/types';
import type { JobContext } from '../worker/job-context';
import type { JobArgs } from '../worker/protocol';

/** Counts and totals by status over a date range; runs in a job worker, never on the main loop. */
export function procedureSummary(ctx: JobContext, job: JobArgs['procedureSummary']): ProcedureSummaryReport {
  const byStatus = ctx.db
    .selectFrom('procedures as pr')
    .innerJoin('visits as v', 'v.id', 'pr.visit_id')
    .select(['pr.status', (eb) => eb.fn.countAll<number>().as('count'), sql<number>`coalesce(sum(pr.unit_fee * pr.quantity), 0)`.as('total')])
    .where('v.tenant_id', '=', job.tenantId)
    .where('v.date', '>=', job.from)
    .where('v.date', '<=', job.to)
    .groupBy('pr.status')
    .orderBy('pr.status')
    .compile();
  const rows = ctx.sqlite.prepare(byStatus.sql).all(...byStatus.parameters) as { status: ProcedureStatus; count: number; total: number }[];
  const currency = ctx.db.selectFrom('tenants').select('currency').where('id', '=', job.tenantId).compile();
  const tenant = ctx.sqlite.prepare(currency.sql).get(...currency.parameters) as { currency: string };
  return {
    from: job.from,
    to: job.to,
    rows,
    production: rows.find((r) => r.status === 'COMPLETED')?.total ?? 0,
    currency: tenant.currency,
  };
}
