/**
 * Each test gets its own browser-mode server on a free port with its own
 * data directory, so tests never see each other's practices.
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

function start(args: string[] = []): Promise<{ child: ChildProcess; server: Server }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chairside-e2e-'));
  const token = `e2e-${Math.random().toString(36).slice(2)}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', '--data-dir', dataDir, '--port', '0', ...args], {
    env: { ...process.env, CHAIRSIDE_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)\/\?token=/.exec(out);
      if (!m?.[1]) return;
      clearTimeout(timer);
      const origin = m[1];
      resolve({
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
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  }).then((r) => {
    const started = r as { child: ChildProcess; server: Server };
    started.child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
    return started;
  });
}

export const test = base.extend<{ server: Server; demoServer: Server }>({
  // Playwright reads fixture dependencies from this destructuring, so it must stay an (empty) object pattern.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const { child, server } = await start();
    await use(server);
    child.kill('SIGTERM');
  },
  // eslint-disable-next-line no-empty-pattern
  demoServer: async ({}, use) => {
    const { child, server } = await start(['--demo']);
    await use(server);
    child.kill('SIGTERM');
  },
});

export { expect };
