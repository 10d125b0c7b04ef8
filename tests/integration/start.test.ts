/**
 * `npm start` / `npm run serve` and scripts/child.mjs, which runs their
 * server: however they are stopped, no process they started outlives them.
 *
 * Each test marks every process it starts with a unique argument (the data
 * directory, or a marker word) and checks /proc for it afterwards, so a
 * descendant that left the process group (or never was in it) still counts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './harness';

const root = join(import.meta.dirname, '../..');
const started: ChildProcess[] = [];
let markers: string[] = [];
let cleanup: (() => void) | undefined;

/** Every live process whose command line mentions `marker`, as "pid command line". */
function survivors(marker: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    // A zombie has an empty command line: it has ended, only its exit status is left.
    if (cmdline.includes(marker)) found.push(`${entry} ${cmdline.split('\0').join(' ').trim()}`);
  }
  return found;
}

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

/** Starts a command in a process group of its own, so afterEach can reach all it starts. */
function startGroup(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, detached: true });
  started.push(child);
  return child;
}

/** Resolves with the server's origin once it prints its address; rejects if it ends first. */
function address(child: ChildProcess, token: string): Promise<{ url: string; output: () => string }> {
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = new RegExp(`Chairside is running at (http://127\\.0\\.0\\.1:\\d+)/\\?token=${token}`).exec(out);
      if (m?.[1]) resolve({ url: m[1], output: () => out });
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

afterEach(async () => {
  // Whatever the test did, nothing it started outlives it.
  for (const child of started.splice(0)) {
    if (child.pid && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  }
  for (const marker of markers) {
    for (const line of survivors(marker)) {
      try {
        process.kill(Number(line.split(' ')[0]), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await until(() => survivors(marker).length === 0, 5_000);
  }
  markers = [];
  cleanup?.();
  cleanup = undefined;
});

describe('npm start without the Electron runtime', () => {
  it('says so in one line, serves browser mode at the address it prints, and stops entirely on SIGTERM', { timeout: 120_000 }, async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    markers.push(t.dir);
    // Point Electron at an empty folder, so the runtime is missing even where it is installed.
    const env = { ...process.env, CHAIRSIDE_TOKEN: 'start-test', ELECTRON_OVERRIDE_DIST_PATH: t.dir };
    const npm = startGroup('npm', ['start', '--silent', '--', '--data-dir', t.dir, '--port', '0'], env);
    const { url, output } = await address(npm, 'start-test');
    expect(output().match(/Electron runtime not installed here; starting browser mode instead\./g)).toHaveLength(1);
    const res = await fetch(`${url}/api/session.state`, { method: 'POST', headers: { authorization: 'Bearer start-test' }, body: '{}' });
    expect(await res.json()).toMatchObject({ ok: true, data: { needsSetup: true } });
    expect((await fetch(`${url}/`)).headers.get('content-type')).toContain('text/html');
    // npm, its shell, scripts/start.mjs and the server, all marked with the data directory.
    expect(survivors(t.dir).some((p) => p.includes('electron/serve.ts'))).toBe(true);

    // SIGTERM to npm alone, as a terminal or a service manager sends it:
    // it must reach the server, and every process must end.
    const exited = exitOf(npm);
    npm.kill('SIGTERM');
    await exited;
    expect(await until(async () => !groupAlive(npm.pid!) && !(await answers(url)), 15_000)).toBe(true);
    expect(await until(() => survivors(t.dir).length === 0, 5_000), survivors(t.dir).join('\n')).toBe(true);
  });
});

describe('npm run serve', () => {
  it('stops entirely on Ctrl+C, which reaches every process in the terminal’s group', { timeout: 120_000 }, async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    markers.push(t.dir);
    const npm = startGroup('npm', ['run', 'serve', '--silent', '--', '--data-dir', t.dir, '--port', '0'], { ...process.env, CHAIRSIDE_TOKEN: 'serve-test' });
    const { url } = await address(npm, 'serve-test');
    expect(await answers(url)).toBe(true);

    const exited = exitOf(npm);
    process.kill(-npm.pid!, 'SIGINT');
    await exited;
    expect(await until(async () => !groupAlive(npm.pid!) && !(await answers(url)), 15_000)).toBe(true);
    expect(await until(() => survivors(t.dir).length === 0, 5_000), survivors(t.dir).join('\n')).toBe(true);
  });
});

describe('scripts/child.mjs', () => {
  /** A command that would run until killed, carrying `marker` in its command line. */
  const forever = (marker: string) => [process.execPath, '-e', 'setInterval(() => {}, 1000)', marker];

  it('stops its command when whoever started it is killed outright (a test worker, a closed terminal)', { timeout: 30_000 }, async () => {
    const marker = `child-orphan-${process.pid}-${Date.now()}`;
    markers.push(marker);
    // sh stands in for the parent (npm's shell, a Playwright worker); child.mjs runs the command.
    const sh = startGroup('sh', ['-c', `"${process.execPath}" scripts/child.mjs ${forever(marker).map((a) => `'${a}'`).join(' ')}; :`]);
    // The command itself, not child.mjs (whose arguments spell the same words): child.mjs is then up and watching.
    const running = () => survivors(marker).some((p) => p.replace(/^\d+ /, '').startsWith(`${process.execPath} -e setInterval`));
    expect(await until(running, 10_000), survivors(marker).join('\n')).toBe(true);

    sh.kill('SIGKILL');
    expect(await until(() => survivors(marker).length === 0, 5_000), survivors(marker).join('\n')).toBe(true);
  });

  it('does not start its command at all when its parent was lost during the work before it', { timeout: 30_000 }, async () => {
    const marker = `child-late-${process.pid}-${Date.now()}`;
    markers.push(marker);
    // As start.mjs and serve.mjs do: import child.mjs, work synchronously (install, build), then start the server.
    const launcher = [
      "import { runInForeground } from './scripts/child.mjs';",
      "console.log('building');",
      'const until = Date.now() + 1500; while (Date.now() < until);',
      `runInForeground(${JSON.stringify(forever(marker)[0])}, ${JSON.stringify(forever(marker).slice(1))});`,
    ].join(' ');
    const sh = startGroup('sh', ['-c', `"${process.execPath}" --input-type=module -e "${launcher.replaceAll('"', '\\"')}" launcher-${marker}; :`]);
    let out = '';
    sh.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    sh.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    expect(await until(() => out.includes('building'), 10_000), out).toBe(true);
    // npm stopped while the launcher was still building: its shell goes, the launcher is orphaned.
    sh.kill('SIGKILL');

    expect(await until(() => survivors(marker).length === 0, 10_000), survivors(marker).join('\n')).toBe(true);
    await sleep(500);
    expect(survivors(marker)).toEqual([]);
    expect(out).toContain('Not starting');
  });
});
