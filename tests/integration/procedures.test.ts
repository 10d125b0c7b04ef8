import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowedNextStatuses, PROCEDURE_STATUSES, type ProcedureStatus } from '../../shared/domain/status';
import { clinic } from './clinic';
import { createTestApp, FIXED_NOW, type TestApp } from './harness';

const NOW = FIXED_NOW.toISOString();

let app: TestApp;
let c: Awaited<ReturnType<typeof clinic>>;
beforeEach(async () => {
  app = createTestApp();
  c = await clinic(app);
});
afterEach(() => app.close());

async function procedureIn(status: ProcedureStatus) {
  return c.walk(await c.add({ toothNumber: '3', code: 'D2740', name: 'Crown' }), status);
}

describe('procedures: where', () => {
  it('stores surfaces in M O I D B F V L order whatever order they were given', async () => {
    const p = await c.add({ toothNumber: '30', surfaces: ['D', 'O', 'M'] });
    expect(p.surfaces).toEqual(['M', 'O', 'D']);
    const row = await app.core.db.selectFrom('procedures').select('surfaces').where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.surfaces).toBe('MOD');
  });

  it.each([
    ['33', 'toothNumber', '"33" is not a tooth'],
    ['08', 'toothNumber', '"08" is not a tooth'],
    ['a', 'toothNumber', '"a" is not a tooth'],
    ['U', 'toothNumber', '"U" is not a tooth'],
    ['50', 'toothNumber', '"50" is not a tooth'],
  ])('rejects tooth %s', async (tooth, path, message) => {
    const err = await app.fail('procedures.add', { visitId: c.visit.id, code: 'D1', name: 'x', unitFee: 0, toothNumber: tooth }, c.dentist);
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toEqual([{ path, message: expect.stringContaining(message) }]);
  });

  it.each([
    ['8', ['O'], 'Tooth 8 is a front tooth: use I (incisal) instead of O.'],
    ['8', ['B'], 'Tooth 8 is a front tooth: use F (facial) instead of B.'],
    ['19', ['I'], 'Tooth 19 is a back tooth: use O (occlusal) instead of I.'],
    ['J', ['F'], 'Tooth J is a back tooth: use B (buccal) instead of F.'],
    ['E', ['O'], 'Tooth E is a front tooth: use I (incisal) instead of O.'],
    ['19', ['M', 'M'], 'Surface M is listed twice.'],
    ['19', ['X'], '"X" is not a surface: use M, O, I, D, B, F, V or L.'],
  ])('rejects tooth %s with surfaces %j', async (tooth, surfaces, message) => {
    const err = await app.fail('procedures.add', { visitId: c.visit.id, code: 'D1', name: 'x', unitFee: 0, toothNumber: tooth, surfaces }, c.dentist);
    expect(err).toMatchObject({ code: 'VALIDATION', message, issues: [{ path: 'surfaces', message }] });
  });

  it('accepts supernumerary and primary teeth, areas, and no site at all', async () => {
    expect((await c.add({ toothNumber: '51', surfaces: ['O'] })).toothNumber).toBe('51');
    expect((await c.add({ toothNumber: 'AS', surfaces: ['B'] })).surfaces).toEqual(['B']);
    expect((await c.add({ toothNumber: 'T', surfaces: ['O', 'L'] })).surfaces).toEqual(['O', 'L']);
    expect((await c.add({ area: 'UR', code: 'D4341', name: 'Deep cleaning' })).area).toBe('UR');
    expect(await c.add({ code: 'D0120', name: 'Exam' })).toMatchObject({ toothNumber: null, area: null, surfaces: [] });
  });

  it('refuses surfaces without a tooth and a tooth together with an area', async () => {
    const noTooth = await app.fail('procedures.add', { visitId: c.visit.id, code: 'D1', name: 'x', unitFee: 0, surfaces: ['O'] }, c.dentist);
    expect(noTooth.issues).toEqual([{ path: 'surfaces', message: 'Surfaces need a tooth.' }]);
    const both = await app.fail('procedures.add', { visitId: c.visit.id, code: 'D1', name: 'x', unitFee: 0, toothNumber: '3', area: 'UR' }, c.dentist);
    expect(both.issues).toEqual([{ path: 'area', message: 'Choose either a tooth or an area, not both.' }]);
  });

  it('refuses zero quantity, negative and fractional fees', async () => {
    for (const bad of [{ quantity: 0 }, { unitFee: -1 }, { unitFee: 10.5 }]) {
      const err = await app.fail('procedures.add', { visitId: c.visit.id, code: 'D1', name: 'x', unitFee: 100, ...bad }, c.dentist);
      expect(err.code).toBe('VALIDATION');
    }
    expect(await app.core.db.selectFrom('procedures').select('id').execute()).toEqual([]);
  });
});

