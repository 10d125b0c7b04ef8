/**
 * Integration harness: a real SQLite file per test in a temp folder, a fixed
 * clock and predictable ids, and call() going through dispatch() exactly as
 * the ipc bridge and browser mode do.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import type { Role } from '../../shared/domain/roles';
import type { ErrorBody } from '../../shared/result';
import { createTenant } from '../../electron/core/auth/auth.service';
import type { Core } from '../../electron/core/context';
import { closeCore, createCore } from '../../electron/core/create-core';
import { dispatch } from '../../electron/core/handlers';

export const MIGRATIONS = join(import.meta.dirname, '../../migrations');
export const PASSWORD = 'correct horse battery';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'chairside-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sequentialIds(prefix = '4000-8000') {
  let n = 0;
  return () => `00000000-0000-${prefix}-${(++n).toString(16).padStart(12, '0')}`;
}

export interface TestApp {
  core: Core;
  file: string;
  call<C extends Channel>(channel: C, input: InputOf<C>, token?: string | null): Promise<OutputOf<C>>;
  fail<C extends Channel>(channel: C, input: InputOf<C> | Record<string, unknown>, token?: string | null): Promise<ErrorBody>;
  /** First-run setup; returns the admin's session token. */
  setup(practiceName?: string): Promise<string>;
  /** Adds a user with the role (via users.create as admin) and signs them in. */
  signInAs(adminToken: string, role: Role, username?: string): Promise<string>;
  /** A second practice in the same file (first-run setup refuses that, so it goes to the core). */
  addTenant(practiceName: string): Promise<string>;
  /** Writes the whole database to one file (no -wal beside it) that createTestApp({ from }) can start from. */
  snapshot(to: string): void;
  close(): Promise<void>;
}

export const FIXED_NOW = new Date('2026-03-02T09:00:00.000Z');

export function createTestApp(options: { now?: () => Date; from?: string } = {}): TestApp {
  const { dir, cleanup } = tempDir();
  const file = join(dir, 'chairside.sqlite');
  // A copy of a prepared file (see snapshot()): its ids must not collide with the ones already in it.
  if (options.from) copyFileSync(options.from, file);
  const errors: unknown[] = [];
  const core = createCore({
    file,
    migrationsDir: MIGRATIONS,
    now: options.now ?? (() => FIXED_NOW),
    newId: sequentialIds(options.from ? '4000-9000' : undefined),
    logError: (err) => errors.push(err),
  });
  let users = 0;
  const app: TestApp = {
    core,
    file,
    async call(channel, input, token) {
      const res = await dispatch(core, channel, input, { sessionToken: token, workstation: 'test-bench' });
      if (!res.ok) throw new Error(`${channel} failed: ${res.error.code} ${res.error.message} ${JSON.stringify(res.error.issues ?? [])}`);
      return res.data as never;
    },
    async fail(channel, input, token) {
      const res = await dispatch(core, channel, input, { sessionToken: token, workstation: 'test-bench' });
      if (res.ok) throw new Error(`${channel} was expected to fail but succeeded`);
      if (res.error.code === 'INTERNAL') throw new Error(`INTERNAL: ${String(errors.at(-1))}`);
      return res.error;
    },
    async setup(practiceName = 'Harbour Dental') {
      const r = await app.call('setup.createPractice', {
        practiceName,
        currency: 'EUR',
        adminDisplayName: 'Ada Admin',
        adminUsername: `admin${practiceName.length}${users++}`.toLowerCase(),
        adminPassword: PASSWORD,
      });
      return r.sessionToken;
    },
    async signInAs(adminToken, role, username) {
      const name = username ?? `${role.toLowerCase().replace('_', '')}${users++}`;
      await app.call('users.create', { username: name, displayName: `Test ${role}`, role, password: PASSWORD }, adminToken);
      return (await app.call('auth.signIn', { username: name, password: PASSWORD })).sessionToken;
    },
    async addTenant(practiceName) {
      const username = `other${users++}`;
      await createTenant(
        core,
        'test-bench',
        { practiceName, currency: 'GBP', adminDisplayName: 'Other Admin', adminUsername: username, adminPassword: PASSWORD },
        { firstRunOnly: false },
      );
      return (await app.call('auth.signIn', { username, password: PASSWORD })).sessionToken;
    },
    snapshot(to) {
      core.sqlite.exec(`VACUUM INTO '${to.replaceAll("'", "''")}'`);
    },
    async close() {
      await closeCore(core);
      cleanup();
    },
  };
  return app;
}
