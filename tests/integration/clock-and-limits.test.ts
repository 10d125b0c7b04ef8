import { afterEach, describe, expect, it } from 'vitest';
import { clinic } from './clinic';
import { createTestApp, type TestApp } from './harness';

let app: TestApp;
afterEach(() => app.close());

describe('one clock', () => {
  it('stamps every row and every audit event with the core’s clock, not SQLite’s', async () => {
    let now = new Date('2031-05-06T07:08:09.000Z');
    app = createTestApp({ now: () => now });
    const c = await clinic(app);
    const p = await c.add();
    now = new Date('2031-05-06T07:30:00.000Z');
    const started = await app.call('procedures.setStatus', { id: p.id, version: 1, status: 'IN_PROGRESS' }, c.dentist);

    expect(p.createdAt).toMatch(/^2031-05-06T07:08:09\.0\d\dZ$/);
    expect(p.updatedAt).toBe(p.createdAt);
    expect(started).toMatchObject({ createdAt: p.createdAt, updatedAt: '2031-05-06T07:30:00.000Z', startedAt: '2031-05-06T07:30:00.000Z' });
    const stamps = app.core.sqlite
      .prepare(
        `SELECT created_at AS c, updated_at AS u FROM tenants UNION ALL SELECT created_at, updated_at FROM users
         UNION ALL SELECT created_at, updated_at FROM patients UNION ALL SELECT created_at, updated_at FROM visits
         UNION ALL SELECT created_at, updated_at FROM procedures UNION ALL SELECT at, created_at FROM audit_events`,
      )
      .all() as { c: string; u: string }[];
    expect(stamps.length).toBeGreaterThan(8);
    for (const { c: created, u: updated } of stamps) {
      expect(created.startsWith('2031-05-06T07:')).toBe(true);
      expect(updated.startsWith('2031-05-06T07:')).toBe(true);
    }
  });

  it('keeps updated_at moving for writes that do not set it (the seed’s trigger, as a safety net)', async () => {
    app = createTestApp();
    const c = await clinic(app);
    app.core.sqlite.prepare('UPDATE patients SET alerts = ? WHERE id = ?').run('Latex allergy', c.patient.id);
    const row = app.core.sqlite.prepare('SELECT updated_at FROM patients WHERE id = ?').get(c.patient.id) as { updated_at: string };
    expect(row.updated_at).not.toBe(c.patient.updatedAt);
  });

  it('never issues the same instant twice, even from a frozen clock: audit events stay in time order', async () => {
    app = createTestApp();
    const c = await clinic(app);
    await c.add();
    await c.add();
    const ats = (app.core.sqlite.prepare('SELECT at FROM audit_events ORDER BY seq').all() as { at: string }[]).map((r) => r.at);
    expect(new Set(ats).size).toBe(ats.length);
    expect([...ats].sort()).toEqual(ats);
  });

  it('tells the renderer the main process’s time', async () => {
    app = createTestApp({ now: () => new Date('2030-01-02T03:04:05.000Z') });
    expect((await app.call('session.state', {})).now).toBe('2030-01-02T03:04:05.000Z');
  });
});

describe('bounded input', () => {
  it('refuses a huge email instead of copying it into every audit event', async () => {
    app = createTestApp();
    const admin = await app.setup();
    const email = `${'a'.repeat(96 * 1024)}@example.com`;
    const err = await app.fail('patients.create', { firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01', email }, admin);
    expect(err).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'email', message: 'An email address has at most 254 characters.' }] });
    expect((await app.call('patients.search', {}, admin)).total).toBe(0);
  });

  it('refuses a huge username at sign-in before any password work, and remembers nothing of it', async () => {
    app = createTestApp();
    await app.setup();
    const err = await app.fail('auth.signIn', { username: 'x'.repeat(1024 * 1024), password: 'whatever it is' });
    expect(err.code).toBe('VALIDATION');
    expect(app.core.signInThrottle.size).toBe(0);
  });

  it('refuses what is not a phone number, and quantities that are not whole and in range', async () => {
    app = createTestApp();
    const c = await clinic(app);
    const phone = await app.fail('patients.create', { firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01', phone: 'abc' }, c.admin);
    expect(phone.issues?.[0]?.path).toBe('phone');
    for (const ok of ['555-0101', '+1 (555) 010-1234', '020 7946 0958 x12']) {
      expect((await app.call('patients.create', { firstName: 'Ph', lastName: ok, dateOfBirth: '1990-01-01', phone: ok }, c.admin)).phone).toBe(ok);
    }
    for (const quantity of [0, -3, 1.5, 1000]) {
      const err = await app.fail('procedures.add', { visitId: c.visit.id, code: 'D0120', name: 'Exam', unitFee: 0, quantity }, c.dentist);
      expect(err.issues?.[0]?.path, String(quantity)).toBe('quantity');
    }
  });

  it('accepts a real ISO 4217 currency at setup and refuses three random letters', async () => {
    app = createTestApp();
    const input = { practiceName: 'Kobe Dental', adminDisplayName: 'Aki', adminUsername: 'aki', adminPassword: 'long enough password' };
    expect((await app.fail('setup.createPractice', { ...input, currency: 'ABC' })).issues?.[0]?.path).toBe('currency');
    expect((await app.call('setup.createPractice', { ...input, currency: 'jpy' })).user.currency).toBe('JPY');
  });
});
