/**
 * What is on the shelf: every lot of a received order with what is left of
 * it, summed per product over the lots that have not expired, and compared
 * with the threshold the practice set for that product.
 */
import type { StockLot, StockProduct } from '../../../shared/types';
import { write } from '../change';
import type { AuthedContext } from '../context';

export async function list(ctx: AuthedContext, input: { productId?: string | undefined; lowOnly: boolean; includeEmpty: boolean }): Promise<StockProduct[]> {
  const { db } = ctx.core;
  const tenantId = ctx.session.tenantId;
  const today = ctx.core.now().toISOString().slice(0, 10);
  let q = db
    .selectFrom('order_items as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .select(['i.id', 'i.order_id', 'i.product_id', 'i.product_name', 'i.quantity', 'i.lot_number', 'i.expiry_date', 'o.supplier', 'o.order_number', 'o.received_date'])
    .select((eb) =>
      eb.fn
        .coalesce(eb.selectFrom('treatment_records as tr').select((e) => e.fn.sum<number>('tr.quantity_used').as('u')).whereRef('tr.order_item_id', '=', 'i.id'), eb.lit(0))
        .as('used'),
    )
    .where('i.tenant_id', '=', tenantId)
    .where('o.status', '=', 'RECEIVED');
  if (input.productId) q = q.where('i.product_id', '=', input.productId);
  const rows = await q.orderBy('i.product_id').orderBy('i.expiry_date').orderBy('o.received_date').execute();
  const thresholds = new Map(
    (await db.selectFrom('product_settings').select(['product_id', 'low_stock_threshold']).where('tenant_id', '=', tenantId).execute()).map((s) => [s.product_id, s.low_stock_threshold]),
  );
  const products = new Map<string, StockProduct>();
  for (const r of rows) {
    const used = Number(r.used);
    const lot: StockLot = {
      orderItemId: r.id,
      orderId: r.order_id,
      supplier: r.supplier,
      orderNumber: r.order_number,
      receivedDate: r.received_date,
      lotNumber: r.lot_number,
      expiryDate: r.expiry_date,
      quantity: r.quantity,
      used,
      remaining: r.quantity - used,
      expired: r.expiry_date !== null && r.expiry_date < today,
    };
    const product = products.get(r.product_id) ?? { productId: r.product_id, productName: r.product_name, usable: 0, threshold: thresholds.get(r.product_id) ?? null, low: false, lots: [] };
    product.lots.push(lot);
    if (!lot.expired) product.usable += lot.remaining;
    products.set(r.product_id, product);
  }
  const out: StockProduct[] = [];
  for (const p of products.values()) {
    p.low = p.threshold !== null && p.usable <= p.threshold;
    if (!input.includeEmpty) p.lots = p.lots.filter((l) => l.remaining > 0);
    if (input.lowOnly && !p.low) continue;
    if (!input.includeEmpty && p.lots.length === 0 && !p.low) continue;
    out.push(p);
  }
  return out.sort((a, b) => a.productName.localeCompare(b.productName) || a.productId.localeCompare(b.productId));
}

export function setThreshold(ctx: AuthedContext, input: { productId: string; threshold: number | null }): Promise<{ productId: string; threshold: number | null }> {
  return write(ctx, async (c) => {
    const before = await c.trx.selectFrom('product_settings').select('low_stock_threshold').where('tenant_id', '=', c.tenantId).where('product_id', '=', input.productId).executeTakeFirst();
    const threshold = input.threshold;
    if (threshold === null) {
      await c.trx.deleteFrom('product_settings').where('tenant_id', '=', c.tenantId).where('product_id', '=', input.productId).execute();
    } else {
      await c.trx
        .insertInto('product_settings')
        .values({ tenant_id: c.tenantId, product_id: input.productId, low_stock_threshold: threshold, updated_at: c.now })
        .onConflict((oc) => oc.columns(['tenant_id', 'product_id']).doUpdateSet({ low_stock_threshold: threshold, updated_at: c.now }))
        .execute();
    }
    return {
      result: input,
      audit: { entity: 'productSettings', entityId: input.productId, action: 'update', before: { threshold: before?.low_stock_threshold ?? null }, after: { threshold: input.threshold } },
    };
  });
}
