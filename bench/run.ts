/**
 * npm run bench -- [--sizes S,M,L] [--data DIR] [--runs N]
 *
 * Measures what users get, on generated practices (bench/practice-generator.ts)
 * exactly as the app leaves them: each run starts from a fresh copy of the
 * generated file, opened by the app's own createCore (which gathers the
 * planner's statistics the way the app always does, and nothing more).
 * Prints one table; asserts nothing. Medians of repeated runs, each beside
 * the same rows fetched by a hand-written, cached better-sqlite3 statement.
 *
 * Missing S and M files are generated first (M takes several minutes); L
 * (ten times M) only when asked for with --sizes.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { signIn } from '../electron/core/auth/auth.service';
import { closeCore, createCore } from '../electron/core/create-core';
import { dispatch } from '../electron/core/handlers';
import type { Core } from '../electron/core/context';
import { generatePractice, PASSWORD, PROFILES, TODAY } from './practice-generator';
import { readScreens, type Screen } from './screens';
import { measureWrites } from './writes';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: 'S,M' }, data: { type: 'string', default: '.bench-data' }, runs: { type: 'string', default: '21' } },
});
const sizes = values.sizes.split(',').map((s) => s.trim().toUpperCase()) as (keyof typeof PROFILES)[];
const RUNS = Number(values.runs);
const MIGRATIONS = join(import.meta.dirname, '../migrations');
mkdirSync(values.data, { recursive: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

function timeSync(fn: () => unknown, runs = RUNS): { median: number; max: number } {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return { median: median(xs), max: Math.max(...xs) };
}

async function timeAsync(fn: () => Promise<unknown>, runs = RUNS): Promise<{ median: number; max: number }> {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { median: median(xs), max: Math.max(...xs) };
}

async function ensureFile(size: keyof typeof PROFILES): Promise<string> {
  const file = join(values.data, `${size}.sqlite`);
  if (!existsSync(file)) {
    console.error(`Generating ${size} into ${file} …`);
    await generatePractice(file, PROFILES[size], (m) => console.error(`  ${m}`));
  }
  return file;
}

/** A fresh copy of the generated file, so every run opens what the generator left (no statistics yet). */
function workingCopy(file: string): string {
  const work = file.replace(/\.sqlite$/, '.work.sqlite');
  for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true });
  copyFileSync(file, work);
  return work;
}

const env = { now: () => new Date(`${TODAY}T12:00:00Z`) };
type Row = { label: string; values: Map<string, string> };
const table = new Map<string, Row>();
const put = (label: string, column: string, value: string) => {
  const row = table.get(label) ?? { label, values: new Map() };
  row.values.set(column, value);
  table.set(label, row);
};
const readMedians = new Map<string, Map<string, number>>();

for (const size of sizes) {
  const work = workingCopy(await ensureFile(size));
  console.error(`Measuring ${size} …`);

  // Open: the app's own open (migration check, statistics on first open), sign-in and the first patient list.
  const open = async () => {
    const t0 = performance.now();
    const core = createCore({ file: work, migrationsDir: MIGRATIONS, ...env });
    const t1 = performance.now();
    const { sessionToken } = await signIn({ core, session: null, workstation: 'bench' }, { username: 'admin', password: PASSWORD });
    const t2 = performance.now();
    const r = await dispatch(core, 'patients.search', { query: '' }, { sessionToken, workstation: 'bench' });
    if (!r.ok) throw new Error(r.error.message);
    const t3 = performance.now();
    const parts = `open ${fmt(t1 - t0)} + sign-in ${fmt(t2 - t1)} + list ${fmt(t3 - t2)}`;
    return { core, sessionToken, ms: t3 - t0, parts };
  };
  const first = await open();
  await closeCore(first.core);
  const again = await open();
  const bare = timeSync(() => {
    const db = new Database(work, { readonly: true });
    db.prepare('SELECT * FROM patients ORDER BY last_name, first_name, id LIMIT 25').all();
    db.close();
  }, 5);
  put('open: first (gathers statistics), sign-in, patient list', size, `${fmt(first.ms)} ms (${first.parts})`);
  put('open: later, sign-in, patient list', size, `${fmt(again.ms)} ms (${again.parts})`);
  put('open: bare better-sqlite3 open + one query', size, `${fmt(bare.median)} ms`);

  const core: Core = again.core;
  const meta = { sessionToken: again.sessionToken, workstation: 'bench' };
  const raw = new Database(work, { readonly: true });
  const screens: Screen[] = readScreens(raw);
  const medians = new Map<string, number>();
  for (const s of screens) {
    const res = await dispatch(core, s.channel, s.input, meta);
    if (!res.ok) throw new Error(`${s.label}: ${res.error.message}`);
    const same = s.sameRows(res.data, s.raw());
    if (!same) throw new Error(`${s.label}: the hand-written SQL does not return the same rows as ${s.channel}`);
    const app = await timeAsync(() => dispatch(core, s.channel, s.input, meta));
    const base = timeSync(s.raw);
    medians.set(s.label, app.median);
    put(s.label, size, `${fmt(app.median)} ms (max ${fmt(app.max)}) · raw ${fmt(base.median)} · ×${(app.median / base.median).toFixed(1)}`);
  }
  readMedians.set(size, medians);
  raw.close();

  // Event-loop delay in the main process while long work runs on the job workers beside a burst of UI calls.
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const long = Promise.all([
    dispatch(core, 'audit.verify', {}, meta),
    dispatch(core, 'reports.procedureSummary', { from: '2016-01-01', to: TODAY }, meta),
  ]);
  let slowest = { ms: 0, label: '' };
  const burstStarted = performance.now();
  for (let i = 0; i < 200; i++) {
    const s = screens[i % screens.length]!;
    const t = performance.now();
    await dispatch(core, s.channel, s.input, meta);
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { ms, label: s.label };
  }
  const burstMs = performance.now() - burstStarted;
  const [verify] = await long;
  h.disable();
  if (!verify.ok || !(verify.data as { ok: boolean }).ok) throw new Error('audit.verify failed on the generated file');
  put('event loop during audit.verify + report + 200 UI calls: p99 / max', size, `${fmt(h.percentile(99) / 1e6)} / ${fmt(h.max / 1e6)} ms (slowest call ${fmt(slowest.ms)} ms: ${slowest.label}; burst ${fmt(burstMs)} ms)`);
  await closeCore(core);

  if (size === sizes[0]) for (const [label, value] of await measureWrites(work, MIGRATIONS)) put(label, size, value);
  for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true });
}

const [small, ...rest] = sizes;
const largest = rest.at(-1);
if (small && largest) {
  for (const [label, ms] of readMedians.get(small)!) put(label, `${largest}/${small}`, `×${(readMedians.get(largest)!.get(label)! / ms).toFixed(1)}`);
}

const columns = [...sizes, ...(small && largest ? [`${largest}/${small}`] : [])];
console.log(`\nChairside benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, SQLite ${new Database(':memory:').prepare('select sqlite_version() v').pluck().get() as string}`);
console.log(`Medians of ${RUNS} runs through dispatch() (the whole call a screen makes), beside the same rows by a hand-written cached statement.\n`);
console.log(`| call | ${columns.join(' | ')} |`);
console.log(`|---|${columns.map(() => '---').join('|')}|`);
for (const row of table.values()) console.log(`| ${row.label} | ${columns.map((c) => row.values.get(c) ?? '').join(' | ')} |`);
