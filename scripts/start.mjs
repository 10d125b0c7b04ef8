#!/usr/bin/env node
// `npm start`: installs what is missing, then the desktop app when Electron's
// runtime is installed; otherwise (an offline install with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1) says so in one line and runs browser mode,
// which prints the address to open. Node builtins and sibling scripts only:
// on a fresh clone this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './build-electron-native.mjs';
import { runInForeground } from './child.mjs';
import { ensureDependencies } from './install.mjs';
import { serveBrowserMode } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

// Read what electron's own index.js reads, without requiring it: that module
// tries to download a missing runtime, which offline only prints a stack trace.
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathFile, 'utf8'));
  return existsSync(bin) ? bin : null;
}

function startDesktop(electron) {
  // The Node build of better-sqlite3 in node_modules would crash under
  // Electron; build Electron's copy once (cached per version).
  try {
    ensureElectronNative({ quiet: true });
  } catch (err) {
    console.error(`${err.message} Browser mode (npm run serve) needs no Electron build.`);
    process.exit(1);
  }
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  runInForeground(electron, ['.', ...args], { cwd: root });
}

if (!ensureDependencies()) process.exit(1);
const electron = electronBinary();
if (electron) {
  startDesktop(electron);
} else {
  console.log('Electron runtime not installed here; starting browser mode instead.');
  serveBrowserMode(args);
}
