/**
 * Supply orders: what was ordered, received (with lot numbers and expiry
 * dates) or cancelled. An order is never deleted: its lots tell which patients
 * a product went into. It is cancelled only while nothing from it was used.
 */
import type { Order, OrderStatus, OrderSummary, Page } from '../../../shared/types';
import { type Change, write } from '../change';
import type { AuthedContext } from '../context';
import { conflict, illegal, invalid, notFound } from '../errors';
import { findOrder, findOrderRow, insertOrder, insertOrderItem, listOrderItems, listOrders, toOrder, updateOrder, updateOrderItem } from './orders.repository';

export interface OrderItemFields {
  id?: string | undefined;
  productId: string;
  productName: string;
  quantity: number;
  unitCost: number | null;
  lotNumber: string | null;
  expiryDate: string | null;
}

export interface OrderFields {
  supplier: string;
  orderNumber: string | null;
  orderDate: string;
  notes: string | null;
  items: OrderItemFields[];
}

const today = (c: Change) => c.now.slice(0, 10);

async function reread(c: Change, id: string): Promise<Order> {
  return (await findOrder(c.trx, c.tenantId, id))!;
}

/** Loads an order for a change: in this practice, the version the caller read, not cancelled. */
async function openOrder(c: Change, ref: { id: string; version: number }) {
  const row = await findOrderRow(c.trx, c.tenantId, ref.id);
  if (!row) throw notFound('Order');
  if (row.version !== ref.version) throw conflict('order');
  if (row.status === 'CANCELLED') throw illegal(`This order was cancelled on ${row.cancelled_date}: it is history and cannot change.`);
  return toOrder(row, await listOrderItems(c.trx, c.tenantId, ref.id));
}

function checkDates(c: Change, f: OrderFields) {
  if (f.orderDate > today(c)) throw invalid('orderDate', 'An order cannot be dated in the future.');
}

export function get(ctx: AuthedContext, input: { id: string }): Promise<Order> {
  return findOrder(ctx.core.db, ctx.session.tenantId, input.id).then((o) => {
    if (!o) throw notFound('Order');
    return o;
  });
}

export async function list(ctx: AuthedContext, input: { status?: OrderStatus | undefined; supplier?: string | undefined; page: number; size: number }): Promise<Page<OrderSummary>> {
  const { items, total } = await listOrders(ctx.core.db, ctx.session.tenantId, input);
  return { items, total, page: input.page, size: input.size };
}

export function create(ctx: AuthedContext, input: OrderFields): Promise<Order> {
  return write(ctx, async (c) => {
    checkDates(c, input);
    if (input.items.some((i) => i.id)) throw invalid('items', 'A new order’s items have no ids yet.');
    const id = c.newId();
    await insertOrder(c.trx, { id, tenant_id: c.tenantId, supplier: input.supplier, order_number: input.orderNumber, order_date: input.orderDate, notes: input.notes, status: 'ORDERED', ...c.stamps() });
    for (const item of input.items) await addItem(c, id, item);
    const after = await reread(c, id);
    return { result: after, audit: { entity: 'order', entityId: id, action: 'create', after } };
  });
}

async function addItem(c: Change, orderId: string, item: OrderItemFields) {
  await insertOrderItem(c.trx, {
    id: c.newId(),
    tenant_id: c.tenantId,
    order_id: orderId,
    product_id: item.productId,
    product_name: item.productName,
    quantity: item.quantity,
    unit_cost: item.unitCost,
    lot_number: item.lotNumber,
    expiry_date: item.expiryDate,
    ...c.stamps(),
  });
}

/**
 * The header and the whole item list at once. An item something was used
 * from keeps its product, and its quantity never drops below what was used;
 * it cannot be removed.
 */
