#!/usr/bin/env node
// Electronegativity over the Electron code, through its programmatic API (the
// CSV writer garbles rows whose sample is long). Fails on any HIGH finding
// and prints the rest so they stay visible.
//
// Offline, provably. Electronegativity 1.10 goes online twice on this path,
// whatever it is told: its i18n setup fetches translations from S3 on every
// run, and AvailableSecurityFixesGlobalCheck downloads Electron's release list
// from GitHub (electronVersionOverride does not stop that). So: that check is
// excluded (it can only answer online; upgrading Electron is a dependency
// decision, not a scan result), the HTTP client it uses (got) is replaced by
// one that answers "no update" without a request, and every outbound
// connection from this process is refused and counted. Any attempt fails the gate.
//
// Expected today: PRELOAD_JS_CHECK (MEDIUM, review the preload: it exposes one
// invoke) and CSP_GLOBAL_CHECK (LOW, "failed to parse CSP": the policy is an
// imported constant, shared/csp.ts, which the scanner cannot evaluate; the
// policy itself is tested in tests/unit/csp.test.ts).
import dns from 'node:dns';
import { createRequire, Module } from 'node:module';
import net from 'node:net';
import { dirname, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const attempts = [];

// Everything TCP or TLS (http, https, got, fetch's undici) ends in Socket#connect.
const realConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function refuseConnect(...args) {
  const target = typeof args[0] === 'object' && args[0] !== null ? `${args[0].host ?? args[0].path ?? '?'}:${args[0].port ?? ''}` : String(args[0]);
  attempts.push(`connect ${target}`);
  // Later, so the caller's error listeners are in place: the attempt is counted, not a crash.
  setImmediate(() => this.destroy(new Error('The security scan runs offline; no connection is made.')));
  return this;
};
const realLookup = dns.lookup;
dns.lookup = function refuseLookup(hostname, ...rest) {
  attempts.push(`dns ${hostname}`);
  const callback = rest.at(-1);
  if (typeof callback === 'function') process.nextTick(callback, Object.assign(new Error(`offline: ${hostname}`), { code: 'ENOTFOUND' }));
};

// Electronegativity's own copy of got, answered locally: a 404 makes its i18n
// keep the bundled English strings, quietly.
const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = createRequire(resolve(scannerDir, 'dist', 'index.js')).resolve('got');
const offlineGot = Object.assign(async () => ({ statusCode: 404, body: '', headers: {} }), {
  head: async () => ({ statusCode: 404, body: '', headers: {} }),
});
const stub = new Module(gotPath);
stub.filename = gotPath;
stub.loaded = true;
stub.exports = offlineGot;
require.cache[gotPath] = stub;

const run = require('@doyensec/electronegativity');
const electronVersion = require('electron/package.json').version;

const { issues, errors } = await run({
  input: resolve('electron'),
  electronVersionOverride: electronVersion,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  parserPlugins: [],
  isRelative: false,
});
net.Socket.prototype.connect = realConnect;
dns.lookup = realLookup;

for (const e of errors) console.log(`  could not scan: ${JSON.stringify(e)}`);
for (const i of issues) {
  console.log(`  ${i.severity.name.padEnd(6)} ${i.id} ${relative(process.cwd(), i.file)}:${i.location.line}:${i.location.column}  ${i.description}`);
}
for (const a of attempts) console.log(`  network access attempted (refused): ${a}`);
const high = issues.filter((i) => i.severity.name === 'HIGH');
console.log(`electronegativity (Electron ${electronVersion}, offline): ${issues.length} findings, ${high.length} HIGH`);
process.exit(high.length || errors.length || attempts.length ? 1 : 0);
