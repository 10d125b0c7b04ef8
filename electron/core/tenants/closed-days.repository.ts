import type { ClosedDay } from '../../../shared/types';
import type { Queryable } from '../context';

/** The practice's closed days on or after a day (all of them without one), by date. */
export async function listClosedDays(db: Queryable, tenantId: string, from?: string, to?: string): Promise<ClosedDay[]> {
  let q = db.selectFrom('closed_days').select(['day', 'note']).where('tenant_id', '=', tenantId);
  if (from) q = q.where('day', '>=', from);
  if (to) q = q.where('day', '<=', to);
  return q.orderBy('day').execute();
}

/** The closed days a turnaround starting on `from` may cross: a set for addWorkingDays. */
export async function closedDaysAfter(db: Queryable, tenantId: string, from: string): Promise<Set<string>> {
  // Two years ahead covers any turnaround (at most 365 working days) plus the holidays in between.
  const to = `${Number(from.slice(0, 4)) + 2}${from.slice(4)}`;
  return new Set((await listClosedDays(db, tenantId, from, to)).map((d) => d.day));
}
