/**
 * Each test gets its own browser-mode server on a free port with its own
 * data directory, so tests never see each other's practices.
 *
 * Nothing a test starts outlives it. The server runs under scripts/child.mjs
 * (as `npm run serve` runs it), in a process group of its own: the test ends
 * by signalling the whole group and waiting until it has exited (SIGKILL if
 * it has not within a few seconds); a worker that exits early kills what is
 * left; and a worker killed outright is noticed by child.mjs, which stops the
 * server within a quarter of a second.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

export interface Server {
  url: string;
  token: string;
  dataDir: string;
  /** Calls the API directly, as a second workstation would. */
  api<T = unknown>(channel: string, input: unknown, session?: string): Promise<{ ok: boolean; data: T; error?: { code: string } }>;
}

const STARTUP_MS = 30_000;
const GRACE_MS = 5_000;

/** Servers of this worker that have not been seen to exit. */
const running = new Set<ChildProcess>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // ESRCH: the group has no process left.
  }
}

// Last resort when the worker ends without tearing its fixtures down.
process.once('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
});

/** Stops the server's whole process group and resolves once the server has exited. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    signalGroup(child, 'SIGTERM');
    const force = setTimeout(() => signalGroup(child, 'SIGKILL'), GRACE_MS);
    await exited;
    clearTimeout(force);
  }
  // Anything the server started and left behind in its group.
  signalGroup(child, 'SIGKILL');
  running.delete(child);
}

/**
 * Starts browser mode. With `dataDir` the server opens that folder and leaves
 * it behind (the caller removes it): a test restarts the app on the same data
 * with another `CHAIRSIDE_NOW` to move the clock.
 */
async function start(args: string[] = [], options: { env?: Record<string, string>; dataDir?: string } = {}): Promise<{ child: ChildProcess; server: Server }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'chairside-e2e-'));
  const token = `e2e-${Math.random().toString(36).slice(2)}`;
  const child = spawn(
    process.execPath,
    ['scripts/child.mjs', process.execPath, '--import', 'tsx', 'electron/serve.ts', '--data-dir', dataDir, '--port', '0', ...args],
    { env: { ...process.env, ...options.env, CHAIRSIDE_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  running.add(child);
  if (!options.dataDir) child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start within ${STARTUP_MS} ms:\n${out}`)), STARTUP_MS);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /running at (http:\/\/\S+)\/\?token=/.exec(out);
        if (!m?.[1]) return;
        clearTimeout(timer);
        resolve(m[1]);
      });
      child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code ?? signal}:\n${out}`));
      });
    });
    return {
      child,
      server: {
        url: `${origin}/?token=${token}`,
        token,
        dataDir,
        async api<T>(channel: string, input: unknown, session?: string) {
          const res = await fetch(`${origin}/api/${channel}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-chairside-session': session ?? '' },
            body: JSON.stringify(input),
          });
          return (await res.json()) as { ok: boolean; data: T; error?: { code: string } };
        },
      },
    };
  } catch (err) {
    await stop(child);
    throw err;
  }
}

export const test = base.extend<{ server: Server; demoServer: Server }>({
  // Playwright reads fixture dependencies from this destructuring, so it must stay an (empty) object pattern.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const { child, server } = await start();
    try {
      await use(server);
    } finally {
      await stop(child);
    }
  },
  // eslint-disable-next-line no-empty-pattern
  demoServer: async ({}, use) => {
    const { child, server } = await start(['--demo']);
    try {
      await use(server);
    } finally {
      await stop(child);
    }
  },
});

/**
 * For a spec file that shares one server between its tests (each test then
 * makes its own patients): start it in test.beforeAll and stop it in
 * test.afterAll. The worker's exit handler above still kills it if the
 * worker dies first.
 */
export { start as startServer, stop as stopServer };

export { expect };
