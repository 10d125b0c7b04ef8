import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { SiteKind } from '../../../shared/domain/fee-schedule';
import type { FeeScheduleEntry } from '../../../shared/types';
import type { Queryable } from '../context';
import type { DB, FeeScheduleTable } from '../db/schema';
import { updateVersioned, type VersionKey } from '../db/versioned';



export function toEntry(r: Selectable<FeeScheduleTable>): FeeScheduleEntry {
  return {
    id: r.id,
    code: r.code,
    shortName: r.short_name,
    defaultFee: r.default_fee,
    defaultMinutes: r.default_minutes,
    siteKind: r.site_kind as SiteKind,
    surfaceCount: r.surface_count,
    surfaceCountOrMore: r.surface_count_or_more === 1,
    retiredAt: r.retired_at,
    version: r.version,
  };
}

export async function listSchedule(db: Queryable, tenantId: string): Promise<FeeScheduleEntry[]> {
  const rows = await db.selectFrom('fee_schedule').selectAll().where('tenant_id', '=', tenantId).orderBy('code').execute();
  return rows.map(toEntry);
}

export async function findEntry(db: Queryable, tenantId: string, id: string): Promise<FeeScheduleEntry | undefined> {
  const r = await db.selectFrom('fee_schedule').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return r && toEntry(r);
}

export async function findEntryByCode(db: Queryable, tenantId: string, code: string): Promise<FeeScheduleEntry | undefined> {
  const r = await db.selectFrom('fee_schedule').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
  return r && toEntry(r);
}

export async function insertEntries(trx: Transaction<DB>, rows: Insertable<FeeScheduleTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('fee_schedule').values(rows).execute();
}

export function updateEntry(trx: Transaction<DB>, key: VersionKey, values: Updateable<FeeScheduleTable>, now: string) {
  return updateVersioned(trx, 'fee_schedule', key, values, now, 'fee schedule code');
}

/** Practices whose file predates the fee schedule (or that never had one). */
export async function tenantsWithoutSchedule(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectFrom('tenants as t')
    .select('t.id')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('fee_schedule as f').select('f.id').whereRef('f.tenant_id', '=', 't.id'))))
    .execute();
  return rows.map((r) => r.id);
}