describe('procedures: status machine', () => {
  it('walks PLANNED -> IN_PROGRESS -> SENT_TO_LAB -> RECEIVED -> COMPLETED and stamps the times', async () => {
    const p = await procedureIn('RECEIVED');
    expect(p.startedAt).toMatch(/^2026-03-02T09:0/);
    expect(p.completedAt).toBeNull();
    const done = await app.call('procedures.setStatus', { id: p.id, version: p.version, status: 'COMPLETED' }, c.dentist);
    expect(done).toMatchObject({ status: 'COMPLETED', completedAt: expect.stringMatching(/^2026-03-02T09:0/), version: 5 });
  });

  const illegal = PROCEDURE_STATUSES.flatMap((from) =>
    PROCEDURE_STATUSES.filter((to) => !allowedNextStatuses(from).includes(to)).map((to) => [from, to] as const),
  );
  it.each(illegal)('refuses %s -> %s with ILLEGAL_TRANSITION and changes nothing', async (from, to) => {
    const p = await procedureIn(from);
    const err = await app.fail('procedures.setStatus', { id: p.id, version: p.version, status: to }, c.dentist);
    expect(err.code).toBe('ILLEGAL_TRANSITION');
    const after = await app.call('visits.get', { id: c.visit.id }, c.dentist);
    expect(after.procedures.find((x) => x.id === p.id)).toMatchObject({ status: from, version: p.version });
  });

  it('cancels from any state before COMPLETED', async () => {
    for (const from of ['PLANNED', 'IN_PROGRESS', 'SENT_TO_LAB', 'RECEIVED'] as const) {
      const p = await procedureIn(from);
      expect((await app.call('procedures.setStatus', { id: p.id, version: p.version, status: 'CANCELLED' }, c.dentist)).status).toBe('CANCELLED');
    }
  });
});

describe('procedures: edits', () => {
  it('updates with the version it read; a stale one is a CONFLICT for update, status and remove', async () => {
    const p = await c.add({ toothNumber: '19', surfaces: ['O'] });
    const fields = { code: p.code, name: p.name, toothNumber: '19', surfaces: ['O', 'L'], unitFee: 21000 };
    const v2 = await app.call('procedures.update', { id: p.id, version: 1, ...fields }, c.dentist);
    expect(v2).toMatchObject({ version: 2, surfaces: ['O', 'L'], unitFee: 21000 });
    expect((await app.fail('procedures.update', { id: p.id, version: 1, ...fields, unitFee: 1 }, c.dentist)).code).toBe('CONFLICT');
    expect((await app.fail('procedures.setStatus', { id: p.id, version: 1, status: 'IN_PROGRESS' }, c.dentist)).code).toBe('CONFLICT');
    expect((await app.fail('procedures.remove', { id: p.id, version: 1 }, c.dentist)).code).toBe('CONFLICT');
    expect((await app.call('visits.get', { id: c.visit.id }, c.dentist)).procedures[0]).toMatchObject({ unitFee: 21000, status: 'PLANNED', version: 2 });
  });

  it('re-checks tooth and surfaces on update', async () => {
    const p = await c.add({ toothNumber: '19', surfaces: ['O'] });
    const err = await app.fail('procedures.update', { id: p.id, version: 1, code: p.code, name: p.name, unitFee: 1, toothNumber: '8', surfaces: ['O'] }, c.dentist);
    expect(err.message).toBe('Tooth 8 is a front tooth: use I (incisal) instead of O.');
  });

  it('removes only while PLANNED', async () => {
    const planned = await c.add();
    expect(await app.call('procedures.remove', { id: planned.id, version: 1 }, c.dentist)).toEqual({ id: planned.id });
    const started = await procedureIn('IN_PROGRESS');
    const err = await app.fail('procedures.remove', { id: started.id, version: started.version }, c.dentist);
    expect(err.code).toBe('ILLEGAL_TRANSITION');
    expect((await app.call('visits.get', { id: c.visit.id }, c.dentist)).procedures.map((p) => p.id)).toEqual([started.id]);
  });

  it('will not remove a planned procedure that a lab case points at', async () => {
    const p = await c.add({ toothNumber: '3', code: 'D2740', name: 'Crown' });
    await app.call('labCases.open', { procedureId: p.id, labId: await c.lab(), shade: 'A2' }, c.dentist);
    const err = await app.fail('procedures.remove', { id: p.id, version: 1 }, c.dentist);
    expect(err).toEqual({ code: 'ILLEGAL_TRANSITION', message: 'This procedure cannot be removed: it has a lab case: cancel it instead.' });
  });

  it('keeps finished work as history: only notes may change', async () => {
    const p = await procedureIn('COMPLETED');
    const base = { id: p.id, version: p.version, code: p.code, name: p.name, toothNumber: '3', unitFee: p.unitFee };
    expect((await app.fail('procedures.update', { ...base, unitFee: 1 }, c.dentist)).code).toBe('ILLEGAL_TRANSITION');
    expect((await app.call('procedures.update', { ...base, notes: 'Patient happy with shade' }, c.dentist)).notes).toBe('Patient happy with shade');
  });
});

