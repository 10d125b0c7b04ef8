/** The fee schedule, findings and chart.get (issue 8), on real SQLite files. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditCount, digest } from './contract/world';
import { clinic } from './clinic';
import { createTestApp, PASSWORD, tempDir, type TestApp } from './harness';

let app: TestApp;
afterEach(() => app?.close());

const at = (iso: string) => new Date(iso);

describe('fee schedule', () => {
  it('starts a new practice with the starter schedule, each code with the site it needs', async () => {
    app = createTestApp();
    const admin = await app.setup();
    const list = await app.call('feeSchedule.list', {}, admin);
    const byCode = new Map(list.map((e) => [e.code, e]));
    expect(byCode.get('D2393')).toMatchObject({ siteKind: 'surfaces', surfaceCount: 3, surfaceCountOrMore: false, retiredAt: null });
    expect(byCode.get('D2394')).toMatchObject({ siteKind: 'surfaces', surfaceCount: 4, surfaceCountOrMore: true });
    expect(byCode.get('D4341')).toMatchObject({ siteKind: 'quadrant', surfaceCount: null });
    expect(byCode.get('D5110')).toMatchObject({ siteKind: 'arch' });
    expect(byCode.get('D2740')).toMatchObject({ siteKind: 'tooth' });
    expect(byCode.get('D0120')).toMatchObject({ siteKind: 'none' });
    expect(list.map((e) => e.code)).toEqual([...list.map((e) => e.code)].sort());
  });

  it('gives a file from before the fee schedule the starter schedule when opened, and leaves a practice that has codes alone', async () => {
    app = createTestApp();
    const admin = await app.setup();
    await app.addTenant('Quay Dental');
    const [first, second] = app.core.sqlite.prepare('SELECT id FROM tenants ORDER BY created_at, id').pluck().all() as string[];
    const starter = (await app.call('feeSchedule.list', {}, admin)).length;
    // The first practice as a file from before migration 0006 has it; the second with every code retired.
    app.core.sqlite.prepare('DELETE FROM fee_schedule WHERE tenant_id = ?').run(first);
    app.core.sqlite.prepare("UPDATE fee_schedule SET retired_at = '2026-01-01T00:00:00.000Z' WHERE tenant_id = ?").run(second);
    const old = tempDir();
    const file = join(old.dir, 'old.sqlite');
    app.snapshot(file);
    await app.close();

    app = createTestApp({ from: file });
    old.cleanup();
    const count = app.core.sqlite.prepare('SELECT count(*) AS n, sum(retired_at IS NOT NULL) AS retired FROM fee_schedule WHERE tenant_id = ?');
    expect(count.get(first)).toEqual({ n: starter, retired: 0 });
    expect(count.get(second)).toEqual({ n: starter, retired: starter });
  });

  it('creates, updates under its version, retires and restores a code, each audited', async () => {
    app = createTestApp();
    const admin = await app.setup();
    const before = auditCount(app);
    const made = await app.call('feeSchedule.save', { code: '9910', shortName: 'Desensitising', defaultFee: 4500, siteKind: 'tooth' }, admin);
    expect(made).toMatchObject({ code: 'D9910', shortName: 'Desensitising', defaultFee: 4500, defaultMinutes: null, siteKind: 'tooth', retiredAt: null, version: 1 });

    const edited = await app.call('feeSchedule.save', { id: made.id, version: 1, code: 'D9910', shortName: 'Desensitising, per tooth', defaultFee: 5000, defaultMinutes: 10, siteKind: 'tooth' }, admin);
    expect(edited).toMatchObject({ shortName: 'Desensitising, per tooth', defaultFee: 5000, defaultMinutes: 10, version: 2 });
    expect(await app.fail('feeSchedule.save', { id: made.id, version: 1, code: 'D9910', shortName: 'Late', defaultFee: 1, siteKind: 'tooth' }, admin)).toMatchObject({ code: 'CONFLICT' });

    const retired = await app.call('feeSchedule.save', { id: made.id, version: 2, code: 'D9910', shortName: 'Desensitising, per tooth', defaultFee: 5000, siteKind: 'tooth', retired: true }, admin);
    expect(retired.retiredAt).toMatch(/^2026-03-02T09:00/);
    const stillRetired = await app.call('feeSchedule.save', { id: made.id, version: 3, code: 'D9910', shortName: 'Desensitising', defaultFee: 5000, siteKind: 'tooth', retired: true }, admin);
    expect(stillRetired.retiredAt).toBe(retired.retiredAt);
    const restored = await app.call('feeSchedule.save', { id: made.id, version: 4, code: 'D9910', shortName: 'Desensitising', defaultFee: 5000, siteKind: 'tooth' }, admin);
    expect(restored.retiredAt).toBeNull();

    expect(auditCount(app) - before).toBe(5);
    const events = await app.call('audit.list', { entityId: made.id }, admin);
    expect(events.items.map((e) => [e.entity, e.action])).toEqual(expect.arrayContaining([['fee_schedule', 'create'], ['fee_schedule', 'update']]));
  });

  it('refuses a duplicate code, a surface count that does not belong, and anyone but an administrator, changing nothing', async () => {
    app = createTestApp();
    const admin = await app.setup();
    const dentist = await app.signInAs(admin, 'DENTIST');
    const was = digest(app);
    expect(await app.fail('feeSchedule.save', { code: '2393', shortName: 'Again', defaultFee: 1, siteKind: 'surfaces', surfaceCount: 3 }, admin)).toMatchObject({
      code: 'VALIDATION',
      message: 'D2393 is already in the fee schedule (Composite back, 3 surfaces).',
      issues: [{ path: 'code' }],
    });
    expect(await app.fail('feeSchedule.save', { code: 'X1', shortName: 'Odd', defaultFee: 1, siteKind: 'tooth', surfaceCount: 2 }, admin)).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'surfaceCount', message: 'Only a code charted on surfaces has a surface count.' }],
    });
    expect(await app.fail('feeSchedule.save', { code: 'X1', shortName: 'Odd', defaultFee: 1, siteKind: 'surfaces', surfaceCountOrMore: true }, admin)).toMatchObject({ code: 'VALIDATION' });
    expect(await app.fail('feeSchedule.save', { code: 'X1', shortName: 'Odd', defaultFee: -1, siteKind: 'none' }, admin)).toMatchObject({ code: 'VALIDATION' });
    expect(await app.fail('feeSchedule.save', { code: 'X1', shortName: 'Odd', defaultFee: 1, siteKind: 'none' }, dentist)).toMatchObject({ code: 'FORBIDDEN' });
    expect(digest(app)).toBe(was);
    expect((await app.call('feeSchedule.list', {}, dentist)).length).toBeGreaterThan(40);
  });
});

describe('procedures and the fee schedule', () => {
  it('refuses a scheduled code charted on the wrong site, and a retired code except in a correction', async () => {
    app = createTestApp();
    const c = await clinic(app);
    const was = digest(app);
    const refuse = (fields: Record<string, unknown>) => app.fail('procedures.add', { visitId: c.visit.id, name: 'Work', unitFee: 100, ...fields }, c.dentist);
    expect(await refuse({ code: 'D2740' })).toMatchObject({ code: 'VALIDATION', message: 'D2740 (Crown, ceramic) needs a tooth.', issues: [{ path: 'toothNumber' }] });
    expect(await refuse({ code: 'D4341', toothNumber: '3' })).toMatchObject({ message: 'D4341 (Deep cleaning, quadrant (4+ teeth)) needs a quadrant: UR, UL, LR or LL.', issues: [{ path: 'area' }] });
    expect(await refuse({ code: 'D0120', toothNumber: '3' })).toMatchObject({ message: 'D0120 (Recall exam) is not charted on a tooth or area: leave them out.' });
    expect(await refuse({ code: 'D2393', toothNumber: '3' })).toMatchObject({ message: 'D2393 (Composite back, 3 surfaces) needs surfaces: pick them, e.g. MOD.' });
    expect(digest(app)).toBe(was);

    // A surface count that does not fit is only a warning (in the chart): the core takes it.
    expect(await c.add({ code: 'D2393', toothNumber: '3', surfaces: ['M', 'O'] })).toMatchObject({ code: 'D2393', surfaces: ['M', 'O'] });
    // Codes outside the schedule (history from a previous system) are taken as given.
    expect(await c.add({ code: 'OLD-7', name: 'From the old system', toothNumber: '3', surfaces: ['O'] })).toMatchObject({ code: 'OLD-7' });

    const list = await app.call('feeSchedule.list', {}, c.admin);
    const crown = list.find((e) => e.code === 'D2740')!;
    await app.call('feeSchedule.save', { ...crown, retired: true }, c.admin);
    expect(await refuse({ code: 'D2740', toothNumber: '3' })).toMatchObject({ code: 'VALIDATION', message: 'D2740 (Crown, ceramic) was retired from the fee schedule: pick a current code.' });
    let done = await c.add();
    for (const status of ['IN_PROGRESS', 'COMPLETED'] as const) done = await app.call('procedures.setStatus', { id: done.id, version: done.version, status }, c.dentist);
    const correction = await app.call(
      'procedures.add',
      { visitId: c.visit.id, code: 'D2740', name: 'Crown instead', unitFee: 100, toothNumber: '19', correctsProcedureId: done.id },
      c.dentist,
    );
    expect(correction.correctsProcedureId).toBe(done.id);
  });
});

describe('findings', () => {
  it('records one finding per tooth in one change, never billed', async () => {
    app = createTestApp();
    const c = await clinic(app);
    await c.add();
    const total = (await app.call('visits.get', { id: c.visit.id }, c.dentist)).totalCost;
    const before = auditCount(app);
    const added = await app.call('findings.add', { patientId: c.patient.id, kind: 'MISSING', teeth: ['1', '16'], recordedOn: '2026-03-01' }, c.dentist);
    expect(added.map((f) => [f.toothNumber, f.kind, f.recordedOn, f.resolvedOn])).toEqual([
      ['1', 'MISSING', '2026-03-01', null],
      ['16', 'MISSING', '2026-03-01', null],
    ]);
    expect(added[0]!.recordedByName).toBe('Test DENTIST');
    expect(auditCount(app) - before).toBe(1);
    const caries = await app.call('findings.add', { patientId: c.patient.id, kind: 'CARIES', teeth: ['14'], surfaces: ['O', 'M'], recordedOn: '2026-03-02', notes: 'Deep' }, c.dentist);
    expect(caries[0]).toMatchObject({ surfaces: ['M', 'O'], notes: 'Deep' });
    expect((await app.call('visits.get', { id: c.visit.id }, c.dentist)).totalCost).toBe(total);
  });

  it('refuses what is not so, changing nothing', async () => {
    app = createTestApp();
    const c = await clinic(app);
    const frontDesk = await app.signInAs(c.admin, 'FRONT_DESK');
    const was = digest(app);
    const refuse = (fields: Record<string, unknown>, token = c.dentist) =>
      app.fail('findings.add', { patientId: c.patient.id, kind: 'CARIES', teeth: ['3'], recordedOn: '2026-03-02', ...fields }, token);
    expect(await refuse({ kind: 'CROWN', surfaces: ['O'] })).toMatchObject({ code: 'VALIDATION', message: 'Existing crown is recorded on the whole tooth: leave out the surfaces.' });
    expect(await refuse({ teeth: ['8'], surfaces: ['O'] })).toMatchObject({ code: 'VALIDATION', message: 'Tooth 8 is a front tooth: use I (incisal) instead of O.' });
    expect(await refuse({ teeth: ['33'] })).toMatchObject({ code: 'VALIDATION' });
    expect(await refuse({ teeth: [] })).toMatchObject({ code: 'VALIDATION' });
    expect(await refuse({ recordedOn: '2026-03-03' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'recordedOn', message: 'A finding cannot be dated in the future.' }] });
    expect(await refuse({ kind: 'GINGIVITIS' })).toMatchObject({ code: 'VALIDATION' });
    expect(await refuse({}, frontDesk)).toMatchObject({ code: 'FORBIDDEN' });
    expect(digest(app)).toBe(was);
  });

  it('resolves once, on a day between recording and today, and removes only what was recorded by mistake', async () => {
    app = createTestApp();
    const c = await clinic(app);
    const [f] = await app.call('findings.add', { patientId: c.patient.id, kind: 'CARIES', teeth: ['14'], surfaces: ['O'], recordedOn: '2026-02-20', notes: 'Shallow' }, c.dentist);
    const was = digest(app);
    expect(await app.fail('findings.resolve', { id: f!.id, version: 1, resolvedOn: '2026-02-19' }, c.dentist)).toMatchObject({
      code: 'VALIDATION',
      message: 'It was recorded on 2026-02-20: it cannot be resolved before that.',
    });
    expect(await app.fail('findings.resolve', { id: f!.id, version: 1, resolvedOn: '2026-03-03' }, c.dentist)).toMatchObject({ code: 'VALIDATION' });
    expect(await app.fail('findings.resolve', { id: f!.id, version: 2, resolvedOn: '2026-03-01' }, c.dentist)).toMatchObject({ code: 'CONFLICT' });
    expect(digest(app)).toBe(was);

    const resolved = await app.call('findings.resolve', { id: f!.id, version: 1, resolvedOn: '2026-03-01', notes: 'Restored with D2391' }, c.dentist);
    expect(resolved).toMatchObject({ resolvedOn: '2026-03-01', resolvedByName: 'Test DENTIST', notes: 'Shallow\nRestored with D2391', version: 2 });
    expect(await app.fail('findings.resolve', { id: f!.id, version: 2, resolvedOn: '2026-03-02' }, c.dentist)).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(await app.fail('findings.remove', { id: f!.id, version: 2 }, c.dentist)).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: 'A resolved finding is part of the history and cannot be removed.',
    });

    const [mistake] = await app.call('findings.add', { patientId: c.patient.id, kind: 'FRACTURE', teeth: ['9'], recordedOn: '2026-03-02' }, c.dentist);
    const assistant = await app.signInAs(c.admin, 'ASSISTANT');
    expect(await app.fail('findings.remove', { id: mistake!.id, version: 1 }, assistant)).toMatchObject({ code: 'FORBIDDEN' });
    await app.call('findings.remove', { id: mistake!.id, version: 1 }, c.dentist);
    const [event] = (await app.call('audit.list', { entityId: mistake!.id }, c.admin)).items;
    expect(event).toMatchObject({ entity: 'finding', action: 'delete', before: { kind: 'FRACTURE', toothNumber: '9' } });
    expect(await app.fail('findings.remove', { id: mistake!.id, version: 1 }, c.dentist)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps an archived chart read-only and another practice out', async () => {
    app = createTestApp();
    const c = await clinic(app);
    const [f] = await app.call('findings.add', { patientId: c.patient.id, kind: 'WATCH', teeth: ['30'], recordedOn: '2026-03-02' }, c.dentist);
    const stranger = await app.addTenant('Quay Dental');
    expect(await app.fail('chart.get', { patientId: c.patient.id }, stranger)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await app.fail('findings.resolve', { id: f!.id, version: 1, resolvedOn: '2026-03-02' }, stranger)).toMatchObject({ code: 'NOT_FOUND' });

    const patient = await app.call('patients.get', { id: c.patient.id }, c.admin);
    await app.call('patients.archive', { id: patient.id, version: patient.version }, c.admin);
    const was = digest(app);
    expect(await app.fail('findings.add', { patientId: c.patient.id, kind: 'CARIES', teeth: ['3'], recordedOn: '2026-03-02' }, c.dentist)).toMatchObject({ code: 'ARCHIVED' });
    expect(await app.fail('findings.resolve', { id: f!.id, version: 1, resolvedOn: '2026-03-02' }, c.dentist)).toMatchObject({ code: 'ARCHIVED' });
    expect(await app.fail('findings.remove', { id: f!.id, version: 1 }, c.dentist)).toMatchObject({ code: 'ARCHIVED' });
    expect(digest(app)).toBe(was);
    // Reading stays open.
    expect((await app.call('chart.get', { patientId: c.patient.id }, c.dentist)).teeth['30']?.findings).toHaveLength(1);
  });
});

describe('chart.get', () => {
  it('groups the whole mouth across visits by tooth, area and no site', async () => {
    app = createTestApp();
    const c = await clinic(app);
    const filling = await c.add({ code: 'D2392', toothNumber: '30', surfaces: ['M', 'O'] });
    const deep = await c.add({ code: 'D4341', area: 'UR' });
    const exam = await c.add({ code: 'D0120' });
    const later = await app.call('visits.create', { patientId: c.patient.id, providerId: c.providerId, date: '2026-04-01' }, c.admin);
    const crown = await app.call('procedures.add', { visitId: later.id, code: 'D2740', name: 'Crown', unitFee: 100, toothNumber: '30' }, c.dentist);
    await app.call('findings.add', { patientId: c.patient.id, kind: 'FILLING', teeth: ['30'], surfaces: ['D'], recordedOn: '2026-01-05' }, c.dentist);

    const chart = await app.call('chart.get', { patientId: c.patient.id }, c.dentist);
    expect(chart.asOf).toBeNull();
    expect(Object.keys(chart.teeth)).toEqual(['30']);
    expect(chart.teeth['30']!.procedures.map((p) => [p.id, p.visitId, p.visitDate, p.status])).toEqual([
      [filling.id, c.visit.id, '2026-03-02', 'PLANNED'],
      [crown.id, later.id, '2026-04-01', 'PLANNED'],
    ]);
    expect(chart.teeth['30']!.findings.map((f) => f.kind)).toEqual(['FILLING']);
    expect(chart.areas.UR?.map((p) => p.id)).toEqual([deep.id]);
    expect(chart.mouth.map((p) => p.id)).toEqual([exam.id]);
  });

  it('shows the chart as it stood at the end of an earlier day', async () => {
    let clock = at('2026-03-02T09:00:00.000Z');
    app = createTestApp({ now: () => clock });
    const admin = await app.setup();
    await app.call('users.create', { username: 'drday', displayName: 'Dr Day', role: 'DENTIST', password: PASSWORD }, admin);
    const signIn = async () => (await app.call('auth.signIn', { username: 'drday', password: PASSWORD })).sessionToken;
    let dentist = await signIn();
    const providerId = (await app.call('users.providers', {}, dentist))[0]!.id;
    const patient = await app.call('patients.create', { firstName: 'Ola', lastName: 'Berg', dateOfBirth: '1990-01-01' }, dentist);
    const visit = await app.call('visits.create', { patientId: patient.id, providerId, date: '2026-03-02' }, dentist);
    let filling = await app.call('procedures.add', { visitId: visit.id, code: 'D2391', name: 'Composite', unitFee: 100, toothNumber: '19', surfaces: ['O'] }, dentist);
    filling = await app.call('procedures.setStatus', { id: filling.id, version: 1, status: 'IN_PROGRESS' }, dentist);
    const [caries] = await app.call('findings.add', { patientId: patient.id, kind: 'CARIES', teeth: ['14'], surfaces: ['O'], recordedOn: '2026-03-02' }, dentist);

    clock = at('2026-03-04T10:00:00.000Z');
    dentist = await signIn();
    await app.call('procedures.setStatus', { id: filling.id, version: filling.version, status: 'COMPLETED' }, dentist);
    const crown = await app.call('procedures.add', { visitId: visit.id, code: 'D2740', name: 'Crown', unitFee: 100, toothNumber: '3' }, dentist);
    await app.call('findings.add', { patientId: patient.id, kind: 'MISSING', teeth: ['1'], recordedOn: '2026-03-04' }, dentist);
    await app.call('findings.resolve', { id: caries!.id, version: 1, resolvedOn: '2026-03-04' }, dentist);

    clock = at('2026-03-06T08:00:00.000Z');
    dentist = await signIn();
    await app.call('procedures.setStatus', { id: crown.id, version: crown.version, status: 'CANCELLED' }, dentist);

    const view = async (asOf?: string) => {
      const chart = await app.call('chart.get', { patientId: patient.id, ...(asOf ? { asOf } : {}) }, dentist);
      return {
        procedures: Object.fromEntries(Object.entries(chart.teeth).flatMap(([t, x]) => x.procedures.map((p) => [t, p.status]))),
        findings: Object.fromEntries(Object.entries(chart.teeth).flatMap(([t, x]) => x.findings.map((f) => [t, `${f.kind}${f.resolvedOn ? ' resolved' : ''}`]))),
      };
    };
    expect(await view('2026-03-01')).toEqual({ procedures: {}, findings: {} });
    expect(await view('2026-03-02')).toEqual({ procedures: { '19': 'IN_PROGRESS' }, findings: { '14': 'CARIES' } });
    expect(await view('2026-03-03')).toEqual({ procedures: { '19': 'IN_PROGRESS' }, findings: { '14': 'CARIES' } });
    expect(await view('2026-03-04')).toEqual({ procedures: { '19': 'COMPLETED', '3': 'PLANNED' }, findings: { '14': 'CARIES resolved', '1': 'MISSING' } });
    expect(await view('2026-03-05')).toEqual(await view('2026-03-04'));
    expect(await view()).toEqual({ procedures: { '19': 'COMPLETED', '3': 'CANCELLED' }, findings: { '14': 'CARIES resolved', '1': 'MISSING' } });
    expect((await app.call('chart.get', { patientId: patient.id, asOf: '2026-03-02' }, dentist)).asOf).toBe('2026-03-02');
    expect(await app.fail('chart.get', { patientId: patient.id, asOf: '2026-03-07' }, dentist)).toMatchObject({
      code: 'VALIDATION',
      message: 'Pick today or an earlier day: the chart cannot show the future.',
    });
  });
});
