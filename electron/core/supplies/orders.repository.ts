import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Order, OrderItem, OrderStatus, OrderSummary } from '../../../shared/types';
import type { Queryable } from '../context';
import type { DB, OrderItemsTable, OrdersTable } from '../db/schema';
import { updateVersioned, type VersionKey } from '../db/versioned';

/** Units of each item recorded as used on patients. */
function usedByItem(db: Queryable, tenantId: string) {
  return db
    .selectFrom('treatment_records')
    .select(['order_item_id', (eb) => eb.fn.sum<number>('quantity_used').as('used')])
    .where('tenant_id', '=', tenantId)
    .where('order_item_id', 'is not', null)
    .groupBy('order_item_id');
}

export async function findOrderRow(db: Queryable, tenantId: string, id: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('tenants as t', 't.id', 'o.tenant_id')
    .selectAll('o')
    .select('t.currency')
    .where('o.tenant_id', '=', tenantId)
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export type OrderRow = NonNullable<Awaited<ReturnType<typeof findOrderRow>>>;

export async function listOrderItems(db: Queryable, tenantId: string, orderId: string): Promise<OrderItem[]> {
  const rows = await db
    .selectFrom('order_items as i')
    .leftJoin(usedByItem(db, tenantId).as('u'), 'u.order_item_id', 'i.id')
    .selectAll('i')
    .select((eb) => eb.fn.coalesce('u.used', eb.lit(0)).as('used'))
    .where('i.tenant_id', '=', tenantId)
    .where('i.order_id', '=', orderId)
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    productName: r.product_name,
    quantity: r.quantity,
    unitCost: r.unit_cost,
    lotNumber: r.lot_number,
    expiryDate: r.expiry_date,
    used: Number(r.used),
    remaining: r.quantity - Number(r.used),
    version: r.version,
  }));
}

const costOf = (items: readonly { quantity: number; unitCost: number | null }[]) => items.reduce((sum, i) => sum + (i.unitCost === null ? 0 : i.unitCost * i.quantity), 0);

export function toOrder(r: OrderRow, items: OrderItem[]): Order {
  return {
    id: r.id,
    supplier: r.supplier,
    orderNumber: r.order_number,
    orderDate: r.order_date,
    receivedDate: r.received_date,
    status: r.status,
    cancelledDate: r.cancelled_date,
    cancelReason: r.cancel_reason,
    notes: r.notes,
    items,
    totalCost: costOf(items),
    currency: r.currency,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findOrder(db: Queryable, tenantId: string, id: string): Promise<Order | undefined> {
  const row = await findOrderRow(db, tenantId, id);
  return row && toOrder(row, await listOrderItems(db, tenantId, id));
}

export async function listOrders(
  db: Queryable,
  tenantId: string,
  f: { status?: OrderStatus | undefined; supplier?: string | undefined; page: number; size: number },
): Promise<{ items: OrderSummary[]; total: number }> {
  let q = db.selectFrom('orders as o').innerJoin('tenants as t', 't.id', 'o.tenant_id').where('o.tenant_id', '=', tenantId);
  if (f.status) q = q.where('o.status', '=', f.status);
  // Part of the name, whatever its case; instr() needs no escaping of % or _.
  const supplier = f.supplier?.toLowerCase();
  if (supplier) q = q.where((eb) => eb(eb.fn('instr', [eb.fn('lower', ['o.supplier']), eb.val(supplier)]), '>', 0));
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('o')
    .select('t.currency')
    .select((eb) => [
      eb.selectFrom('order_items as i').select((e) => e.fn.countAll<number>().as('n')).whereRef('i.order_id', '=', 'o.id').as('item_count'),
      eb
        .selectFrom('order_items as i')
        .select((e) => e.fn.coalesce(e.fn.sum<number>(e('i.quantity', '*', e.ref('i.unit_cost'))), e.lit(0)).as('c'))
        .whereRef('i.order_id', '=', 'o.id')
        .as('total_cost'),
    ])
    .orderBy('o.order_date', 'desc')
    .orderBy('o.id')
    .limit(f.size)
    .offset((f.page - 1) * f.size)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => {
      const { items: _items, ...order } = toOrder(r, []);
      return { ...order, totalCost: Number(r.total_cost ?? 0), itemCount: Number(r.item_count ?? 0) };
    }),
  };
}

export async function insertOrder(trx: Transaction<DB>, row: Insertable<OrdersTable>): Promise<void> {
  await trx.insertInto('orders').values(row).execute();
}

export async function insertOrderItem(trx: Transaction<DB>, row: Insertable<OrderItemsTable>): Promise<void> {
  await trx.insertInto('order_items').values(row).execute();
}

export function updateOrder(trx: Transaction<DB>, key: VersionKey, values: Updateable<OrdersTable>, now: string) {
  return updateVersioned(trx, 'orders', key, values, now, 'order');
}

export function updateOrderItem(trx: Transaction<DB>, key: VersionKey, values: Updateable<OrderItemsTable>, now: string) {
  return updateVersioned(trx, 'order_items', key, values, now, 'order item');
}
