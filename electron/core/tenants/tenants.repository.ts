import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Formats, NameOrder, PracticeSettings, TimeFormat } from '../../../shared/types';
import type { Queryable } from '../context';
import type { DB, TenantsTable } from '../db/schema';
import { updateVersioned, type VersionKey } from '../db/versioned';

/** Whether any practice exists yet in this file (first-run setup until one does). */
export async function anyTenant(db: Queryable): Promise<boolean> {
  return Boolean(await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst());
}

export async function insertTenant(trx: Transaction<DB>, row: Insertable<TenantsTable>): Promise<void> {
  await trx.insertInto('tenants').values(row).execute();
}

export function toFormats(r: { locale: string; time_format: string; name_order: string }): Formats {
  return { locale: r.locale, timeFormat: r.time_format as TimeFormat, nameOrder: r.name_order as NameOrder };
}

export async function findPractice(db: Queryable, tenantId: string): Promise<PracticeSettings | undefined> {
  const r = await db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
  return r && { name: r.name, currency: r.currency, version: r.version, ...toFormats(r) };
}

export function updatePractice(trx: Transaction<DB>, key: VersionKey, values: Updateable<TenantsTable>, now: string) {
  return updateVersioned(trx, 'tenants', key, values, now, 'practice settings');
}
