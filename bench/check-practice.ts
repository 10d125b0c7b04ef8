/**
 * The checks a generated (or imported) practice must pass: SQLite's own
 * integrity and foreign key checks, the audit chain recomputed from the
 * first event, and every visit's derived status, count and total against
 * its procedures. Read-only: the file is left exactly as it was.
 */
import { verifyChain } from '../electron/core/audit/chain';
import { createKysely, openSqlite } from '../electron/core/db/connection';

export interface PracticeCheck {
  ok: boolean;
  integrity: string;
  foreignKeyViolations: number;
  audit: { checked: number; ok: boolean; brokenAt: number | null };
  visitsOutOfStep: number;
  /** Practice and status pairs whose kept count differs from counting the visits. */
  visitCountsOff: number;
  seconds: number;
}

export async function checkPractice(file: string, tenantId: string): Promise<PracticeCheck> {
  const started = performance.now();
  const sqlite = openSqlite(file, { readonly: true });
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const foreignKeyViolations = (sqlite.pragma('foreign_key_check') as unknown[]).length;
    const db = createKysely(sqlite);
    const audit = verifyChain({ sqlite, db, progress: () => {}, checkCancelled: () => {} }, tenantId);
    const { n } = sqlite
      .prepare(
        `SELECT count(*) AS n FROM visits v LEFT JOIN visit_derived d ON d.visit_id = v.id
          WHERE v.status != coalesce(d.status, 'PLANNED') OR v.procedure_count != coalesce(d.procedure_count, 0)
             OR v.total_cost != coalesce(d.total_cost, 0)`,
      )
      .get() as { n: number };
    // The per-practice counts the visit lists read their totals from.
    const { miscounted } = sqlite
      .prepare(
        `SELECT count(*) AS miscounted FROM (SELECT tenant_id, status, count(*) AS n FROM visits GROUP BY tenant_id, status) v
          FULL JOIN visit_counts c USING (tenant_id, status) WHERE coalesce(c.n, 0) != coalesce(v.n, 0)`,
      )
      .get() as { miscounted: number };
    return {
      ok: integrity === 'ok' && foreignKeyViolations === 0 && audit.ok && n === 0 && miscounted === 0,
      integrity,
      foreignKeyViolations,
      audit,
      visitsOutOfStep: n,
      visitCountsOff: miscounted,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    sqlite.close();
  }
}
