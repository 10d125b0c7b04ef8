/**
 * Supply orders and stock on a real SQLite file: an order is received with
 * its lots, counted on the shelf per product (expired lots apart, a low-stock
 * threshold), edited without losing what was used, and cancelled only while
 * nothing from it went into a patient.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { digest } from './contract/world';
import { clinic } from './clinic';
import { createTestApp, type TestApp } from './harness';

let app: TestApp;
afterEach(() => app.close());

const composite = { productId: 'CMP-A2', productName: 'Composite A2, 4 g', quantity: 10, unitCost: 2450 };
const lidocaine = { productId: 'LID-2', productName: 'Lidocaine 2%, cartridge', quantity: 50, unitCost: 65 };

async function setup() {
  app = createTestApp();
  const c = await clinic(app);
  const order = await app.call('orders.create', { supplier: 'Henley Dental Supply', orderNumber: 'HDS-1', orderDate: '2026-02-20', items: [composite, lidocaine] }, c.admin);
  /** What a treatment record does to a lot, written as the core's treatment records will (issue 10's next step). */
  const use = async (orderItemId: string, quantity: number) => {
    const tenantId = (await app.call('session.state', {}, c.admin)).user!.tenantId;
    const item = order.items.find((i) => i.id === orderItemId)!;
    const now = '2026-03-02T09:00:00Z';
    await app.core.db
      .insertInto('treatment_records')
      .values({
        id: app.core.newId(), tenant_id: tenantId, patient_id: c.patient.id, order_id: order.id, order_item_id: orderItemId, procedure_id: null,
        product_id: item.productId, product_name: item.productName, quantity_used: quantity, date_applied: '2026-03-02', diagnosis: null,
        procedure_performed: null, wound_location: null, doctor_notes: null, recorded_by: (await app.call('session.state', {}, c.admin)).user!.id,
        created_at: now, updated_at: now,
      })
      .execute();
  };
  return { c, order, use };
}

