import type { ProcedureStatus } from '../../../shared/domain/status';
import type { ProcedureSummaryReport } from '../../../shared/types';
import type { Sqlite } from '../db/connection';

export interface SummaryJob {
  tenantId: string;
  from: string;
  to: string;
}

/** Runs on a read-only connection inside the worker (worker/readonly.worker.ts), never on the main loop. */
export function procedureSummary(db: Sqlite, job: SummaryJob): ProcedureSummaryReport {
  const rows = db
    .prepare(
      `SELECT pr.status AS status, count(*) AS count, coalesce(sum(pr.unit_fee * pr.quantity), 0) AS total
         FROM procedures pr JOIN visits v ON v.id = pr.visit_id
        WHERE v.tenant_id = ? AND v.date BETWEEN ? AND ?
        GROUP BY pr.status ORDER BY pr.status`,
    )
    .all(job.tenantId, job.from, job.to) as { status: ProcedureStatus; count: number; total: number }[];
  const tenant = db.prepare('SELECT currency FROM tenants WHERE id = ?').get(job.tenantId) as { currency: string };
  return {
    from: job.from,
    to: job.to,
    rows,
    production: rows.find((r) => r.status === 'COMPLETED')?.total ?? 0,
    currency: tenant.currency,
  };
}
