/**
 * Times the hot read paths on a practice with about ten years of data.
 * Prints figures; asserts nothing. Run: npx tsx bench/queries.ts [--keep DIR]
 *
 * Data shape (a busy single practice): 8,000 patients, 60,000 visits over ten
 * years, 150,000 procedures. Rows are inserted directly (no audit events) so
 * the set-up takes seconds, not minutes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeCore, createCore } from '../electron/core/create-core';
import { dispatch } from '../electron/core/handlers';
import { createTenant, signIn } from '../electron/core/auth/auth.service';

const PATIENTS = 8_000;
const VISITS = 60_000;
const PROCS_PER_VISIT = 2.5;
const STATUSES = ['PLANNED', 'IN_PROGRESS', 'SENT_TO_LAB', 'RECEIVED', 'COMPLETED', 'CANCELLED'];

const dir = mkdtempSync(join(tmpdir(), 'chairside-bench-'));
const core = createCore({ file: join(dir, 'bench.sqlite'), migrationsDir: join(import.meta.dirname, '../migrations') });
const base = { core, session: null, workstation: 'bench' };

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const uuid = (n: number, kind: number) => `00000000-0000-4000-8${kind}00-${n.toString(16).padStart(12, '0')}`;

const { tenantId } = await createTenant(core, 'bench', {
  practiceName: 'Bench Dental', currency: 'USD', adminDisplayName: 'Admin', adminUsername: 'admin', adminPassword: 'bench-password',
}, { firstRunOnly: true });
const dentistId = uuid(1, 9);
core.sqlite.prepare("INSERT INTO users (id, tenant_id, username, display_name, role, password_hash) VALUES (?, ?, 'dentist', 'Dr Bench', 'DENTIST', 'x')").run(dentistId, tenantId);

const t = performance.now();
core.sqlite.transaction(() => {
  const p = core.sqlite.prepare('INSERT INTO patients (id, tenant_id, chart_number, first_name, last_name, date_of_birth, phone) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (let i = 0; i < PATIENTS; i++) {
    p.run(uuid(i, 1), tenantId, String(1001 + i), `First${i % 500}`, `Last${Math.floor(rand() * 3000)}`, `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`, `(555) ${String(i).padStart(3, '0').slice(-3)}-${String(1000 + i)}`);
  }
  const v = core.sqlite.prepare('INSERT INTO visits (id, tenant_id, patient_id, provider_id, date, time) VALUES (?, ?, ?, ?, ?, ?)');
  const pr = core.sqlite.prepare('INSERT INTO procedures (id, tenant_id, visit_id, code, name, tooth_number, quantity, unit_fee, status) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)');
  let n = 0;
  for (let i = 0; i < VISITS; i++) {
    const day = new Date(Date.UTC(2016, 10, 21) + Math.floor((i / VISITS) * 3650) * 86400_000).toISOString().slice(0, 10);
    v.run(uuid(i, 2), tenantId, uuid(Math.floor(rand() * PATIENTS), 1), dentistId, day, '09:00');
    const count = Math.floor(rand() * PROCS_PER_VISIT * 2) || 1;
    for (let k = 0; k < count; k++) {
      pr.run(uuid(n++, 3), tenantId, uuid(i, 2), `D${2000 + Math.floor(rand() * 800)}`, 'Procedure', String(1 + Math.floor(rand() * 32)), 5000 + Math.floor(rand() * 100000), STATUSES[Math.floor(rand() * 6)]);
    }
  }
})();
core.sqlite.exec('ANALYZE');
console.log(`set-up: ${PATIENTS} patients, ${VISITS} visits in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const { sessionToken } = await signIn(base, { username: 'admin', password: 'bench-password' });

const meta = { sessionToken, workstation: 'bench' };

async function time(label: string, channel: string, input: unknown, runs = 20) {
  const first = await dispatch(core, channel, input, meta);
  if (!first.ok) throw new Error(`${label}: ${JSON.stringify(first.error)}`);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await dispatch(core, channel, input, meta);
    samples.push(performance.now() - s);
  }
  samples.sort((a, b) => a - b);
  const med = samples[Math.floor(runs / 2)]!;
  const p95 = samples[Math.floor(runs * 0.95)]!;
  console.log(`${label.padEnd(46)} median ${med.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms`);
}

const patientId = uuid(4242, 1);
const visitId = uuid(30_000, 2);
await time('patients.search "last12"', 'patients.search', { query: 'last12' });
await time('patients.search by chart number', 'patients.search', { query: '5042' });
await time('patients.search by date of birth', 'patients.search', { query: '1975-07-17' });
await time('patients.search by phone digits', 'patients.search', { query: '555 0142' });
await time('visits.listByPatient (page 1)', 'visits.listByPatient', { patientId });
await time('visits.get (with procedures)', 'visits.get', { id: visitId });
await time('visits.search today', 'visits.search', { from: '2026-11-20', to: '2026-11-20' });
await time('visits.search one month', 'visits.search', { from: '2026-10-01', to: '2026-10-31' });
await time('visits.search status=IN_PROGRESS, all years', 'visits.search', { status: 'IN_PROGRESS' }, 5);
await time('visits.search code=D2740, all years', 'visits.search', { code: 'D2740' }, 5);
await time('visits.search no filter (page 1)', 'visits.search', {}, 5);
await time('reports.procedureSummary one year (worker)', 'reports.procedureSummary', { from: '2025-01-01', to: '2025-12-31' }, 5);

await closeCore(core);
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
