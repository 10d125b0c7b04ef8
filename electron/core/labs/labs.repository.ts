import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { Lab } from '../../../shared/types';
import type { Queryable } from '../context';
import type { DB, LabsTable } from '../db/schema';
import { updateVersioned, type VersionKey } from '../db/versioned';

export function toLab(r: Selectable<LabsTable>): Lab {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    email: r.email,
    address: r.address,
    notes: r.notes,
    turnaroundDays: r.turnaround_days,
    hidden: r.archived_at !== null,
    version: r.version,
  };
}

export async function listLabs(db: Queryable, tenantId: string, includeHidden: boolean): Promise<Lab[]> {
  let q = db.selectFrom('labs').selectAll().where('tenant_id', '=', tenantId);
  if (!includeHidden) q = q.where('archived_at', 'is', null);
  return (await q.orderBy('name').orderBy('id').execute()).map(toLab);
}

export async function findLab(db: Queryable, tenantId: string, id: string) {
  return db.selectFrom('labs').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function findLabByName(db: Queryable, tenantId: string, name: string) {
  // The same name in other letter case is the same lab to the front desk.
  return db.selectFrom('labs').select(['id', 'name']).where('tenant_id', '=', tenantId).where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).executeTakeFirst();
}

export async function insertLab(trx: Transaction<DB>, row: Insertable<LabsTable>): Promise<void> {
  await trx.insertInto('labs').values(row).execute();
}

export function updateLab(trx: Transaction<DB>, key: VersionKey, values: Updateable<LabsTable>, now: string) {
  return updateVersioned(trx, 'labs', key, values, now, 'lab');
}
