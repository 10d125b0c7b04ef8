/** First run with a dentist-administrator, who is a provider, practice formats, and unlocking a locked-out user. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from './harness';
import { digest } from './contract/world';

describe('practice setup and settings', () => {
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp();
  });
  afterEach(() => app.close());

  const setup = (adminIsProvider?: boolean) =>
    app.call('setup.createPractice', {
      practiceName: 'Harbour Dental',
      currency: 'USD',
      adminDisplayName: 'Dr. Ada Okafor',
      adminUsername: 'ada',
      adminPassword: PASSWORD,
      ...(adminIsProvider === undefined ? {} : { adminIsProvider }),
    });

  it('lets the dentist who sets up the practice make the first visit straight away', async () => {
    const { sessionToken, user } = await setup(true);
    expect(await app.call('users.providers', {}, sessionToken)).toEqual([{ id: user.id, displayName: 'Dr. Ada Okafor', role: 'ADMIN' }]);
    const patient = await app.call('patients.create', { firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30' }, sessionToken);
    const visit = await app.call('visits.create', { patientId: patient.id, providerId: user.id, date: '2026-03-02' }, sessionToken);
    expect(visit.providerName).toBe('Dr. Ada Okafor');
  });

  it('keeps an administrator who only administers off the provider list', async () => {
    const { sessionToken, user } = await setup();
    expect(await app.call('users.providers', {}, sessionToken)).toEqual([]);
    const patient = await app.call('patients.create', { firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30' }, sessionToken);
    const refused = await app.fail('visits.create', { patientId: patient.id, providerId: user.id, date: '2026-03-02' }, sessionToken);
    expect(refused.issues).toEqual([{ path: 'providerId', message: "Dr. Ada Okafor is not one of the practice's active providers." }]);
    const admin = (await app.call('users.list', {}, sessionToken))[0]!;
    const now = await app.call('users.update', { id: admin.id, version: admin.version, displayName: admin.displayName, role: 'ADMIN', active: true, provider: true }, sessionToken);
    expect(now.provider).toBe(true);
  });

  it('refuses a provider flag that contradicts the role, and derives it when left out', async () => {
    const { sessionToken } = await setup();
    const before = digest(app);
    const assistant = await app.fail('users.create', { username: 'asha', displayName: 'Asha', role: 'ASSISTANT', password: PASSWORD, provider: true }, sessionToken);
    expect(assistant.issues).toEqual([{ path: 'provider', message: 'Only dentists, hygienists and administrators can be providers.' }]);
    const dentist = await app.fail('users.create', { username: 'noor', displayName: 'Noor', role: 'DENTIST', password: PASSWORD, provider: false }, sessionToken);
    expect(dentist.issues).toEqual([{ path: 'provider', message: 'A dentist is always a provider.' }]);
    expect(digest(app)).toBe(before);
    const hygienist = await app.call('users.create', { username: 'hal', displayName: 'Hal', role: 'HYGIENIST', password: PASSWORD }, sessionToken);
    expect(hygienist.provider).toBe(true);
    const moved = await app.call('users.update', { id: hygienist.id, version: 1, displayName: 'Hal', role: 'FRONT_DESK', active: true }, sessionToken);
    expect(moved.provider).toBe(false);
  });

  it('changes how the practice writes dates, times and names, and every session sees it', async () => {
    const { sessionToken } = await setup();
    expect(await app.call('practice.get', {}, sessionToken)).toEqual({ name: 'Harbour Dental', currency: 'USD', locale: 'en-US', timeFormat: '12h', nameOrder: 'last_first', version: 1 });
    const updated = await app.call('practice.update', { version: 1, name: 'Harbour Dental Care', locale: 'en-gb', timeFormat: '24h', nameOrder: 'first_last' }, sessionToken);
    expect(updated).toMatchObject({ name: 'Harbour Dental Care', locale: 'en-GB', timeFormat: '24h', nameOrder: 'first_last', version: 2 });
    const state = await app.call('session.state', {}, sessionToken);
    expect(state.user).toMatchObject({ practiceName: 'Harbour Dental Care', formats: { locale: 'en-GB', timeFormat: '24h', nameOrder: 'first_last' } });
    const stale = await app.fail('practice.update', { version: 1, name: 'X', locale: 'en-US', timeFormat: '12h', nameOrder: 'last_first' }, sessionToken);
    expect(stale.code).toBe('CONFLICT');
    const bad = await app.fail('practice.update', { version: 2, name: 'X', locale: 'klingon-speak', timeFormat: '12h', nameOrder: 'last_first' }, sessionToken);
    expect(bad.issues).toEqual([{ path: 'locale', message: 'Not a language and region this computer knows, e.g. en-US or fr-FR.' }]);
  });

  it('finds a birth date written the practice’s way', async () => {
    const { sessionToken } = await setup();
    await app.call('patients.create', { firstName: 'Ifeoma', lastName: 'Okafor', dateOfBirth: '1994-05-16', phone: '(555) 010-4567' }, sessionToken);
    const lastNames = async (query: string) => (await app.call('patients.search', { query }, sessionToken)).items.map((p) => p.lastName);
    for (const q of ['05/16/1994', '5/16/94', 'May 16 1994', 'may 16, 1994', '16 May 1994', '1994-05-16', 'kafor', 'OKAF', '4567', 'ife oka']) {
      expect(await lastNames(q), q).toEqual(['Okafor']);
    }
    expect(await lastNames('16/05/1994')).toEqual([]); // not a date, month first
    await app.call('practice.update', { version: 1, name: 'Harbour Dental', locale: 'en-GB', timeFormat: '24h', nameOrder: 'last_first' }, sessionToken);
    expect(await lastNames('16/05/1994')).toEqual(['Okafor']);
    expect(await lastNames('05/16/1994')).toEqual([]);
  });
});

describe('a locked-out user', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('is shown as locked to the administrator, who lifts it without changing the password', async () => {
    app = createTestApp();
    const admin = await app.setup();
    const user = await app.call('users.create', { username: 'noor', displayName: 'Noor', role: 'DENTIST', password: PASSWORD }, admin);
    for (let i = 0; i < 5; i++) await app.fail('auth.signIn', { username: 'noor', password: 'guess number one' });
    expect((await app.fail('auth.signIn', { username: 'noor', password: PASSWORD })).message).toMatch(/^Too many wrong passwords/);
    expect((await app.call('users.list', {}, admin)).find((u) => u.id === user.id)?.lockedMinutes).toBe(15);
    await app.call('users.unlock', { id: user.id }, admin);
    expect((await app.call('users.list', {}, admin)).find((u) => u.id === user.id)?.lockedMinutes).toBe(0);
    expect((await app.call('auth.signIn', { username: 'noor', password: PASSWORD })).user.username).toBe('noor');
    const again = await app.fail('users.unlock', { id: user.id }, admin);
    expect(again.issues).toEqual([{ path: 'id', message: 'Noor is not locked out.' }]);
    const [event] = (await app.call('audit.list', { entityId: user.id }, admin)).items.filter((e) => e.action === 'unlock');
    expect(event).toMatchObject({ before: { lockedMinutes: 15 } });
  });
});
