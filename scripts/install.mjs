// What a fresh clone needs before `npm start` or `npm test` can run, installed
// on the spot, so those two commands are all a newcomer types. Node builtins
// only: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `npm ci` when node_modules is missing or older than package-lock.json.
 * npm rewrites node_modules/.package-lock.json at the end of every install,
 * so its age says when node_modules last matched the lockfile.
 */
export function ensureDependencies() {
  const modules = join(root, 'node_modules');
  const stamp = existsSync(join(modules, '.package-lock.json')) ? join(modules, '.package-lock.json') : modules;
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs) return true;
  console.log(existsSync(modules) ? 'package-lock.json is newer than node_modules: reinstalling (npm ci).' : 'Installing dependencies (npm ci), once.');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    // Electron's runtime comes from a host offline machines cannot reach; browser mode needs none of it.
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (r.status !== 0) console.error('npm ci failed (see above); nothing can run until it succeeds.');
  return r.status === 0;
}

/**
 * Debian's Chromium for the end-to-end suite (never a downloaded browser).
 * As root it is installed with apt-get; otherwise one line says how.
 */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const canInstall = CHROMIUM === '/usr/bin/chromium' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log("Installing Debian's chromium for the end-to-end tests (apt-get install chromium).");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    if (update.status === 0) spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (existsSync(CHROMIUM)) return true;
  }
  console.log(`The end-to-end tests need Debian's Chromium at ${CHROMIUM}: sudo apt-get install chromium`);
  return false;
}
