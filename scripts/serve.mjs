#!/usr/bin/env node
// `npm run serve -- [--data-dir DIR] [--port PORT] [--demo] [--workstation NAME]`:
// browser mode. Builds the renderer only when out/renderer is stale, then runs
// electron/serve.ts as a direct child (no nested npm or shell), so signals
// reach the server and stopping this process stops it.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRendererIfStale } from './build-renderer.mjs';
import { runInForeground } from './child.mjs';
import { ensureDependencies } from './install.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export function serveBrowserMode(args) {
  if (!buildRendererIfStale()) {
    console.error('The renderer did not build (see above), so browser mode has nothing to serve.');
    process.exit(1);
  }
  return runInForeground(process.execPath, ['--import', 'tsx', join(root, 'electron', 'serve.ts'), ...args], { cwd: root });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!ensureDependencies()) process.exit(1);
  serveBrowserMode(process.argv.slice(2));
}
