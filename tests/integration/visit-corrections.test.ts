/** A visit can be corrected, cancelled or removed, and a second one the same day is asked about first. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clinic } from './clinic';
import { createTestApp, type TestApp } from './harness';
import { auditCount, digest } from './contract/world';

describe('visit corrections', () => {
  let app: TestApp;
  let c: Awaited<ReturnType<typeof clinic>>;
  beforeEach(async () => {
    app = createTestApp();
    c = await clinic(app);
  });
  afterEach(() => app.close());

  const newVisit = (date: string, extra: Record<string, unknown> = {}) =>
    app.call('visits.create', { patientId: c.patient.id, providerId: c.providerId, date, ...extra }, c.admin);

  it('asks before a second visit on the same day, and names the first', async () => {
    const before = digest(app);
    const asked = await app.fail('visits.create', { patientId: c.patient.id, providerId: c.providerId, date: '2026-03-02' }, c.admin);
    expect(asked.code).toBe('NEEDS_CONFIRMATION');
    expect(asked.message).toBe('Maya Tanaka already has a visit on 2026-03-02 at 09:30 with Test DENTIST. Open that visit, or confirm a second one.');
    expect(asked.issues).toEqual([{ path: 'date', message: 'Already has a visit on 2026-03-02 at 09:30 with Test DENTIST.' }]);
    expect(digest(app)).toBe(before);
    const second = await newVisit('2026-03-02', { confirmSameDay: true });
    expect((await app.call('visits.onDay', { patientId: c.patient.id, date: '2026-03-02' }, c.admin)).map((v) => v.id)).toEqual([second.id, c.visit.id]);
  });

  it('asks when a visit is moved onto a day that already has one, but not when it stays', async () => {
    const other = await newVisit('2026-03-05');
    const moved = await app.fail('visits.update', { id: other.id, version: 1, providerId: c.providerId, date: '2026-03-02' }, c.admin);
    expect(moved.code).toBe('NEEDS_CONFIRMATION');
    const kept = await app.call('visits.update', { id: c.visit.id, version: 1, providerId: c.providerId, date: '2026-03-02', time: '10:00', notes: 'Ran late' }, c.admin);
    expect(kept).toMatchObject({ time: '10:00', notes: 'Ran late', version: 2 });
  });

  it('does not count a cancelled visit as the one already there', async () => {
    await c.add();
    await app.call('visits.cancel', { id: c.visit.id, version: 1, reason: 'Rebooked' }, c.admin);
    expect((await newVisit('2026-03-02')).date).toBe('2026-03-02');
  });

  it('cancels every planned procedure at once and keeps the reason in the visit’s history', async () => {
    const [a, b] = [await c.add(), await c.add({ code: 'D0120', name: 'Exam', unitFee: 5000 })];
    const frontDesk = await app.signInAs(c.admin, 'FRONT_DESK');
    const cancelled = await app.call('visits.cancel', { id: c.visit.id, version: 1, reason: 'Patient called in sick' }, frontDesk);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', totalCost: 0 });
    const visit = await app.call('visits.get', { id: c.visit.id }, c.admin);
    expect(visit.procedures.map((p) => p.status)).toEqual(['CANCELLED', 'CANCELLED']);
    const history = await app.call('visits.history', { id: c.visit.id }, frontDesk);
    expect(history.map((h) => h.action)).toEqual(['create', 'cancel']);
    expect(history[1]).toMatchObject({
      userName: 'Test FRONT_DESK',
      workstation: 'test-bench',
      before: { status: 'PLANNED' },
      after: { status: 'CANCELLED', reason: 'Patient called in sick', cancelledProcedures: [a.id, b.id] },
    });
  });

  it('refuses to cancel a visit whose work has started, one with nothing on it, or a stale one, and changes nothing', async () => {
    const empty = await app.fail('visits.cancel', { id: c.visit.id, version: 1, reason: 'x' }, c.admin);
    expect(empty).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: 'This visit has no procedures to cancel. Remove it instead.' });
    const p = await c.add();
    await app.call('procedures.setStatus', { id: p.id, version: p.version, status: 'IN_PROGRESS' }, c.dentist);
    const before = digest(app);
    const events = auditCount(app);
    const started = await app.fail('visits.cancel', { id: c.visit.id, version: 1, reason: 'x' }, c.admin);
    expect(started.message).toBe('Work on this visit has started (D2391 is in progress): cancel its open procedures one by one instead.');
    const stale = await app.fail('visits.cancel', { id: c.visit.id, version: 9, reason: 'x' }, c.admin);
    expect(stale.code).toBe('CONFLICT');
    const noReason = await app.fail('visits.cancel', { id: c.visit.id, version: 1, reason: '  ' }, c.admin);
    expect(noReason).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'reason', message: 'Reason is required.' }] });
    expect(digest(app)).toBe(before);
    expect(auditCount(app)).toBe(events);
  });

  it('removes a visit made by mistake, with its planned procedures, and records what it held', async () => {
    const p = await c.add();
    const removed = await app.call('visits.remove', { id: c.visit.id, version: 1 }, c.admin);
    expect(removed).toEqual({ id: c.visit.id });
    expect((await app.fail('visits.get', { id: c.visit.id }, c.admin)).code).toBe('NOT_FOUND');
    expect(app.core.sqlite.prepare('SELECT count(*) AS n FROM procedures WHERE id = ?').get(p.id)).toEqual({ n: 0 });
    const [event] = (await app.call('audit.list', { entityId: c.visit.id }, c.admin)).items;
    expect(event).toMatchObject({ action: 'delete', before: { id: c.visit.id, procedures: [{ id: p.id, code: 'D2391' }] } });
    // The practice's count of visits by status follows.
    expect(app.core.sqlite.prepare('SELECT coalesce(sum(n), 0) AS n FROM visit_counts').get()).toEqual({ n: 0 });
  });

  it('refuses to remove a visit with started, completed or cancelled work, and changes nothing', async () => {
    const p = await c.add();
    await app.call('procedures.setStatus', { id: p.id, version: 1, status: 'CANCELLED' }, c.dentist);
    const before = digest(app);
    const refused = await app.fail('visits.remove', { id: c.visit.id, version: 1 }, c.admin);
    expect(refused).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: "This visit cannot be removed: D2391 is cancelled. Cancel the visit's open work instead, so its history stays.",
    });
    expect(digest(app)).toBe(before);
  });

  it('refuses every correction on an archived chart', async () => {
    await c.add();
    await app.call('patients.archive', { id: c.patient.id, version: 1 }, c.admin);
    expect((await app.fail('visits.cancel', { id: c.visit.id, version: 1, reason: 'x' }, c.admin)).code).toBe('ARCHIVED');
    expect((await app.fail('visits.remove', { id: c.visit.id, version: 1 }, c.admin)).code).toBe('ARCHIVED');
  });

  it('tells who added, changed and moved a procedure, oldest first', async () => {
    const p = await c.add();
    const edited = await app.call('procedures.update', { id: p.id, version: 1, code: 'D2391', name: 'Composite, one surface', toothNumber: '19', surfaces: ['O'], unitFee: 21000, notes: 'Deep' }, c.dentist);
    await app.call('procedures.setStatus', { id: p.id, version: edited.version, status: 'IN_PROGRESS' }, c.admin);
    const history = await app.call('procedures.history', { id: p.id }, c.admin);
    expect(history.map((h) => [h.action, h.userName])).toEqual([
      ['create', 'Test DENTIST'],
      ['update', 'Test DENTIST'],
      ['status', 'Ada Admin'],
    ]);
    expect(history[1]).toMatchObject({ before: { unitFee: 19500, notes: null }, after: { unitFee: 21000, notes: 'Deep' } });
  });
});
