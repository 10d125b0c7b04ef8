import type { Queryable } from '../context';

export function findAppointment(db: Queryable, tenantId: string, id: string) {
  return db.selectFrom('appointments').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}
