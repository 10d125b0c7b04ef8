import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './harness';

const root = join(import.meta.dirname, '../..');
let child: ChildProcess | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  cleanup?.();
});

describe('npm start without the Electron runtime', () => {
  it('says so in one line and serves browser mode at the address it prints', { timeout: 120_000 }, async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    // Point Electron at an empty folder, so the runtime is missing even where it is installed.
    const env = { ...process.env, CHAIRSIDE_TOKEN: 'start-test', ELECTRON_OVERRIDE_DIST_PATH: t.dir };
    child = spawn('npm', ['start', '--silent', '--', '--data-dir', t.dir, '--port', '0'], { cwd: root, env });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Chairside is running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=start-test/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child!.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      child!.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out.match(/Electron runtime not installed here; starting browser mode instead\./g)).toHaveLength(1);
    const res = await fetch(`${url}/api/session.state`, { method: 'POST', headers: { authorization: 'Bearer start-test' }, body: '{}' });
    expect(await res.json()).toMatchObject({ ok: true, data: { needsSetup: true } });
    expect((await fetch(`${url}/`)).headers.get('content-type')).toContain('text/html');
  });
});
