import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../shared/contract';
import { handlers } from '../../electron/core/handlers';
import { createTestApp, PASSWORD, type TestApp } from './harness';

let app: TestApp;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.close());

describe('first run and sign-in', () => {
  it('asks for setup on an empty database, then creates the practice and signs the admin in', async () => {
    expect(await app.call('session.state', {})).toMatchObject({ needsSetup: true, user: null, workstation: 'test-bench' });
    const token = await app.setup('Harbour Dental');
    const state = await app.call('session.state', {}, token);
    expect(state.needsSetup).toBe(false);
    expect(state.user).toMatchObject({ role: 'ADMIN', practiceName: 'Harbour Dental', currency: 'EUR', displayName: 'Ada Admin' });
  });

  it('refuses a second first-run setup', async () => {
    await app.setup();
    const err = await app.fail('setup.createPractice', {
      practiceName: 'Intruder', currency: 'USD', adminDisplayName: 'Eve', adminUsername: 'eve', adminPassword: PASSWORD,
    });
    expect(err.code).toBe('FORBIDDEN');
    expect(await app.core.db.selectFrom('tenants').select('id').execute()).toHaveLength(1);
  });

  it('rejects a wrong password and an unknown user with the same message', async () => {
    const admin = await app.setup();
    const me = (await app.call('session.state', {}, admin)).user!;
    const wrong = await app.fail('auth.signIn', { username: me.username, password: 'not the password' });
    const unknown = await app.fail('auth.signIn', { username: 'nobody', password: 'not the password' });
    expect(wrong).toEqual({ code: 'UNAUTHENTICATED', message: 'That username and password do not match.' });
    expect(unknown).toEqual(wrong);
  });

  it('refuses a username for 15 minutes after five wrong passwords, even with the right one', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const timed = createTestApp({ now: () => new Date(now) });
    try {
      const admin = await timed.setup();
      const { username } = (await timed.call('session.state', {}, admin)).user!;
      for (let i = 0; i < 5; i++) await timed.fail('auth.signIn', { username, password: 'guess number ' + i });
      const locked = await timed.fail('auth.signIn', { username, password: PASSWORD });
      expect(locked).toEqual({ code: 'UNAUTHENTICATED', message: 'Too many wrong passwords for this username. Try again in 15 minutes, or ask an administrator to unlock it (Settings, Users).' });
      now += 15 * 60 * 1000 + 1;
      expect((await timed.call('auth.signIn', { username, password: PASSWORD })).user.username).toBe(username);
    } finally {
      await timed.close();
    }
  });

  it('stores passwords as scrypt hashes, never as text', async () => {
    await app.setup();
    const row = await app.core.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('signs out: the token stops working', async () => {
    const token = await app.setup();
    await app.call('auth.signOut', {}, token);
    expect((await app.fail('patients.search', {}, token)).code).toBe('UNAUTHENTICATED');
  });

  it('needs a session for every non-public channel', async () => {
    await app.setup();
    for (const channel of CHANNELS) {
      if (contract[channel].roles === 'public') continue;
      expect((await app.fail(channel, {}, null)).code, channel).toBe('UNAUTHENTICATED');
    }
  });

  it('validates input with field paths before anything runs', async () => {
    const err = await app.fail('setup.createPractice', {
      practiceName: '', currency: 'dollars', adminDisplayName: 'A', adminUsername: 'x', adminPassword: 'short',
    });
    expect(err.code).toBe('VALIDATION');
    expect(err.issues?.map((i) => i.path).sort()).toEqual(['adminPassword', 'adminUsername', 'currency', 'practiceName']);
    expect(await app.core.db.selectFrom('tenants').select('id').execute()).toHaveLength(0);
  });

  it('answers NOT_FOUND for a channel that does not exist', async () => {
    expect((await app.fail('patients.drop' as never, {})).code).toBe('NOT_FOUND');
  });
});

describe('roles', () => {
  it('has a handler for every channel in the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('lets only an admin manage users', async () => {
    const admin = await app.setup();
    const dentist = await app.signInAs(admin, 'DENTIST');
    const err = await app.fail('users.create', { username: 'sneaky', displayName: 'S', role: 'ADMIN', password: PASSWORD }, dentist);
    expect(err.code).toBe('FORBIDDEN');
    expect((await app.fail('users.list', {}, dentist)).code).toBe('FORBIDDEN');
    expect((await app.fail('audit.list', {}, dentist)).code).toBe('FORBIDDEN');
    expect((await app.call('users.list', {}, admin)).map((u) => u.role).sort()).toEqual(['ADMIN', 'DENTIST']);
  });

  it('keeps the front desk out of clinical charting', async () => {
    const admin = await app.setup();
    const desk = await app.signInAs(admin, 'FRONT_DESK');
    const dentist = await app.signInAs(admin, 'DENTIST');
    const providerId = (await app.call('users.providers', {}, desk))[0]!.id;
    const patient = await app.call('patients.create', { firstName: 'Ann', lastName: 'Lee', dateOfBirth: '1980-01-01' }, desk);
    const visit = await app.call('visits.create', { patientId: patient.id, providerId, date: '2026-03-02' }, desk);
    const err = await app.fail('procedures.add', { visitId: visit.id, code: 'D0120', name: 'Exam', unitFee: 5000 }, desk);
    expect(err.code).toBe('FORBIDDEN');
    const proc = await app.call('procedures.add', { visitId: visit.id, code: 'D0120', name: 'Exam', unitFee: 5000 }, dentist);
    expect((await app.fail('procedures.setStatus', { id: proc.id, version: 1, status: 'IN_PROGRESS' }, desk)).code).toBe('FORBIDDEN');
    expect((await app.call('visits.get', { id: visit.id }, desk)).procedures).toHaveLength(1);
  });

  it('lets an assistant chart but not remove', async () => {
    const admin = await app.setup();
    const assistant = await app.signInAs(admin, 'ASSISTANT');
    const dentistId = (await app.call('users.create', { username: 'drx', displayName: 'Dr X', role: 'DENTIST', password: PASSWORD }, admin)).id;
    const patient = await app.call('patients.create', { firstName: 'Bo', lastName: 'Ray', dateOfBirth: '1990-05-05' }, assistant);
    const visit = await app.call('visits.create', { patientId: patient.id, providerId: dentistId, date: '2026-03-02' }, assistant);
    const proc = await app.call('procedures.add', { visitId: visit.id, code: 'D1110', name: 'Cleaning', unitFee: 9000 }, assistant);
    expect((await app.fail('procedures.remove', { id: proc.id, version: proc.version }, assistant)).code).toBe('FORBIDDEN');
    expect((await app.fail('patients.archive', { id: patient.id, version: 1 }, assistant)).code).toBe('FORBIDDEN');
  });

  it('refuses sign-in to a deactivated user', async () => {
    const admin = await app.setup();
    await app.signInAs(admin, 'HYGIENIST', 'hyg');
    await app.core.db.updateTable('users').set({ active: 0 }).where('username', '=', 'hyg').execute();
    expect((await app.fail('auth.signIn', { username: 'hyg', password: PASSWORD })).code).toBe('UNAUTHENTICATED');
  });
});
