import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveVisitStatus, PROCEDURE_STATUSES, type ProcedureStatus } from '../../shared/domain/status';
import { clinic } from './clinic';
import { createTestApp, type TestApp } from './harness';

let app: TestApp;
let c: Awaited<ReturnType<typeof clinic>>;
beforeEach(async () => {
  app = createTestApp();
  c = await clinic(app);
});
afterEach(() => app.close());

async function setStatuses(visitId: string, statuses: ProcedureStatus[]) {
  for (const target of statuses) {
    await c.walk(await app.call('procedures.add', { visitId, code: 'D0120', name: 'Exam', unitFee: 1000, quantity: 2 }, c.dentist), target);
  }
}

describe('visits', () => {
  it('derives status and total from procedures, leaving cancelled ones out of the total', async () => {
    await c.add({ unitFee: 12500, quantity: 2 });
    const p = await c.add({ unitFee: 99900 });
    await app.call('procedures.setStatus', { id: p.id, version: 1, status: 'CANCELLED' }, c.dentist);
    const v = await app.call('visits.get', { id: c.visit.id }, c.dentist);
    expect(v).toMatchObject({ status: 'PLANNED', totalCost: 25000, procedureCount: 1, currency: 'EUR', patientName: 'Tanaka, Maya' });
    expect(v.procedures).toHaveLength(2);
  });

  it('keeps the derived status and total in step through fee edits and removals, without touching the visit’s version', async () => {
    const a = await c.add({ unitFee: 10000 });
    const b = await c.add({ unitFee: 5000 });
    await app.call('procedures.update', { id: a.id, version: a.version, code: a.code, name: a.name, toothNumber: a.toothNumber, surfaces: a.surfaces, unitFee: 20000, quantity: 3 }, c.dentist);
    expect(await app.call('visits.get', { id: c.visit.id }, c.dentist)).toMatchObject({ totalCost: 65000, procedureCount: 2, version: c.visit.version });
    await app.call('procedures.remove', { id: b.id, version: b.version }, c.dentist);
    await app.call('procedures.setStatus', { id: a.id, version: a.version + 1, status: 'IN_PROGRESS' }, c.dentist);
    const v = await app.call('visits.get', { id: c.visit.id }, c.dentist);
    expect(v).toMatchObject({ status: 'IN_PROGRESS', totalCost: 60000, procedureCount: 1, version: c.visit.version, updatedAt: c.visit.updatedAt });
  });

  it('recomputes both visits when a procedure moves between them, and the defaults when the last one leaves', async () => {
    const p = await c.add({ unitFee: 7000 });
    const other = await app.call('visits.create', { patientId: c.patient.id, providerId: c.providerId, date: '2026-03-03' }, c.admin);
    // No channel moves a procedure; the database keeps the derived columns right whoever writes.
    app.core.sqlite.prepare('UPDATE procedures SET visit_id = ? WHERE id = ?').run(other.id, p.id);
    expect(await app.call('visits.get', { id: c.visit.id }, c.admin)).toMatchObject({ status: 'PLANNED', totalCost: 0, procedureCount: 0 });
    expect(await app.call('visits.get', { id: other.id }, c.admin)).toMatchObject({ status: 'PLANNED', totalCost: 7000, procedureCount: 1 });
    expect(() => app.core.sqlite.prepare("UPDATE visits SET status = 'PAID' WHERE id = ?").run(other.id)).toThrow(/CHECK constraint failed/);
  });

  it('totals the search from the practice’s kept counts, matching a count of the visits', async () => {
    const second = await app.call('visits.create', { patientId: c.patient.id, providerId: c.providerId, date: '2026-03-04' }, c.admin);
    const p = await app.call('procedures.add', { visitId: second.id, code: 'D0120', name: 'Exam', unitFee: 5000 }, c.dentist);
    await app.call('procedures.setStatus', { id: p.id, version: p.version, status: 'IN_PROGRESS' }, c.dentist);
    const counted = (status?: string) =>
      app.core.sqlite.prepare(`SELECT count(*) FROM visits ${status ? 'WHERE status = ?' : ''}`).pluck().get(...(status ? [status] : [])) as number;
    expect((await app.call('visits.search', {}, c.admin)).total).toBe(counted());
    expect((await app.call('visits.search', { status: 'IN_PROGRESS' }, c.admin)).total).toBe(1);
    expect((await app.call('visits.search', { status: 'PLANNED' }, c.admin)).total).toBe(counted('PLANNED'));
    expect((await app.call('visits.search', { status: 'COMPLETED' }, c.admin)).total).toBe(0);
  });

  // The SQL CASE in migrations/0003 must agree with deriveVisitStatus for every mix.
  const mixes: ProcedureStatus[][] = [[], ...PROCEDURE_STATUSES.map((s) => [s])];
  for (const a of PROCEDURE_STATUSES) for (const b of PROCEDURE_STATUSES) if (a < b) mixes.push([a, b]);
  it('computes the same status in SQL as the shared rule, for every mix of two', async () => {
    for (const mix of mixes) {
      const v = await app.call('visits.create', { patientId: c.patient.id, providerId: c.providerId, date: '2026-03-02', confirmSameDay: true }, c.admin);
      await setStatuses(v.id, mix);
      expect((await app.call('visits.get', { id: v.id }, c.admin)).status, mix.join('+')).toBe(deriveVisitStatus(mix));
    }
  });

  it('lists a patient’s visits newest first with count and total, paged and sortable', async () => {
    const dates = ['2025-01-10', '2026-02-01', '2024-06-30'];
    for (const date of dates) {
      const v = await app.call('visits.create', { patientId: c.patient.id, providerId: c.providerId, date }, c.admin);
      await app.call('procedures.add', { visitId: v.id, code: 'D0120', name: 'Exam', unitFee: Number(date.slice(0, 4)) }, c.dentist);
    }
    const page = await app.call('visits.listByPatient', { patientId: c.patient.id, size: 2 }, c.admin);
    expect(page.total).toBe(4);
    expect(page.items.map((v) => v.date)).toEqual(['2026-03-02', '2026-02-01']);
    const byTotal = await app.call('visits.listByPatient', { patientId: c.patient.id, sort: 'totalCost,desc' }, c.admin);
    expect(byTotal.items.map((v) => v.totalCost)).toEqual([2026, 2025, 2024, 0]);
    const asc = await app.call('visits.listByPatient', { patientId: c.patient.id, sort: 'date,asc', page: 2, size: 3 }, c.admin);
    expect(asc.items.map((v) => v.date)).toEqual(['2026-03-02']);
    const bad = await app.fail('visits.listByPatient', { patientId: c.patient.id, sort: 'password,desc' }, c.admin);
    expect(bad.code).toBe('VALIDATION');
  });

  it('searches by status, provider, code and date range', async () => {
    const other = await app.call('users.create', { username: 'hyg1', displayName: 'Hy Gienist', role: 'HYGIENIST', password: 'correct horse battery' }, c.admin);
    const v2 = await app.call('visits.create', { patientId: c.patient.id, providerId: other.id, date: '2026-01-15' }, c.admin);
    await app.call('procedures.add', { visitId: v2.id, code: 'D1110', name: 'Cleaning', unitFee: 9000 }, c.dentist);
    await setStatuses(c.visit.id, ['COMPLETED']);

    const ids = async (input: Record<string, unknown>) => (await app.call('visits.search', input as never, c.admin)).items.map((v) => v.id);
    expect(await ids({ status: 'COMPLETED' })).toEqual([c.visit.id]);
    expect(await ids({ status: 'PLANNED' })).toEqual([v2.id]);
    expect(await ids({ providerId: other.id })).toEqual([v2.id]);
    expect(await ids({ code: 'd1110' })).toEqual([v2.id]);
    expect(await ids({ from: '2026-02-01', to: '2026-03-31' })).toEqual([c.visit.id]);
    expect(await ids({ from: '2026-01-01', to: '2026-01-31', status: 'COMPLETED' })).toEqual([]);
    expect((await app.fail('visits.search', { from: '2026-05-01', to: '2026-01-01' }, c.admin)).issues).toEqual([
      { path: 'to', message: 'The end date is before the start date.' },
    ]);
  });

  it('refuses a provider who is not a provider of this practice, and archived patients', async () => {
    const desk = await app.call('users.create', { username: 'desk1', displayName: 'Desk', role: 'FRONT_DESK', password: 'correct horse battery' }, c.admin);
    const bad = await app.fail('visits.create', { patientId: c.patient.id, providerId: '00000000-0000-4000-8000-0000000fffff', date: '2026-03-02' }, c.admin);
    expect(bad).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'providerId', message: 'Provider was not found.' }] });
    const notProvider = await app.fail('visits.create', { patientId: c.patient.id, providerId: desk.id, date: '2026-03-02' }, c.admin);
    expect(notProvider).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'providerId', message: "Desk is not one of the practice's active providers." }] });
    const p = await app.call('patients.create', { firstName: 'Old', lastName: 'Chart', dateOfBirth: '1950-01-01' }, c.admin);
    await app.call('patients.archive', { id: p.id, version: 1 }, c.admin);
    const archived = await app.fail('visits.create', { patientId: p.id, providerId: c.providerId, date: '2026-03-02' }, c.admin);
    expect(archived.code).toBe('ARCHIVED');
  });

  it('keeps an archived patient’s chart as it is', async () => {
    await app.call('patients.archive', { id: c.patient.id, version: 1 }, c.admin);
    const add = await app.fail('procedures.add', { visitId: c.visit.id, code: 'D0120', name: 'Exam', unitFee: 0 }, c.dentist);
    const message = 'Maya Tanaka is archived, so their chart is read-only. An administrator can restore them.';
    expect(add).toEqual({ code: 'ARCHIVED', message });
    const edit = await app.fail('visits.update', { id: c.visit.id, version: 1, providerId: c.providerId, date: '2026-03-03' }, c.admin);
    expect(edit).toEqual({ code: 'ARCHIVED', message });
  });

  it('updates a visit header with optimistic locking', async () => {
    const v = await app.call('visits.update', { id: c.visit.id, version: 1, providerId: c.providerId, date: '2026-03-03', time: '14:00', notes: 'Moved' }, c.admin);
    expect(v).toMatchObject({ date: '2026-03-03', time: '14:00', notes: 'Moved', version: 2 });
    const stale = await app.fail('visits.update', { id: c.visit.id, version: 1, providerId: c.providerId, date: '2026-03-04' }, c.admin);
    expect(stale.code).toBe('CONFLICT');
  });
});