describe('supply orders', () => {
  it('records an order with its items and cost, finds it by status and part of the supplier’s name', async () => {
    const { c, order } = await setup();
    expect(order).toMatchObject({ status: 'ORDERED', supplier: 'Henley Dental Supply', totalCost: 10 * 2450 + 50 * 65, receivedDate: null, currency: 'EUR' });
    expect(order.items.map((i) => [i.productId, i.quantity, i.used, i.remaining])).toEqual([['CMP-A2', 10, 0, 10], ['LID-2', 50, 0, 50]]);
    const listed = await app.call('orders.list', { status: 'ORDERED', supplier: 'HENLEY' }, c.admin);
    expect(listed).toMatchObject({ total: 1, items: [{ id: order.id, itemCount: 2, totalCost: 27_750 }] });
    expect((await app.call('orders.list', { status: 'RECEIVED' }, c.admin)).total).toBe(0);
    expect((await app.fail('orders.create', { supplier: 'X', orderDate: '2026-03-03', items: [composite] }, c.admin)).issues).toEqual([
      { path: 'orderDate', message: 'An order cannot be dated in the future.' },
    ]);
  });

  it('receives the box once, with the lots and expiry dates read off it, never before the order or in the future', async () => {
    const { c, order } = await setup();
    const [a, b] = order.items;
    const early = await app.fail('orders.receive', { id: order.id, version: 1, receivedDate: '2026-02-19' }, c.admin);
    expect(early.issues).toEqual([{ path: 'receivedDate', message: 'That day is before the order was placed (2026-02-20).' }]);
    expect((await app.fail('orders.receive', { id: order.id, version: 1, receivedDate: '2026-03-03' }, c.admin)).issues![0]!.path).toBe('receivedDate');
    const received = await app.call(
      'orders.receive',
      { id: order.id, version: 1, lots: [{ id: a!.id, lotNumber: 'L2406-118', expiryDate: '2027-06-30' }, { id: b!.id, lotNumber: 'LD24-7781', expiryDate: '2026-02-28' }] },
      c.admin,
    );
    expect(received).toMatchObject({ status: 'RECEIVED', receivedDate: '2026-03-02' });
    expect(received.items.map((i) => [i.lotNumber, i.expiryDate])).toEqual([['L2406-118', '2027-06-30'], ['LD24-7781', '2026-02-28']]);
    const before = digest(app);
    expect(await app.fail('orders.receive', { id: order.id, version: received.version }, c.admin)).toEqual({ code: 'ILLEGAL_TRANSITION', message: 'This order was already received on 2026-03-02.' });
    expect(digest(app)).toBe(before);
  });

  it('counts stock per product over received lots, leaves expired ones out, and flags a product at its threshold', async () => {
    const { c, order, use } = await setup();
    const [a, b] = order.items;
    expect(await app.call('stock.list', {}, c.admin)).toEqual([]);
    await app.call('orders.receive', { id: order.id, version: 1, lots: [{ id: a!.id, lotNumber: 'L1', expiryDate: '2027-06-30' }, { id: b!.id, lotNumber: 'L2', expiryDate: '2026-02-28' }] }, c.admin);
    const second = await app.call('orders.create', { supplier: 'Harbour Supplies', orderDate: '2026-03-01', items: [{ ...composite, quantity: 4 }] }, c.admin);
    await app.call('orders.receive', { id: second.id, version: 1, lots: [{ id: second.items[0]!.id, lotNumber: 'L3', expiryDate: '2027-01-31' }] }, c.admin);
    await use(a!.id, 7);

    const stock = await app.call('stock.list', {}, c.admin);
    const byProduct = Object.fromEntries(stock.map((p) => [p.productId, p]));
    expect(byProduct['CMP-A2']).toMatchObject({ usable: 3 + 4, low: false, threshold: null });
    expect(byProduct['CMP-A2']!.lots.map((l) => [l.lotNumber, l.remaining])).toEqual([['L3', 4], ['L1', 3]]);
    expect(byProduct['LID-2']).toMatchObject({ usable: 0, lots: [{ lotNumber: 'L2', remaining: 50, expired: true }] });

    await app.call('stock.setThreshold', { productId: 'CMP-A2', threshold: 7 }, c.admin);
    expect((await app.call('stock.list', { lowOnly: true }, c.admin)).map((p) => [p.productId, p.usable, p.threshold, p.low])).toEqual([['CMP-A2', 7, 7, true]]);
    await app.call('stock.setThreshold', { productId: 'CMP-A2', threshold: null }, c.admin);
    expect(await app.call('stock.list', { lowOnly: true }, c.admin)).toEqual([]);
  });

  it('edits an order without losing what was used from it', async () => {
    const { c, order, use } = await setup();
    const received = await app.call('orders.receive', { id: order.id, version: 1 }, c.admin);
    const [a, b] = received.items;
    await use(a!.id, 6);
    const base = { id: order.id, version: received.version, supplier: 'Henley Dental Supply', orderDate: '2026-02-20' };
    const keep = (over: Record<string, unknown> = {}) => [{ ...composite, id: a!.id, ...over }, { ...lidocaine, id: b!.id }];
    const less = await app.fail('orders.update', { ...base, items: keep({ quantity: 5 }) }, c.admin);
    expect(less.issues).toEqual([{ path: 'items.0.quantity', message: '6 were already used on patients: the quantity cannot be less.' }]);
    const other = await app.fail('orders.update', { ...base, items: keep({ productId: 'CMP-B1' }) }, c.admin);
    expect(other.issues![0]!.path).toBe('items.0.productId');
    const dropped = await app.fail('orders.update', { ...base, items: [{ ...lidocaine, id: b!.id }] }, c.admin);
    expect(dropped.message).toBe('Composite A2, 4 g cannot be taken off the order: 6 were used on patients.');
    // The unused item can go, and one can be added.
    const edited = await app.call('orders.update', { ...base, notes: 'Backorder arrived', items: [{ ...composite, id: a!.id, quantity: 8 }, { productId: 'BIB-1', productName: 'Bibs', quantity: 500, unitCost: null }] }, c.admin);
    expect(edited.items.map((i) => [i.productId, i.quantity, i.used])).toEqual([['CMP-A2', 8, 6], ['BIB-1', 500, 0]]);
    expect(edited.notes).toBe('Backorder arrived');
  });

  it('cancels an order only while nothing from it was used; a cancelled order is history', async () => {
    const { c, order, use } = await setup();
    const received = await app.call('orders.receive', { id: order.id, version: 1 }, c.admin);
    await use(received.items[1]!.id, 2);
    const before = digest(app);
    const refused = await app.fail('orders.cancel', { id: order.id, version: received.version, reason: 'Wrong supplier' }, c.admin);
    expect(refused).toEqual({ code: 'ILLEGAL_TRANSITION', message: 'Products from this order were used on patients (2 Lidocaine 2%, cartridge): it stays on record and cannot be cancelled.' });
    expect(digest(app)).toBe(before);

    const spare = await app.call('orders.create', { supplier: 'Harbour Supplies', orderDate: '2026-03-01', items: [composite] }, c.admin);
    const cancelled = await app.call('orders.cancel', { id: spare.id, version: 1, reason: 'Ordered twice' }, c.admin);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledDate: '2026-03-02', cancelReason: 'Ordered twice' });
    expect((await app.fail('orders.receive', { id: spare.id, version: cancelled.version }, c.admin)).message).toBe('This order was cancelled on 2026-03-02: it is history and cannot change.');
    expect((await app.call('orders.get', { id: spare.id }, c.dentist)).items).toHaveLength(1);
  });

  it('lets the front desk and assistants keep orders, not the hygienist', async () => {
    const { c } = await setup();
    const hygienist = await app.signInAs(c.admin, 'HYGIENIST');
    expect((await app.fail('orders.create', { supplier: 'X', orderDate: '2026-03-01', items: [composite] }, hygienist)).code).toBe('FORBIDDEN');
    const desk = await app.signInAs(c.admin, 'FRONT_DESK');
    expect((await app.call('orders.create', { supplier: 'X', orderDate: '2026-03-01', items: [composite] }, desk)).status).toBe('ORDERED');
  });
});