export function update(ctx: AuthedContext, input: OrderFields & { id: string; version: number }): Promise<Order> {
  return write(ctx, async (c) => {
    const before = await openOrder(c, input);
    checkDates(c, input);
    if (before.receivedDate && input.orderDate > before.receivedDate) throw invalid('orderDate', `The order date is after the day it was received (${before.receivedDate}).`);
    const existing = new Map(before.items.map((i) => [i.id, i]));
    const kept = new Set<string>();
    for (const [index, item] of input.items.entries()) {
      if (!item.id) {
        await addItem(c, input.id, item);
        continue;
      }
      const was = existing.get(item.id);
      if (!was) throw notFound('That item', `items.${index}.id`);
      kept.add(item.id);
      if (was.used > 0 && item.productId !== was.productId) throw invalid(`items.${index}.productId`, `${was.used} of ${was.productName} were used on patients: its product cannot change.`);
      if (item.quantity < was.used) throw invalid(`items.${index}.quantity`, `${was.used} were already used on patients: the quantity cannot be less.`);
      await updateOrderItem(
        c.trx,
        { tenantId: c.tenantId, id: item.id, version: was.version },
        { product_id: item.productId, product_name: item.productName, quantity: item.quantity, unit_cost: item.unitCost, lot_number: item.lotNumber, expiry_date: item.expiryDate },
        c.now,
      );
    }
    for (const was of before.items) {
      if (kept.has(was.id)) continue;
      if (was.used > 0) throw illegal(`${was.productName} cannot be taken off the order: ${was.used} were used on patients.`);
      await c.trx.deleteFrom('order_items').where('tenant_id', '=', c.tenantId).where('id', '=', was.id).execute();
    }
    await updateOrder(
      c.trx,
      { tenantId: c.tenantId, id: input.id, version: input.version },
      { supplier: input.supplier, order_number: input.orderNumber, order_date: input.orderDate, notes: input.notes },
      c.now,
    );
    const after = await reread(c, input.id);
    return { result: after, audit: { entity: 'order', entityId: input.id, action: 'update', before, after } };
  });
}

export function receive(
  ctx: AuthedContext,
  input: { id: string; version: number; receivedDate?: string | undefined; lots: { id: string; lotNumber: string | null; expiryDate: string | null }[] },
): Promise<Order> {
  return write(ctx, async (c) => {
    const before = await openOrder(c, input);
    if (before.status !== 'ORDERED') throw illegal(`This order was already received on ${before.receivedDate}.`);
    const day = input.receivedDate ?? today(c);
    if (day > today(c)) throw invalid('receivedDate', 'That day is in the future: record the delivery on the day it came.');
    if (day < before.orderDate) throw invalid('receivedDate', `That day is before the order was placed (${before.orderDate}).`);
    const items = new Map(before.items.map((i) => [i.id, i]));
    for (const [index, lot] of input.lots.entries()) {
      const item = items.get(lot.id);
      if (!item) throw notFound('That item', `lots.${index}.id`);
      await updateOrderItem(c.trx, { tenantId: c.tenantId, id: lot.id, version: item.version }, { lot_number: lot.lotNumber, expiry_date: lot.expiryDate }, c.now);
    }
    await updateOrder(c.trx, { tenantId: c.tenantId, id: input.id, version: input.version }, { status: 'RECEIVED', received_date: day }, c.now);
    const after = await reread(c, input.id);
    return { result: after, audit: { entity: 'order', entityId: input.id, action: 'receive', before: { status: before.status }, after } };
  });
}

export function cancel(ctx: AuthedContext, input: { id: string; version: number; reason: string }): Promise<Order> {
  return write(ctx, async (c) => {
    const before = await openOrder(c, input);
    const used = before.items.filter((i) => i.used > 0);
    if (used.length) {
      throw illegal(`Products from this order were used on patients (${used.map((i) => `${i.used} ${i.productName}`).join(', ')}): it stays on record and cannot be cancelled.`);
    }
    await updateOrder(c.trx, { tenantId: c.tenantId, id: input.id, version: input.version }, { status: 'CANCELLED', cancelled_date: today(c), cancel_reason: input.reason }, c.now);
    const after = await reread(c, input.id);
    return { result: after, audit: { entity: 'order', entityId: input.id, action: 'cancel', before: { status: before.status }, after: { status: 'CANCELLED', reason: input.reason } } };
  });
}
