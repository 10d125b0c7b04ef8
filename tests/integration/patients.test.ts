import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';

let app: TestApp;
let token: string;
beforeEach(async () => {
  app = createTestApp();
  token = await app.setup();
});
afterEach(() => app.close());

const ann = { firstName: 'Ann', lastName: 'Lindqvist', dateOfBirth: '1984-07-12', phone: '555-0101' };

describe('patients', () => {
  it('creates a patient with the next chart number and reads it back', async () => {
    const a = await app.call('patients.create', ann, token);
    const b = await app.call('patients.create', { firstName: 'Bo', lastName: 'Okafor', dateOfBirth: '2001-02-03' }, token);
    expect(a).toMatchObject({ chartNumber: '1001', firstName: 'Ann', version: 1, archivedAt: null, email: null });
    expect(b.chartNumber).toBe('1002');
    expect(await app.call('patients.get', { id: a.id }, token)).toEqual(a);
  });

  it('keeps numbering after a huge hand-typed chart number', async () => {
    await app.call('patients.create', { ...ann, chartNumber: '99999999999999999999' }, token);
    expect((await app.call('patients.create', { ...ann, firstName: 'Next' }, token)).chartNumber).toBe('1001');
    expect((await app.call('patients.create', { ...ann, firstName: 'After' }, token)).chartNumber).toBe('1002');
  });

  it('keeps numbering for good after 999999999 is typed by hand, skipping numbers already taken', async () => {
    await app.call('patients.create', { ...ann, chartNumber: '999999999' }, token);
    await app.call('patients.create', { ...ann, chartNumber: '1002' }, token);
    const next = [];
    for (const firstName of ['A', 'B', 'C']) next.push((await app.call('patients.create', { ...ann, firstName }, token)).chartNumber);
    expect(next).toEqual(['1001', '1003', '1004']);
  });

  it('refuses a chart number that is taken', async () => {
    await app.call('patients.create', { ...ann, chartNumber: 'A-17' }, token);
    const err = await app.fail('patients.create', { ...ann, firstName: 'Other', chartNumber: 'A-17' }, token);
    expect(err).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'chartNumber' }] });
  });

  it('finds patients by name prefix, "last, first", chart number and date of birth', async () => {
    const a = await app.call('patients.create', ann, token);
    await app.call('patients.create', { firstName: 'Lin', lastName: 'Annerud', dateOfBirth: '1990-01-01' }, token);
    await app.call('patients.create', { firstName: 'Zed', lastName: 'Moreau', dateOfBirth: '1984-07-12' }, token);
    const names = async (query: string) =>
      (await app.call('patients.search', { query }, token)).items.map((p) => `${p.lastName}, ${p.firstName}`);
    expect(await names('ann')).toEqual(['Annerud, Lin', 'Lindqvist, Ann']);
    expect(await names('lindqvist, ann')).toEqual(['Lindqvist, Ann']);
    expect(await names(a.chartNumber)).toEqual(['Lindqvist, Ann']);
    expect(await names('1984-07-12')).toEqual(['Lindqvist, Ann', 'Moreau, Zed']);
    expect(await names('%')).toEqual([]);
  });

  it('finds a patient by phone however the digits were typed', async () => {
    await app.call('patients.create', { ...ann, phone: '(555) 010-1234' }, token);
    await app.call('patients.create', { firstName: 'Other', lastName: 'Person', dateOfBirth: '1990-01-01', phone: '555 777 0000' }, token);
    const names = async (query: string) => (await app.call('patients.search', { query }, token)).items.map((p) => p.firstName);
    expect(await names('555-010-1234')).toEqual(['Ann']);
    expect(await names('0101234')).toEqual(['Ann']);
    expect(await names('555')).toEqual([]); // too few digits to mean a phone number
  });

  it('keeps finding a patient after their phone changes, in any letter case, with accents', async () => {
    const p = await app.call('patients.create', { firstName: 'Jürgen', lastName: 'Müller', dateOfBirth: '1961-04-04', phone: '555-111-2222' }, token);
    await app.call('patients.update', { ...p, phone: '+44 20 7946 0958' }, token);
    const names = async (query: string) => (await app.call('patients.search', { query }, token)).items.map((x) => x.lastName);
    expect(await names('1112222')).toEqual([]);
    expect(await names('79460958')).toEqual(['Müller']);
    // Four letters or more also search the trigram index, which folds case and accents beyond ASCII.
    expect(await names('MÜLL')).toEqual(['Müller']);
    expect(await names('mü')).toEqual(['Müller']);
    expect(await names('MÜL')).toEqual([]); // a prefix, but SQLite's NOCASE folds ASCII letters only
    expect(await names('JÜRG')).toEqual(['Müller']);
    expect(await names('MULLER')).toEqual(['Müller']);
    expect(await names('ller')).toEqual(['Müller']);
    expect(await names('jür müller')).toEqual(['Müller']);
  });

  it('pages through results', async () => {
    for (let i = 0; i < 7; i++) {
      await app.call('patients.create', { firstName: `P${i}`, lastName: `Page${i}`, dateOfBirth: '1970-01-01' }, token);
    }
    const page2 = await app.call('patients.search', { query: 'page', page: 2, size: 3 }, token);
    expect(page2.total).toBe(7);
    expect(page2.items.map((p) => p.lastName)).toEqual(['Page3', 'Page4', 'Page5']);
  });

  it('updates with the version it read; a stale version is a CONFLICT and changes nothing', async () => {
    const a = await app.call('patients.create', ann, token);
    const updated = await app.call('patients.update', { ...ann, id: a.id, version: 1, phone: '555-0199' }, token);
    expect(updated).toMatchObject({ phone: '555-0199', version: 2 });
    const err = await app.fail('patients.update', { ...ann, id: a.id, version: 1, phone: '555-0000' }, token);
    expect(err.code).toBe('CONFLICT');
    expect((await app.call('patients.get', { id: a.id }, token)).phone).toBe('555-0199');
  });

  it('rejects bad input with field messages', async () => {
    const err = await app.fail('patients.create', { firstName: ' ', lastName: 'X', dateOfBirth: '1984-02-30', email: 'nope' }, token);
    expect(err.code).toBe('VALIDATION');
    expect(err.issues?.map((i) => i.path).sort()).toEqual(['dateOfBirth', 'email', 'firstName']);
    const future = await app.fail('patients.create', { ...ann, dateOfBirth: '2030-01-01' }, token);
    expect(future).toMatchObject({ code: 'VALIDATION', message: 'The date of birth is in the future.' });
  });

  it('archives instead of deleting: hidden from search, history kept, no further edits', async () => {
    const a = await app.call('patients.create', ann, token);
    const archived = await app.call('patients.archive', { id: a.id, version: 1 }, token);
    expect(archived.archivedAt).toMatch(/^2026-03-02T09:0/);
    expect((await app.call('patients.search', { query: 'ann' }, token)).items).toEqual([]);
    expect((await app.call('patients.search', { query: 'ann', includeArchived: true }, token)).items).toHaveLength(1);
    expect(await app.fail('patients.update', { ...ann, id: a.id, version: 2 }, token)).toEqual({
      code: 'ARCHIVED',
      message: 'Ann Lindqvist is archived, so their chart is read-only. An administrator can restore them.',
    });
    expect(await app.fail('patients.archive', { id: a.id, version: 2 }, token)).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: 'Ann Lindqvist is already archived.',
    });
  });

  it('lets an administrator restore an archived patient, audited, and only an archived one', async () => {
    const a = await app.call('patients.create', ann, token);
    expect(await app.fail('patients.restore', { id: a.id, version: 1 }, token)).toEqual({ code: 'ILLEGAL_TRANSITION', message: 'Ann Lindqvist is not archived.' });
    await app.call('patients.archive', { id: a.id, version: 1 }, token);
    const dentist = await app.signInAs(token, 'DENTIST');
    expect((await app.fail('patients.restore', { id: a.id, version: 2 }, dentist)).code).toBe('FORBIDDEN');
    expect((await app.fail('patients.restore', { id: a.id, version: 1 }, token)).code).toBe('CONFLICT');
    const restored = await app.call('patients.restore', { id: a.id, version: 2 }, token);
    expect(restored).toMatchObject({ archivedAt: null, version: 3 });
    expect((await app.call('patients.search', { query: 'ann' }, token)).items.map((p) => p.id)).toEqual([a.id]);
    expect((await app.call('patients.update', { ...ann, phone: '555 0101', id: a.id, version: 3 }, token)).phone).toBe('555 0101');
    const events = await app.call('audit.list', { entityId: a.id }, token);
    expect(events.items.map((e) => e.action)).toEqual(['update', 'restore', 'archive', 'create']);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    expect((await app.fail('patients.get', { id: '00000000-0000-4000-8000-00000000ffff' }, token)).code).toBe('NOT_FOUND');
  });
});
