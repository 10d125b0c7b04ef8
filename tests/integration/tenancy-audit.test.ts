import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clinic } from './clinic';
import { createTestApp, type TestApp } from './harness';

let app: TestApp;
let c: Awaited<ReturnType<typeof clinic>>;
beforeEach(async () => {
  app = createTestApp();
  c = await clinic(app);
});
afterEach(() => app.close());

describe('tenant scoping', () => {
  it('hides one practice’s records from another practice in the same file', async () => {
    const proc = await c.add({ toothNumber: '19', surfaces: ['O'] });
    const other = await app.addTenant('Other Practice');

    expect((await app.fail('patients.get', { id: c.patient.id }, other)).code).toBe('NOT_FOUND');
    expect((await app.fail('visits.get', { id: c.visit.id }, other)).code).toBe('NOT_FOUND');
    expect((await app.fail('visits.listByPatient', { patientId: c.patient.id }, other)).code).toBe('NOT_FOUND');
    expect((await app.call('patients.search', { query: 'tanaka' }, other)).items).toEqual([]);
    expect((await app.call('visits.search', {}, other)).items).toEqual([]);
    expect((await app.call('users.providers', {}, other))).toEqual([]);
    const fields = { code: 'D1', name: 'hijack', unitFee: 1, toothNumber: '19' };
    expect((await app.fail('procedures.update', { id: proc.id, version: 1, ...fields }, other)).code).toBe('NOT_FOUND');
    expect((await app.fail('procedures.setStatus', { id: proc.id, version: 1, status: 'CANCELLED' }, other)).code).toBe('NOT_FOUND');
    expect((await app.fail('procedures.remove', { id: proc.id, version: 1 }, other)).code).toBe('NOT_FOUND');
    expect((await app.fail('procedures.add', { visitId: c.visit.id, ...fields }, other)).code).toBe('NOT_FOUND');
    expect((await app.fail('patients.archive', { id: c.patient.id, version: 1 }, other)).code).toBe('NOT_FOUND');
    expect((await app.call('visits.get', { id: c.visit.id }, c.dentist)).procedures[0]).toMatchObject({ name: 'Composite, one surface', status: 'PLANNED' });
  });

  it('does not let a visit name another practice’s provider', async () => {
    const other = await app.addTenant('Other Practice');
    const mine = await app.call('patients.create', { firstName: 'O', lastName: 'P', dateOfBirth: '1999-09-09' }, other);
    const err = await app.fail('visits.create', { patientId: mine.id, providerId: c.providerId, date: '2026-03-02' }, other);
    expect(err.issues?.[0]?.path).toBe('providerId');
  });
});

describe('audit trail', () => {
  it('writes one event per change, with who, where, which patient, before and after', async () => {
    const p = await c.add({ toothNumber: '19', surfaces: ['O'] });
    await app.call('procedures.setStatus', { id: p.id, version: 1, status: 'IN_PROGRESS' }, c.dentist);
    const events = await app.call('audit.list', { entityId: p.id }, c.admin);
    expect(events.items.map((e) => e.action)).toEqual(['status', 'create']);
    expect(events.items[0]).toMatchObject({
      entity: 'procedure', patientId: c.patient.id, workstation: 'test-bench', userName: 'Test DENTIST',
      before: { status: 'PLANNED' }, after: { status: 'IN_PROGRESS' },
    });
    const byPatient = await app.call('audit.list', { patientId: c.patient.id }, c.admin);
    expect(byPatient.items.map((e) => `${e.entity}.${e.action}`)).toEqual(['procedure.status', 'procedure.create', 'visit.create', 'patient.create']);
  });

  it('writes nothing when a change is refused', async () => {
    const p = await c.add();
    const count = async () => (await app.call('audit.list', {}, c.admin)).total;
    const before = await count();
    await app.fail('procedures.setStatus', { id: p.id, version: 1, status: 'COMPLETED' }, c.dentist);
    await app.fail('procedures.setStatus', { id: p.id, version: 9, status: 'IN_PROGRESS' }, c.dentist);
    await app.fail('procedures.add', { visitId: c.visit.id, code: 'D1', name: 'x', unitFee: 0, toothNumber: '8', surfaces: ['O'] }, c.dentist);
    expect(await count()).toBe(before);
  });

  it('refuses UPDATE and DELETE on audit events at the database level', async () => {
    await c.add();
    expect(() => app.core.sqlite.prepare("UPDATE audit_events SET action = 'nothing'").run()).toThrow(/append-only/);
    expect(() => app.core.sqlite.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });

  it('refuses a second event after the same predecessor, so the chain cannot fork', async () => {
    await c.add();
    const last = app.core.sqlite.prepare('SELECT * FROM audit_events ORDER BY seq DESC LIMIT 1').get() as Record<string, unknown>;
    const insert = (fork: Record<string, unknown>) => {
      const cols = Object.keys(fork);
      app.core.sqlite.prepare(`INSERT INTO audit_events (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`).run(...Object.values(fork));
    };
    const { seq: _seq, ...fork }: Record<string, unknown> = { ...last, id: 'fork', hash: 'f'.repeat(64) };
    // Neither the same predecessor nor the same place in the chain can be taken twice.
    expect(() => insert({ ...fork, chain_index: Number(last.chain_index) + 1 })).toThrow(
      /UNIQUE constraint failed: audit_events.tenant_id, audit_events.prev_hash/,
    );
    expect(() => insert({ ...fork, prev_hash: last.hash })).toThrow(/UNIQUE constraint failed: audit_events.tenant_id, audit_events.chain_index/);
  });

  it('chains hashes so tampering behind the app’s back is found', async () => {
    await c.add();
    await c.add();
    const ok = await app.call('audit.verify', {}, c.admin);
    expect(ok).toMatchObject({ ok: true, brokenAt: null });
    expect(ok.checked).toBeGreaterThanOrEqual(5);

    const victim = (await app.call('audit.list', { size: 200 }, c.admin)).items.find((e) => e.action === 'create' && e.entity === 'procedure')!;
    app.core.sqlite.exec('DROP TRIGGER audit_events_no_update');
    app.core.sqlite.prepare("UPDATE audit_events SET after_json = '{\"unitFee\":1}' WHERE seq = ?").run(victim.seq);
    expect(await app.call('audit.verify', {}, c.admin)).toMatchObject({ ok: false, brokenAt: victim.seq });
  });
});
