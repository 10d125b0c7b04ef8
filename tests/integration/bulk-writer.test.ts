/**
 * The bulk path keeps the services' rules and their audit trail; and the
 * generated practice it builds passes every check a user's file must.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkRuleError, BulkWriter, type BulkProcedure } from '../../electron/core/bulk/bulk-writer';
import { checkPractice } from '../../bench/check-practice';
import { generatePractice } from '../../bench/practice-generator';
import { clinic } from './clinic';
import { createTestApp, sequentialIds, type TestApp, tempDir } from './harness';

let app: TestApp;
let c: Awaited<ReturnType<typeof clinic>>;
let w: BulkWriter;
let tenantId: string;
const at = (n: number) => `2026-03-02T10:00:${String(n).padStart(2, '0')}.000Z`;
let n = 0;
const next = () => at(++n);

beforeAll(async () => {
  app = createTestApp();
  c = await clinic(app);
  tenantId = app.core.sqlite.prepare('SELECT id FROM tenants').pluck().get() as string;
  w = new BulkWriter(app.core.sqlite, { tenantId, userId: null, workstation: 'import' }, { today: '2026-03-02', newId: sequentialIds('4000-a000'), batch: 3 });
});
afterAll(() => app.close());

const procedure = (fields: Partial<BulkProcedure> = {}): BulkProcedure => ({
  id: crypto.randomUUID(), visit_id: c.visit.id, code: 'D2391', name: 'Resin', tooth_number: '3', surfaces: 'O', area: null,
  quantity: 1, unit_fee: 16000, duration_minutes: 30, performed_by: null, notes: null, ...fields,
});
const audited = (entityId: string) =>
  app.core.sqlite.prepare('SELECT action FROM audit_events WHERE entity_id = ? ORDER BY seq').pluck().all(entityId);

describe('bulk writer', () => {
  it('writes a procedure in its final state with one audit event per step, and the visit derives from it', async () => {
    const p = procedure();
    const t = next();
    w.procedure(p, t, [{ to: 'IN_PROGRESS', at: t }, { to: 'COMPLETED', at: t }]);
    w.flush();
    expect(audited(p.id)).toEqual(['create', 'status', 'status']);
    expect(await app.call('visits.get', { id: c.visit.id }, c.admin)).toMatchObject({ status: 'COMPLETED', totalCost: 16000 });
    expect((await app.call('audit.verify', {}, c.admin)).ok).toBe(true);
  });

  it('refuses steps the status machine forbids, lab steps outside a lab case, and changes out of time order', () => {
    const t = next();
    expect(() => w.procedure(procedure(), t, [{ to: 'COMPLETED', at: t }])).toThrow(/PLANNED cannot become COMPLETED/);
    expect(() => w.procedure(procedure(), t, [{ to: 'IN_PROGRESS', at: t }, { to: 'SENT_TO_LAB', at: t }])).toThrow(/lab case/);
    expect(() => w.procedure(procedure(), at(0))).toThrow(BulkRuleError);
    w.abandon();
  });

  it('takes the practice’s next automatic chart number when a patient brings it, as patients.create would', async () => {
    const counter = () => app.core.sqlite.prepare('SELECT next_chart_number FROM tenants').pluck().get() as number;
    const before = counter();
    const patient = (chart: string) => ({
      id: crypto.randomUUID(), chart_number: chart, first_name: 'Imported', last_name: chart, date_of_birth: '1990-01-01', phone: null, email: null, alerts: null,
    });
    n = 20;
    w.patient(patient(String(before)), next());
    w.patient(patient('77-A'), next());
    w.flush();
    expect(counter()).toBe(before + 1);
    const made = await app.call('patients.create', { firstName: 'New', lastName: 'Patient', dateOfBirth: '2000-02-02' }, c.admin);
    expect(made.chartNumber).toBe(String(before + 1));
  });

  it('refuses a new record on an archived chart, and an unknown visit', async () => {
    const patient = await app.call('patients.create', { firstName: 'Old', lastName: 'Chart', dateOfBirth: '1950-01-01' }, c.admin);
    const visit = await app.call('visits.create', { patientId: patient.id, providerId: c.providerId, date: '2026-03-01' }, c.admin);
    await app.call('patients.archive', { id: patient.id, version: patient.version }, c.admin);
    n = 40;
    expect(() => w.procedure(procedure({ visit_id: visit.id }), next())).toThrow(/archived/);
    expect(() => w.procedure(procedure({ visit_id: crypto.randomUUID() }), next())).toThrow(/unknown/);
    w.abandon();
  });

  it('takes no more than remains of a lot, never an expired lot, never in the future', async () => {
    const order = crypto.randomUUID();
    const lot = crypto.randomUUID();
    const t = next();
    w.order(
      { id: order, supplier: 'Henry Schein', order_number: 'HS-1', order_date: '2026-02-01', notes: null },
      [{ id: lot, product_id: 'LIDO', product_name: 'Lidocaine', quantity: 3, lot_number: 'L1', expiry_date: '2026-03-01', unit_cost: 65 }],
      t,
      '2026-02-03',
    );
    const use = (qty: number, date: string) =>
      w.treatmentRecord({
        id: crypto.randomUUID(), patient_id: c.patient.id, order_item_id: lot, procedure_id: null, quantity_used: qty, date_applied: date,
        diagnosis: null, procedure_performed: null, wound_location: null, doctor_notes: null, recorded_by: (app.core.sqlite.prepare("SELECT id FROM users WHERE role = 'ADMIN'").pluck().get() as string),
      }, t);
    use(2, '2026-02-20');
    expect(() => use(2, '2026-02-21')).toThrow(/has 1 left, not 2/);
    expect(() => use(1, '2026-03-02')).toThrow(/expired on 2026-03-01/);
    expect(() => use(1, '2026-03-03')).toThrow(/future/);
    w.flush();
    expect(app.core.sqlite.prepare('SELECT sum(quantity_used) FROM treatment_records WHERE order_item_id = ?').pluck().get(lot)).toBe(2);
  });
});

describe('generated practice', () => {
  it('is the same on every run and passes integrity, foreign key, audit chain and derived-column checks', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const tiny = { years: 0.25, patients: 60, visits: 300, dentists: 1, hygienists: 1 };
      const a = await generatePractice(join(dir, 'a.sqlite'), tiny);
      const b = await generatePractice(join(dir, 'b.sqlite'), tiny);
      expect(a.counts).toEqual(b.counts);
      // The chain's last hash covers every event's content, ids and instants.
      const lastHash = (f: string) => {
        const db = new Database(join(dir, f), { readonly: true });
        const h = db.prepare('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1').pluck().get();
        db.close();
        return h;
      };
      expect(lastHash('a.sqlite')).toBe(lastHash('b.sqlite'));
      expect(a.counts.procedures).toBeGreaterThan(600);
      expect(a.counts.labCases).toBeGreaterThan(0);
      expect(a.counts.treatmentRecords).toBeGreaterThan(0);
      const check = await checkPractice(join(dir, 'a.sqlite'), a.tenantId);
      expect(check).toMatchObject({ ok: true, integrity: 'ok', foreignKeyViolations: 0, visitsOutOfStep: 0, visitCountsOff: 0 });
      expect(check.audit.checked).toBe(a.counts.auditEvents! + 6);
    } finally {
      cleanup();
    }
  }, 120_000);
});
