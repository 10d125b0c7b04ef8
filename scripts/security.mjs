#!/usr/bin/env node
// Electronegativity over the Electron code, offline (told the Electron version
// so it does not fetch the release list). Uses its programmatic API: the CSV
// writer garbles rows whose sample is long. Fails on any HIGH finding and
// prints the rest so they stay visible.
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const electronVersion = require('electron/package.json').version;

const { issues, errors } = await run({
  input: resolve('electron'),
  electronVersionOverride: electronVersion,
  parserPlugins: [],
  isRelative: false,
});
for (const e of errors) console.log(`  could not scan: ${JSON.stringify(e)}`);
for (const i of issues) {
  console.log(`  ${i.severity.name.padEnd(6)} ${i.id} ${relative(process.cwd(), i.file)}:${i.location.line}:${i.location.column}  ${i.description}`);
}
const high = issues.filter((i) => i.severity.name === 'HIGH');
console.log(`electronegativity (Electron ${electronVersion}): ${issues.length} findings, ${high.length} HIGH`);
process.exit(high.length || errors.length ? 1 : 0);
