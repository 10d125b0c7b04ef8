import type { Insertable, Transaction } from 'kysely';
import type { Queryable } from '../context';
import type { DB, TenantsTable } from '../db/schema';

/** Whether any practice exists yet in this file (first-run setup until one does). */
export async function anyTenant(db: Queryable): Promise<boolean> {
  return Boolean(await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst());
}

export async function insertTenant(trx: Transaction<DB>, row: Insertable<TenantsTable>): Promise<void> {
  await trx.insertInto('tenants').values(row).execute();
}
