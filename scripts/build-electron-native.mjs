#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into build/native/, leaving the
// Node build in node_modules untouched (tests and browser mode need that one).
// main.ts passes the result to better-sqlite3 as `nativeBinding`.
// Needs Electron's headers, so it runs only when packaging (`npm run dist`).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const work = mkdtempSync(join(tmpdir(), 'chairside-native-'));
try {
  cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true, filter: (src) => !src.includes('/build/') });
  execFileSync(
    'npx',
    ['node-gyp', 'rebuild', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: work, stdio: 'inherit' },
  );
  mkdirSync(join(root, 'build/native'), { recursive: true });
  cpSync(join(work, 'build/Release/better_sqlite3.node'), join(root, 'build/native/better_sqlite3.node'));
  console.log(`better-sqlite3 built for Electron ${electronVersion} -> build/native/better_sqlite3.node`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
