#!/usr/bin/env node
// `npm test`: installs what is missing (npm ci, Debian's Chromium), then the
// gates (typecheck, lint, Electron security scan, the desktop bundle build),
// then the unit + integration suites (vitest) and the end-to-end suite
// (Playwright on Debian Chromium). Everything runs even after a failure, so
// one run shows all that is wrong. Ends with one line: "N passed, N failed"
// over every test and gate. Node builtins and sibling scripts only: on a
// fresh clone this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensureDependencies } from './install.mjs';

let passed = 0;
let failed = 0;
const lines = [];

function finish() {
  console.log('\n' + lines.join('\n'));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (!ensureDependencies()) {
  failed++;
  lines.push('install (npm ci): FAILED');
  finish();
}
const chromium = ensureChromium();
mkdirSync('.reports', { recursive: true });

// The build gate below builds main, preload and the renderer into out/ once;
// the later suites reuse out/renderer instead of building it again.
const reuseBuild = { CHAIRSIDE_SKIP_BUILD: '1' };

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function gate(label, script) {
  const ok = run(label, 'npm', ['run', '--silent', script]);
  if (ok) passed++;
  else failed++;
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
}

function suite(label, report, count, exitOk) {
  if (!existsSync(report)) {
    failed++;
    lines.push(`${label}: no report (the runner did not finish)`);
    return;
  }
  const { p, f } = count(JSON.parse(readFileSync(report, 'utf8')));
  // A runner that failed without a failing test (a crash, a broken setup) still counts as one failure.
  const extra = !exitOk && f === 0 ? 1 : 0;
  passed += p;
  failed += f + extra;
  lines.push(`${label}: ${p} passed, ${f + extra} failed`);
}

gate('typecheck', 'typecheck');
gate('lint', 'lint');
gate('security (electronegativity)', 'security');
gate('desktop build (electron-vite)', 'build');

rmSync('.reports/vitest.json', { force: true });
const vitestOk = run('unit + integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.reports/vitest.json'], reuseBuild);
suite('unit + integration', '.reports/vitest.json', (j) => ({ p: j.numPassedTests, f: j.numFailedTests }), vitestOk);

rmSync('.reports/playwright.json', { force: true });
if (chromium) {
  const e2eOk = run('end-to-end (Playwright, Debian Chromium)', 'npx', ['playwright', 'test'], reuseBuild);
  suite('end-to-end', '.reports/playwright.json', (j) => ({ p: j.stats.expected, f: j.stats.unexpected + (j.stats.flaky ?? 0) }), e2eOk);
} else {
  failed++;
  lines.push('end-to-end: not run (no Chromium: sudo apt-get install chromium)');
}

finish();
