/**
 * Open screens hear that data changed: from this process, from another
 * connection on the same file (a second workstation), and over browser
 * mode's event stream.
 */
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCore, createCore } from '../../electron/core/create-core';
import { ChangeFeed } from '../../electron/core/changes';
import { createHost, listen } from '../../electron/host';
import { createTestApp, MIGRATIONS, tempDir, type TestApp } from './harness';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

describe('the change feed', () => {
  it('hears this process’s writes and another connection’s, and nothing else', async () => {
    const app = createTestApp();
    apps.push(app);
    const admin = await app.setup();
    const other = createCore({ file: app.file, migrationsDir: MIGRATIONS });
    const feed = new ChangeFeed(app.core.sqlite, 60_000);
    const heard: number[] = [];
    const stop = feed.subscribe((v) => heard.push(v));
    try {
      feed.poll();
      await app.call('patients.search', { query: 'a' }, admin); // a read
      feed.poll();
      expect(heard).toEqual([]);

      await app.call('patients.create', { firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30' }, admin);
      feed.poll();
      expect(heard).toEqual([1]);

      other.sqlite.prepare("UPDATE patients SET alerts = 'Latex allergy'").run();
      feed.poll();
      feed.poll();
      expect(heard).toEqual([1, 2]);
    } finally {
      stop();
      await closeCore(other);
    }
    expect(feed.listeners).toBe(0);
  });
});

describe('GET /api/events', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r(null)));
  });

  it('streams the version now and after a change, to a caller with the launch token only', async () => {
    const app = createTestApp();
    apps.push(app);
    const admin = await app.setup();
    const site = tempDir();
    server = createHost({ core: app.core, token: 'tok', staticDir: site.dir, workstation: 'desk' });
    const port = await listen(server, 0);

    const refused = await fetch(`http://127.0.0.1:${port}/api/events`);
    expect(refused.status).toBe(401);

    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/events`, { headers: { authorization: 'Bearer tok' }, signal: abort.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const next = async () => decoder.decode((await reader.read()).value);
    expect(await next()).toBe('data: {"version":0}\n\n');

    const started = Date.now();
    await app.call('patients.create', { firstName: 'Maya', lastName: 'Tanaka', dateOfBirth: '1979-11-30' }, admin);
    expect(await next()).toBe('data: {"version":1}\n\n');
    // Printed, never asserted: how long an open screen waits to hear of a change.
    console.log(`change heard after ${Date.now() - started} ms`);

    expect(app.core.changes.listeners).toBe(1);
    abort.abort();
    await expect.poll(() => app.core.changes.listeners).toBe(0);
    site.cleanup();
  });
});