describe('procedures: submitted claims', () => {
  async function submitClaim(procedureId: string, status = 'SUBMITTED') {
    const tenantId = (await app.call('session.state', {}, c.admin)).user!.tenantId;
    const claimId = app.core.newId();
    await app.core.db.insertInto('claims').values({
      id: claimId, tenant_id: tenantId, patient_id: c.patient.id, claim_number: 'CLM-0042', payer: 'Delta Dental',
      status, submitted_at: '2026-03-03T10:00:00Z', total_amount: 19500, paid_amount: null, notes: null, created_at: NOW, updated_at: NOW,
    }).execute();
    await app.core.db.insertInto('claim_procedures').values({ id: app.core.newId(), tenant_id: tenantId, claim_id: claimId, procedure_id: procedureId, fee: 19500, created_at: NOW, updated_at: NOW }).execute();
  }

  it('locks a procedure on a submitted claim: no edit, status change or removal', async () => {
    const p = await c.add({ toothNumber: '19', surfaces: ['O'] });
    await submitClaim(p.id);
    const read = (await app.call('visits.get', { id: c.visit.id }, c.dentist)).procedures[0]!;
    expect(read.lockedByClaim).toBe('CLM-0042');
    const edit = await app.fail('procedures.update', { id: p.id, version: 1, code: p.code, name: p.name, unitFee: 1, toothNumber: '19' }, c.dentist);
    expect(edit).toMatchObject({ code: 'LOCKED', message: expect.stringContaining('claim CLM-0042') });
    expect((await app.fail('procedures.setStatus', { id: p.id, version: 1, status: 'CANCELLED' }, c.dentist)).code).toBe('LOCKED');
    expect((await app.fail('procedures.remove', { id: p.id, version: 1 }, c.dentist)).code).toBe('LOCKED');
  });

  it('does not lock for a draft claim, but will not remove a procedure that is on one', async () => {
    const p = await c.add();
    await submitClaim(p.id, 'DRAFT');
    const removal = await app.fail('procedures.remove', { id: p.id, version: 1 }, c.dentist);
    expect(removal).toEqual({ code: 'ILLEGAL_TRANSITION', message: 'This procedure cannot be removed: it is on claim CLM-0042: take it off the claim first.' });
    expect((await app.call('procedures.setStatus', { id: p.id, version: 1, status: 'IN_PROGRESS' }, c.dentist)).status).toBe('IN_PROGRESS');
  });

  it('locks the visit’s date and provider once a procedure on it is claimed, but not its notes', async () => {
    const p = await c.add();
    await submitClaim(p.id);
    const header = { id: c.visit.id, version: 1, providerId: c.providerId, date: '2026-03-02', time: '09:30' };
    const moved = await app.fail('visits.update', { ...header, date: '2026-01-01' }, c.admin);
    expect(moved).toMatchObject({ code: 'LOCKED', message: expect.stringContaining('claim CLM-0042') });
    expect((await app.call('visits.update', { ...header, notes: 'Patient called to confirm' }, c.admin)).notes).toBe('Patient called to confirm');
  });

  it('is corrected by a new procedure that names it', async () => {
    const p = await c.add({ toothNumber: '19', surfaces: ['O'] });
    await submitClaim(p.id);
    const fix = await c.add({ toothNumber: '19', surfaces: ['M', 'O'], code: 'D2392', correctsProcedureId: p.id });
    expect(fix.correctsProcedureId).toBe(p.id);
    const other = await app.call('patients.create', { firstName: 'X', lastName: 'Y', dateOfBirth: '2000-01-01' }, c.admin);
    const otherVisit = await app.call('visits.create', { patientId: other.id, providerId: c.providerId, date: '2026-03-02' }, c.admin);
    const wrong = await app.fail('procedures.add', { visitId: otherVisit.id, code: 'D1', name: 'x', unitFee: 0, correctsProcedureId: p.id }, c.dentist);
    expect(wrong.issues).toEqual([{ path: 'correctsProcedureId', message: 'A correction must be for the same patient.' }]);
  });
});

describe('procedures: corrections', () => {
  it('correct completed work, and tell the user to edit work that is still open', async () => {
    const done = await procedureIn('COMPLETED');
    expect((await c.add({ code: 'D2740', name: 'Crown, fee adjusted', toothNumber: '3', correctsProcedureId: done.id })).correctsProcedureId).toBe(done.id);
    for (const status of ['PLANNED', 'IN_PROGRESS', 'SENT_TO_LAB', 'RECEIVED', 'CANCELLED'] as const) {
      const open = await procedureIn(status);
      const err = await app.fail('procedures.add', { visitId: c.visit.id, code: 'D2740', name: 'Crown', unitFee: 0, correctsProcedureId: open.id }, c.dentist);
      expect(err.code, status).toBe('VALIDATION');
      expect(err.issues?.[0]?.path).toBe('correctsProcedureId');
      expect(err.message).toMatch(/not completed or claimed: edit it instead/);
    }
  });

  it('answers NOT_FOUND, under the field, for a procedure that does not exist', async () => {
    const err = await app.fail('procedures.add', { visitId: c.visit.id, code: 'D1', name: 'x', unitFee: 0, correctsProcedureId: '00000000-0000-4000-8000-00000000ffff' }, c.dentist);
    expect(err).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'correctsProcedureId' }] });
  });
});
