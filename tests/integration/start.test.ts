import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './harness';

const root = join(import.meta.dirname, '../..');
let child: ChildProcess | undefined;
let cleanup: (() => void) | undefined;

/** True while any process of the group (npm, its script, the server) is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    if (await condition()) return true;
  }
  return condition();
}

const answers = (url: string) =>
  fetch(url).then(
    () => true,
    () => false,
  );

afterEach(async () => {
  // Whatever the test did, nothing it started outlives it.
  if (child?.pid && groupAlive(child.pid)) {
    process.kill(-child.pid, 'SIGKILL');
    await until(() => !groupAlive(child!.pid!), 5_000);
  }
  child = undefined;
  cleanup?.();
});

describe('npm start without the Electron runtime', () => {
  it('says so in one line, serves browser mode at the address it prints, and stops entirely on SIGTERM', { timeout: 120_000 }, async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    // Point Electron at an empty folder, so the runtime is missing even where it is installed.
    const env = { ...process.env, CHAIRSIDE_TOKEN: 'start-test', ELECTRON_OVERRIDE_DIST_PATH: t.dir };
    // Its own process group, so afterEach can reach every process it starts.
    child = spawn('npm', ['start', '--silent', '--', '--data-dir', t.dir, '--port', '0'], { cwd: root, env, detached: true });
    const started = child;
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      started.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Chairside is running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=start-test/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      started.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      started.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out.match(/Electron runtime not installed here; starting browser mode instead\./g)).toHaveLength(1);
    const res = await fetch(`${url}/api/session.state`, { method: 'POST', headers: { authorization: 'Bearer start-test' }, body: '{}' });
    expect(await res.json()).toMatchObject({ ok: true, data: { needsSetup: true } });
    expect((await fetch(`${url}/`)).headers.get('content-type')).toContain('text/html');

    // SIGTERM to npm alone, as a terminal or a service manager sends it:
    // it must reach the server, and every process must end.
    const exited = new Promise((resolve) => started.once('exit', resolve));
    started.kill('SIGTERM');
    await exited;
    expect(await until(async () => !groupAlive(started.pid!) && !(await answers(url)), 15_000)).toBe(true);
  });
});
