#!/usr/bin/env node
// `npm start`: the desktop app when Electron's runtime is installed; otherwise
// (an offline install with ELECTRON_SKIP_BINARY_DOWNLOAD=1) say so in one line
// and run browser mode instead, which prints the address to open.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

// Read what electron's own index.js reads, without requiring it: that module
// tries to download a missing runtime, which offline only prints a stack trace.
function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathFile, 'utf8'));
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

const electron = electronBinary();
if (electron) {
  // Build, then launch; a failed build stops here.
  const build = spawn('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  build.on('exit', (code) => (code === 0 ? run(electron, ['.', ...args]) : process.exit(code ?? 1)));
} else {
  console.log('Electron runtime not installed here; starting browser mode instead.');
  run('npm', ['run', 'serve', '--', ...args]);
}
