import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, listen } from '../../electron/host';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { createTestApp, tempDir, type TestApp } from './harness';

let app: TestApp;
let server: Server;
let port: number;
let cleanupStatic: () => void;
const TOKEN = 'launch-token-for-tests';

beforeEach(async () => {
  app = createTestApp();
  const t = tempDir();
  cleanupStatic = t.cleanup;
  const site = join(t.dir, 'site');
  mkdirSync(join(site, 'assets'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Chairside</title>');
  writeFileSync(join(site, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'secret.txt'), 'do not serve');
  server = createHost({ core: app.core, token: TOKEN, staticDir: site, workstation: 'desk-2 (browser)' });
  port = await listen(server, 0);
});
afterEach(async () => {
  await new Promise((r) => server.close(r));
  cleanupStatic();
  await app.close();
});

function http(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

describe('browser-mode host', () => {
  it('answers a call with the envelope and the workstation name', async () => {
    const res = await http('/api/session.state', { headers: auth, body: '{}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, data: { needsSetup: true, user: null, workstation: 'desk-2 (browser)', now: app.core.now().toISOString() } });
  });

  it('refuses a call without the token, or with a wrong one, and touches nothing', async () => {
    const body = JSON.stringify({ practiceName: 'X', currency: 'USD', adminDisplayName: 'X', adminUsername: 'xxx', adminPassword: 'long enough pw' });
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: TOKEN }] as Record<string, string>[]) {
      const res = await http('/api/setup.createPractice', { headers, body });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    expect(await app.core.db.selectFrom('tenants').select('id').execute()).toEqual([]);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin with 403', async () => {
    const host = await http('/api/session.state', { headers: { ...auth, host: `evil.example:${port}` }, body: '{}' });
    expect(host.status).toBe(403);
    expect(JSON.parse(host.body).error.code).toBe('FORBIDDEN');
    const origin = await http('/api/session.state', { headers: { ...auth, origin: 'http://evil.example' }, body: '{}' });
    expect(origin.status).toBe(403);
    const ok = await http('/api/session.state', { headers: { ...auth, origin: `http://localhost:${port}` }, body: '{}' });
    expect(ok.status).toBe(200);
  });

  it('maps error codes to HTTP statuses and rejects non-JSON bodies', async () => {
    expect((await http('/api/no.such', { headers: auth, body: '{}' })).status).toBe(404);
    const bad = await http('/api/auth.signIn', { headers: auth, body: 'not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('VALIDATION');
    const unauth = await http('/api/patients.search', { headers: auth, body: '{}' });
    expect(unauth.status).toBe(401);
  });

  it('answers malformed addresses and oversized bodies with an envelope, not a crash', async () => {
    expect((await http('/%E0%A4%A', { method: 'GET' })).status).toBe(404);
    const badChannel = await http('/api/%E0%A4%A', { headers: auth, body: '{}' });
    expect(JSON.parse(badChannel.body).error.code).toBe('NOT_FOUND');
    const huge = await http('/api/auth.signIn', { headers: auth, body: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(huge.status).toBe(400);
    expect(JSON.parse(huge.body).error).toEqual({ code: 'VALIDATION', message: 'The request body must be JSON of at most 1 MiB.' });
  });

  it('carries the session in x-chairside-session', async () => {
    const admin = await app.setup();
    const res = await http('/api/patients.search', { headers: { ...auth, 'x-chairside-session': admin }, body: '{}' });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { total: 0 } });
  });

  it('serves the renderer with a CSP, and nothing outside its folder', async () => {
    const index = await http('/', { method: 'GET' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Chairside</title>');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await http('/assets/app.js', { method: 'GET' })).headers['content-type']).toContain('javascript');
    expect((await http('/../secret.txt', { method: 'GET' })).status).toBe(404);
    expect((await http('/%2e%2e/secret.txt', { method: 'GET' })).status).toBe(404);
  });
});
