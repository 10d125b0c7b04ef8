import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, closeCore } from '../../electron/core/create-core';
import { dispatch } from '../../electron/core/handlers';
import { createTestApp, MIGRATIONS, PASSWORD, type TestApp } from './harness';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = createTestApp();
  admin = await app.setup();
});
afterEach(() => app.close());

async function user(username: string) {
  return (await app.call('users.list', {}, admin)).find((u) => u.username === username)!;
}

describe('users: sessions follow the database on the very next call', () => {
  it('gives a user a new role on their next call, without signing in again', async () => {
    const token = await app.signInAs(admin, 'ASSISTANT', 'kim');
    expect((await app.fail('users.list', {}, token)).code).toBe('FORBIDDEN');
    const kim = await user('kim');
    const promoted = await app.call('users.update', { id: kim.id, version: kim.version, displayName: 'Kim Lee', role: 'ADMIN', active: true }, admin);
    expect(promoted).toMatchObject({ role: 'ADMIN', displayName: 'Kim Lee', version: 2 });
    expect((await app.call('users.list', {}, token)).length).toBe(2);
    expect((await app.call('session.state', {}, token)).user).toMatchObject({ role: 'ADMIN', displayName: 'Kim Lee' });
  });

  it('signs a deactivated user out on their next call, and refuses their sign-in', async () => {
    const token = await app.signInAs(admin, 'DENTIST', 'drx');
    const drx = await user('drx');
    await app.call('users.update', { id: drx.id, version: 1, displayName: drx.displayName, role: 'DENTIST', active: false }, admin);
    expect(await app.fail('patients.search', {}, token)).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Your account is no longer active. Ask an administrator.',
    });
    expect((await app.fail('auth.signIn', { username: 'drx', password: PASSWORD })).code).toBe('UNAUTHENTICATED');
    expect((await app.call('users.providers', {}, admin)).map((p) => p.id)).not.toContain(drx.id);
  });

  it('keeps one active administrator: the last one can be neither demoted nor deactivated', async () => {
    const me = (await app.call('session.state', {}, admin)).user!;
    const demote = await app.fail('users.update', { id: me.id, version: 1, displayName: me.displayName, role: 'DENTIST', active: true }, admin);
    expect(demote).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'role' }] });
    expect(demote.message).toBe('Ada Admin is the only active administrator. Make someone else an administrator first.');
    const deactivate = await app.fail('users.update', { id: me.id, version: 1, displayName: me.displayName, role: 'ADMIN', active: false }, admin);
    expect(deactivate.issues?.[0]?.path).toBe('active');

    // With a second administrator, the first may step down.
    await app.signInAs(admin, 'ADMIN', 'second');
    const stepped = await app.call('users.update', { id: me.id, version: 1, displayName: me.displayName, role: 'DENTIST', active: true }, admin);
    expect(stepped.role).toBe('DENTIST');
    expect((await app.fail('users.list', {}, admin)).code).toBe('FORBIDDEN');
  });

  it('answers CONFLICT for a stale version and NOT_FOUND for an unknown user', async () => {
    await app.signInAs(admin, 'HYGIENIST', 'hyg');
    const hyg = await user('hyg');
    await app.call('users.update', { id: hyg.id, version: 1, displayName: 'Jo', role: 'HYGIENIST', active: true }, admin);
    expect((await app.fail('users.update', { id: hyg.id, version: 1, displayName: 'Jo R', role: 'HYGIENIST', active: true }, admin)).code).toBe('CONFLICT');
    expect((await app.fail('users.resetPassword', { id: '00000000-0000-4000-8000-00000000ffff', password: PASSWORD }, admin)).code).toBe('NOT_FOUND');
  });
});

describe('users: passwords', () => {
  it('resets a forgotten password: every session of that user ends, and a lockout on the name lifts', async () => {
    const token = await app.signInAs(admin, 'FRONT_DESK', 'pat');
    for (let i = 0; i < 5; i++) await app.fail('auth.signIn', { username: 'pat', password: `wrong guess ${i}` });
    expect((await app.fail('auth.signIn', { username: 'pat', password: PASSWORD })).message).toMatch(/Too many wrong passwords/);

    const pat = await user('pat');
    const after = await app.call('users.resetPassword', { id: pat.id, password: 'a fresh start please' }, admin);
    expect(after.version).toBe(pat.version);
    expect(await app.fail('patients.search', {}, token)).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Your password was changed. Please sign in with the new one.',
    });
    expect((await app.fail('auth.signIn', { username: 'pat', password: PASSWORD })).code).toBe('UNAUTHENTICATED');
    expect((await app.call('auth.signIn', { username: 'pat', password: 'a fresh start please' })).user.username).toBe('pat');
    const events = await app.call('audit.list', { entityId: pat.id }, admin);
    expect(events.items[1]).toMatchObject({ action: 'reset_password', before: null, after: null });
    expect(JSON.stringify(events.items)).not.toContain('a fresh start please');
  });

  it('lets anyone change their own password with the current one: this session carries on, the others end', async () => {
    const here = await app.signInAs(admin, 'HYGIENIST', 'jor');
    const there = (await app.call('auth.signIn', { username: 'jor', password: PASSWORD })).sessionToken;
    const wrong = await app.fail('auth.changePassword', { currentPassword: 'not it at all', newPassword: 'my new passphrase' }, here);
    expect(wrong).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'currentPassword', message: 'That is not your current password.' }] });

    expect(await app.call('auth.changePassword', { currentPassword: PASSWORD, newPassword: 'my new passphrase' }, here)).toEqual({ changed: true });
    expect((await app.call('session.state', {}, here)).user?.username).toBe('jor');
    expect((await app.fail('patients.search', {}, there)).code).toBe('UNAUTHENTICATED');
    expect((await app.call('auth.signIn', { username: 'jor', password: 'my new passphrase' })).user.role).toBe('HYGIENIST');
  });

  it('ends a session in another process serving the same file when the password changes there', async () => {
    const token = await app.signInAs(admin, 'DENTIST', 'drb');
    const second = createCore({ file: app.file, migrationsDir: MIGRATIONS });
    try {
      const call = (channel: string, input: unknown, session: string | null) =>
        dispatch(second, channel, input, { sessionToken: session, workstation: 'second' });
      const signedIn = await call('auth.signIn', { username: 'drb', password: PASSWORD }, null);
      const elsewhere = (signedIn as { ok: true; data: { sessionToken: string } }).data.sessionToken;
      await app.call('auth.changePassword', { currentPassword: PASSWORD, newPassword: 'changed at the desk' }, token);
      expect(await call('patients.search', {}, elsewhere)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    } finally {
      await closeCore(second);
    }
  });
});

describe('users: guessing a password from a signed-in session', () => {
  it('is slowed like sign-in, but never locks the user out of signing in', async () => {
    const token = await app.signInAs(admin, 'DENTIST', 'drguess');
    for (let i = 0; i < 5; i++) {
      const err = await app.fail('auth.changePassword', { currentPassword: `guess ${i}`, newPassword: 'whatever it becomes' }, token);
      expect(err.issues?.[0]).toEqual({ path: 'currentPassword', message: 'That is not your current password.' });
    }
    const locked = await app.fail('auth.changePassword', { currentPassword: PASSWORD, newPassword: 'whatever it becomes' }, token);
    expect(locked).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'currentPassword', message: 'Too many wrong passwords. Try again in 15 minutes.' }] });
    expect((await app.call('session.state', {}, token)).user?.username).toBe('drguess');
    expect((await app.call('auth.signIn', { username: 'drguess', password: PASSWORD })).user.username).toBe('drguess');
  });
});
