import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../electron/core/auth/sessions';
import { hashPassword, verifyPassword } from '../../electron/core/auth/password';

describe('sessions', () => {
  it('expire after twelve idle hours and stay alive while used', () => {
    let t = Date.parse('2026-03-02T08:00:00Z');
    const store = new SessionStore(() => new Date(t));
    const token = store.open({ userId: 'u', tenantId: 't', credentialVersion: 1 });
    t += 11 * 3600_000;
    expect(store.get(token)?.userId).toBe('u');
    t += 11 * 3600_000;
    expect(store.get(token)?.userId).toBe('u');
    t += 12 * 3600_000 + 1;
    expect(store.get(token)).toBeNull();
  });
});

describe('passwords', () => {
  it('verify only the password that was hashed, with a fresh salt each time', async () => {
    const h1 = await hashPassword('correct horse battery');
    const h2 = await hashPassword('correct horse battery');
    expect(h1).not.toBe(h2);
    expect(await verifyPassword('correct horse battery', h1)).toBe(true);
    expect(await verifyPassword('correct horse batterY', h1)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
