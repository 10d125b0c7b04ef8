#!/usr/bin/env node
// Electronegativity over the Electron code, offline (told the Electron version
// so it does not fetch the release list). Fails on any HIGH finding; prints
// the rest so they stay visible.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
mkdirSync('.reports', { recursive: true });
const out = '.reports/electronegativity.csv';
execFileSync('npx', ['electronegativity', '-i', 'electron', '-e', electronVersion, '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });

const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).filter(Boolean);
const findings = rows.map((line) => {
  const [issue, severity, confidence, file, location] = line.match(/("([^"]*)"|[^,]+)/g).map((c) => c.replace(/^"|"$/g, ''));
  return { issue, severity, confidence, file: file.replace(process.cwd() + '/', ''), location };
});
for (const f of findings) console.log(`  ${f.severity.padEnd(6)} ${f.issue} ${f.file}:${f.location}`);
const high = findings.filter((f) => f.severity === 'HIGH');
console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${high.length} HIGH`);
process.exit(high.length ? 1 : 0);
