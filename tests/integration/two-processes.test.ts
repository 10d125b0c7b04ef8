import { type ChildProcess, execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from './harness';

const run = promisify(execFile);
let app: TestApp;
/** The second process, stopped (and waited for) by afterEach if a failed test left it running. */
let second: ChildProcess | undefined;
beforeEach(() => {
  app = createTestApp({ now: () => new Date() });
});
afterEach(async () => {
  if (second && second.exitCode === null && second.signalCode === null) {
    const exited = new Promise((resolve) => second!.once('exit', resolve));
    second.kill('SIGKILL');
    await exited;
  }
  second = undefined;
  await app.close();
});

describe('two processes on one database file', () => {
  // A deferred BEGIN would let another writer commit between this transaction's
  // read and its write, which SQLite then refuses at once ("database is locked").
  it('takes the write lock when a transaction begins, so a second writer waits instead of breaking it', async () => {
    await app.setup();
    const other = new Database(app.file);
    other.pragma('busy_timeout = 0'); // fail at once rather than wait, to see who holds the lock
    try {
      await app.core.db.transaction().execute(async (trx) => {
        await trx.selectFrom('tenants').select('id').execute();
        expect(() => other.prepare("UPDATE tenants SET name = 'other process'").run()).toThrow(/locked|busy/i);
        await trx.updateTable('tenants').set({ name: 'this process' }).execute();
      });
      expect(other.prepare('SELECT name FROM tenants').get()).toEqual({ name: 'this process' });
    } finally {
      other.close();
    }
  });

  it('interleaves their writes without "database is locked" and keeps one audit chain', async () => {
    const admin = await app.setup();
    const { username } = (await app.call('session.state', {}, admin)).user!;
    const N = 40;
    const writer = run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/second-writer.ts'), app.file, username, PASSWORD, String(N)], {
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });
    second = writer.child;
    // Awaited below; if the test fails before that, afterEach stops it and its rejection is expected.
    writer.catch(() => undefined);
    const mine: string[] = [];
    for (let i = 0; i < N; i++) {
      const r = await app.call('patients.create', { firstName: `First${i}`, lastName: 'Process', dateOfBirth: '1980-01-01' }, admin);
      mine.push(r.chartNumber);
      await new Promise((r) => setTimeout(r, 2)); // give the other process room to interleave
    }
    const { stdout } = await writer;
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ failures: [] });

    const all = await app.call('patients.search', { query: 'process', size: 200 }, admin);
    expect(all.total).toBe(2 * N);
    expect(new Set(all.items.map((p) => p.chartNumber)).size).toBe(2 * N);
    expect(await app.call('audit.verify', {}, admin)).toMatchObject({ ok: true });
  });
});
