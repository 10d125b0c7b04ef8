#!/usr/bin/env node
// Builds the renderer into out/renderer only when it is missing or older
// than its sources, so browser mode and the e2e suite start at once on a
// build that is already current (npm test builds once, up front).
//
//   node scripts/build-renderer.mjs   build if stale; exit 1 if the build fails
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUILT_INDEX = join(root, 'out', 'renderer', 'index.html');
// Everything the bundle is made from: its code, the shared code it imports,
// its build config, and the dependency versions.
const SOURCE_DIRS = ['renderer', 'shared'];
const SOURCE_FILES = ['vite.renderer.config.ts', 'package-lock.json'];

function newestSource() {
  let newest = 0;
  const consider = (file) => {
    newest = Math.max(newest, statSync(file).mtimeMs);
  };
  for (const dir of SOURCE_DIRS) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) consider(join(entry.parentPath ?? entry.path, entry.name));
    }
  }
  for (const file of SOURCE_FILES) if (existsSync(join(root, file))) consider(join(root, file));
  return newest;
}

export function rendererIsStale() {
  return !existsSync(BUILT_INDEX) || statSync(BUILT_INDEX).mtimeMs < newestSource();
}

/** Returns true when out/renderer is current (built now or already). */
export function buildRendererIfStale() {
  if (!rendererIsStale()) return true;
  console.log('Building the renderer (out/renderer is missing or older than its sources)…');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(buildRendererIfStale() ? 0 : 1);
}
