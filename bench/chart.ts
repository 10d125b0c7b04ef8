/**
 * npm run bench:chart -- [--data DIR] [--practices fresh,S] [--runs 200] [--edits 20] [--toggles 20] [--no-browser] [--keep]
 *
 * The tooth chart of one heavy patient (issue 8): 300 procedures over 40
 * visits across eight years and 60 findings, all written through the core's
 * own channels (dispatch()) with a clock the bench moves, so every date,
 * status step and audit event is one the app itself would have written.
 *
 * The patient is built twice when it can be: in a fresh practice (nothing
 * else in the file) and inside a copy of the generated S practice
 * (DIR/S.sqlite, 1,500 patients and 22,000 procedures; see
 * bench/practice-generator.ts), so the query plans face real table sizes.
 * The original file is only ever copied. Each file is closed once written
 * (the app gathers its statistics then) and reopened as the app opens it:
 * nothing here runs ANALYZE or creates an index.
 *
 * Then it measures, and prints; it asserts nothing about time:
 * 1. chart.get (now, and as of a day in the middle of the history) through
 *    dispatch(), beside the very SQL the service runs, prepared once with
 *    better-sqlite3, after checking that both return the same rows; and
 *    EXPLAIN QUERY PLAN of both statements.
 * 2. In Chromium, on the patient's visit of today in browser mode: a quick
 *    entry line ("3 MOD D2393", alternating teeth) from Enter to the moment
 *    the tooth's occlusal region shows the new colour category, and the
 *    "Show cancelled" switch (a re-render, no fetch). Each added procedure
 *    is removed again through the API (as a second workstation would) so
 *    every edit lands on the same 300-procedure chart.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { closeCore, createCore } from '../electron/core/create-core';
import type { Core } from '../electron/core/context';
import { DATABASE_FILE } from '../electron/core/paths';
import { dispatch } from '../electron/core/handlers';
import { CHROMIUM_ARGS } from '../playwright.config';
import type { ProcedureStatus } from '../shared/domain/status';
import type { ChartData, Finding, Patient, Procedure, Provider, SignedIn, VisitSummary } from '../shared/types';
import { PASSWORD, TODAY } from './practice-generator';
import { mulberry32 as prng } from './prng';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '.bench-data' },
    practices: { type: 'string' },
    runs: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    edits: { type: 'string', default: '20' },
    toggles: { type: 'string', default: '20' },
    'no-browser': { type: 'boolean', default: false },
    /** Keeps the practices written (their folders are printed), to look at them afterwards. */
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const WARMUP = Number(values.warmup);
const EDITS = Number(values.edits);
const TOGGLES = Number(values.toggles);
const ROOT = join(import.meta.dirname, '..');
const MIGRATIONS = join(ROOT, 'migrations');
const S_FILE = join(values.data, 'S.sqlite');
const practices = (values.practices ?? (existsSync(S_FILE) ? 'fresh,S' : 'fresh')).split(',').map((p) => p.trim()) as ('fresh' | 'S' | 'M')[];

// ---------------------------------------------------------------------------------------------
// Figures

const DAY = 86_400_000;
/** The bench's "now": the last day of the generated practices, in the afternoon. */
const NOW = `${TODAY}T16:00:00.000Z`;
const NOW_MS = Date.parse(NOW);
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => sorted(xs)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)]!;
const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
const stats = (xs: number[]) => `${fmt(median(xs))} ms (p95 ${fmt(p95(xs))})`;

type Column = string;
const table = new Map<string, Map<Column, string>>();
const columns: Column[] = [];
const put = (label: string, column: Column, value: string) => {
  if (!columns.includes(column)) columns.push(column);
  const row = table.get(label) ?? new Map<Column, string>();
  row.set(column, value);
  table.set(label, row);
};
const plans: string[] = [];

// ---------------------------------------------------------------------------------------------
// The heavy patient, written through dispatch() with a clock the bench moves


type Site = 'none' | 'tooth' | 'surfaces' | 'quadrant' | 'arch';
interface Code {
  code: string;
  name: string;
  fee: number;
  site: Site;
  surfaces?: number;
  teeth?: 'front' | 'back' | 'molar';
  lab?: true;
}
// Codes of the starter fee schedule (electron/core/fee-schedule/starter-schedule.ts), charted where it says.
const RECALL: Code[] = [
  { code: 'D0120', name: 'Recall exam', fee: 5_500, site: 'none' },
  { code: 'D1110', name: 'Cleaning, adult', fee: 10_500, site: 'none' },
  { code: 'D0274', name: 'Bitewings, four', fee: 6_500, site: 'none' },
];
const TREATMENT: [Code, number][] = [
  [{ code: 'D2391', name: 'Composite back, 1 surface', fee: 16_000, site: 'surfaces', surfaces: 1, teeth: 'back' }, 8],
  [{ code: 'D2392', name: 'Composite back, 2 surfaces', fee: 20_500, site: 'surfaces', surfaces: 2, teeth: 'back' }, 7],
  [{ code: 'D2393', name: 'Composite back, 3 surfaces', fee: 25_000, site: 'surfaces', surfaces: 3, teeth: 'back' }, 5],
  [{ code: 'D2394', name: 'Composite back, 4+ surfaces', fee: 29_500, site: 'surfaces', surfaces: 4, teeth: 'back' }, 2],
  [{ code: 'D2330', name: 'Composite front, 1 surface', fee: 14_500, site: 'surfaces', surfaces: 1, teeth: 'front' }, 3],
  [{ code: 'D2331', name: 'Composite front, 2 surfaces', fee: 18_000, site: 'surfaces', surfaces: 2, teeth: 'front' }, 2],
  [{ code: 'D0220', name: 'Periapical X-ray', fee: 3_000, site: 'tooth' }, 5],
  [{ code: 'D1351', name: 'Sealant', fee: 5_000, site: 'tooth', teeth: 'back' }, 2],
  [{ code: 'D2740', name: 'Crown, ceramic', fee: 120_000, site: 'tooth', lab: true }, 3],
  [{ code: 'D3330', name: 'Root canal, molar', fee: 110_000, site: 'tooth', teeth: 'molar' }, 2],
  [{ code: 'D7140', name: 'Extraction', fee: 18_000, site: 'tooth' }, 1],
  [{ code: 'D4341', name: 'Deep cleaning, quadrant (4+ teeth)', fee: 22_500, site: 'quadrant' }, 2],
  [{ code: 'D9944', name: 'Night guard, hard', fee: 55_000, site: 'arch' }, 1],
];
const D4341 = TREATMENT.find(([c]) => c.code === 'D4341')![0];

const VISITS = 40;
const PROCEDURES = 300;
const YEARS = 8;
/** The teeth the browser part edits: their occlusal region never ends up with open work, so a new plan always shows. */
const EDIT_TEETH = ['3', '14', '19', '30'];
const WISDOM = ['1', '16', '17', '32'];
const BACK = ['2', '3', '4', '5', '12', '13', '14', '15', '18', '19', '20', '21', '28', '29', '30', '31'];
const MOLARS = ['2', '3', '14', '15', '18', '19', '30', '31'];
const FRONT = ['6', '7', '8', '9', '10', '11', '22', '23', '24', '25', '26', '27'];
const BACK_SURFACES = ['M', 'O', 'D', 'B', 'L'];
const FRONT_SURFACES = ['M', 'I', 'D', 'F', 'L'];

interface Heavy {
  patientId: string;
  todayVisitId: string;
  asOf: string;
  counts: Record<string, number>;
  findings: number;
  resolved: number;
}

interface Ev {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

/**
 * Writes the heavy patient into an open core whose clock reads `clock.ms`. Every write is
 * a dispatch() as the signed-in user; the session is opened anew each day the clock moves to.
 */
async function writeHeavyPatient(core: Core, clock: { ms: number }, username: string): Promise<Heavy> {
  const r = prng(8);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const weighted = <T>(xs: readonly [T, number][]) => {
    let n = r() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) if ((n -= w) < 0) return x;
    return xs.at(-1)![0];
  };
  const distinct = (pool: readonly string[], n: number) => {
    const left = [...pool];
    const out: string[] = [];
    while (out.length < n) out.push(left.splice(Math.floor(r() * left.length), 1)[0]!);
    return out;
  };

  let session: { token: string; day: string } | null = null;
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const day = dateOf(clock.ms);
    if (session?.day !== day) {
      const s = await dispatch(core, 'auth.signIn', { username, password: PASSWORD }, { sessionToken: null, workstation: 'bench' });
      if (!s.ok) throw new Error(`auth.signIn: ${s.error.message}`);
      session = { token: (s.data as SignedIn).sessionToken, day };
    }
    const res = await dispatch(core, channel, input, { sessionToken: session.token, workstation: 'bench' });
    if (!res.ok) throw new Error(`${channel} ${JSON.stringify(input)}: ${res.error.code} ${res.error.message} ${JSON.stringify(res.error.issues ?? [])}`);
    return res.data as T;
  };

  const start = NOW_MS - YEARS * 365 * DAY;
  clock.ms = start - DAY;
  const providers = await call<Provider[]>('users.providers', {});
  const provider = providers.find((p) => p.role === 'DENTIST') ?? providers[0]!;
  const patient = await call<Patient>('patients.create', { firstName: 'Heavy', lastName: 'Chartwell', dateOfBirth: '1961-04-09' });

  // Forty visits across eight years, a little irregular; the last one is today.
  const days: string[] = [];
  for (let i = 0; i < VISITS; i++) {
    const base = start + (i * (NOW_MS - start)) / (VISITS - 1);
    const jitter = i === 0 || i === VISITS - 1 ? 0 : Math.round((r() - 0.5) * 30) * DAY;
    days.push(dateOf(base + jitter));
  }
  const dayMs = (i: number) => Date.parse(`${days[i]}T00:00:00.000Z`);
  const perVisit = Array.from({ length: VISITS }, () => Math.floor(PROCEDURES / VISITS));
  for (const i of distinct(days.map((_, i) => String(i)), PROCEDURES % VISITS)) perVisit[Number(i)]! += 1;

  const events: Ev[] = [];
  let seq = 0;
  const at = (ms: number, run: () => Promise<void>) => {
    if (ms <= NOW_MS) events.push({ at: ms, seq: seq++, run });
  };
  const H = 3_600_000;
  const M = 60_000;
  const visitIds: string[] = [];
  const counts: Record<string, number> = {};
  const last = VISITS - 1;

  for (let i = 0; i < VISITS; i++) {
    const d = dayMs(i);
    at(d + 8 * H, async () => {
      visitIds[i] = (await call<VisitSummary>('visits.create', { patientId: patient.id, providerId: provider.id, date: days[i], time: '09:00' })).id;
    });
    const recall = i === 0 ? 3 : 2 + Math.floor(r() * 2);
    const codes: Code[] = [...RECALL.slice(0, recall)];
    while (codes.length < perVisit[i]!) codes.push(weighted(TREATMENT));
    // One cancelled quadrant, so "Show cancelled" always has something to show.
    if (i === 10) codes[codes.length - 1] = D4341;

    codes.forEach((code, k) => {
      let toothNumber: string | null = null;
      let surfaces: string[] = [];
      let area: string | null = null;
      if (code.site === 'quadrant') area = i === 10 && code === D4341 ? 'UL' : pick(['UR', 'UL', 'LR', 'LL']);
      if (code.site === 'arch') area = pick(['U', 'L']);
      if (code.site === 'tooth' || code.site === 'surfaces') {
        const pool = code.teeth === 'front' ? FRONT : code.teeth === 'back' ? BACK : code.teeth === 'molar' ? MOLARS : [...FRONT, ...BACK];
        toothNumber = pick(pool);
        if (code.site === 'surfaces') surfaces = distinct(FRONT.includes(toothNumber) ? FRONT_SURFACES : BACK_SURFACES, code.surfaces!);
      }

      let status: ProcedureStatus;
      const roll = r();
      if (i === last) status = roll < 0.75 ? 'PLANNED' : 'IN_PROGRESS';
      else if (k < recall) status = roll < 0.95 ? 'COMPLETED' : 'CANCELLED';
      else if (i >= last - 2) status = code.lab ? (roll < 0.5 ? 'SENT_TO_LAB' : 'RECEIVED') : roll < 0.4 ? 'COMPLETED' : roll < 0.7 ? 'IN_PROGRESS' : 'PLANNED';
      else status = roll < 0.76 ? 'COMPLETED' : roll < 0.88 ? 'CANCELLED' : 'PLANNED';
      if (i === 10 && code === D4341) status = 'CANCELLED';
      // The edited teeth carry history, but nothing open.
      if (toothNumber && EDIT_TEETH.includes(toothNumber) && status !== 'CANCELLED') status = 'COMPLETED';

      const added = d + 8 * H + (k + 1) * M;
      const p = { id: '', version: 0 };
      at(added, async () => {
        const saved = await call<Procedure>('procedures.add', {
          visitId: visitIds[i],
          code: code.code,
          name: code.name,
          unitFee: code.fee,
          toothNumber,
          surfaces,
          area,
          performedById: provider.id,
        });
        p.id = saved.id;
        p.version = saved.version;
      });
      const steps: [ProcedureStatus, number][] = [];
      const started = d + 9 * H + k * M;
      if (status === 'CANCELLED') steps.push(['CANCELLED', d + 12 * H + k * M]);
      else if (status !== 'PLANNED') steps.push(['IN_PROGRESS', started]);
      if (code.lab && ['SENT_TO_LAB', 'RECEIVED', 'COMPLETED'].includes(status)) {
        steps.push(['SENT_TO_LAB', d + 11 * H + k * M]);
        if (status !== 'SENT_TO_LAB') steps.push(['RECEIVED', d + 10 * DAY + 12 * H + k * M]);
        if (status === 'COMPLETED') steps.push(['COMPLETED', d + 14 * DAY + 9 * H + k * M]);
      } else if (status === 'COMPLETED') steps.push(['COMPLETED', d + 10 * H + k * M]);
      for (const [to, when] of steps) {
        at(when, async () => {
          const saved = await call<Procedure>('procedures.setStatus', { id: p.id, version: p.version, status: to });
          p.version = saved.version;
        });
      }
    });
  }

  // Sixty findings: what the mouth had at the first visit, then conditions over the years, some resolved later.
  let findings = 0;
  let resolved = 0;
  const finding = (i: number, j: number, kind: string, teeth: string[], surfaces: string[] = [], resolveAt: number | null = null) => {
    findings += teeth.length;
    const ids: { id: string; version: number }[] = [];
    at(dayMs(i) + 8 * H + 30 * M + j * 1000, async () => {
      for (const f of await call<Finding[]>('findings.add', { patientId: patient.id, kind, teeth, surfaces, recordedOn: days[i] })) ids.push(f);
    });
    if (resolveAt === null) return;
    resolved += teeth.length;
    at(dayMs(resolveAt) + 10 * H + 30 * M + j * 1000, async () => {
      for (const f of ids) await call<Finding>('findings.resolve', { id: f.id, version: f.version, resolvedOn: days[resolveAt], notes: 'Restored' });
    });
  };
  finding(0, 0, 'MISSING', WISDOM);
  finding(0, 1, 'CROWN', ['13']);
  finding(0, 2, 'CROWN', ['20']);
  finding(0, 3, 'ROOT_CANAL', ['13']);
  finding(0, 4, 'IMPLANT', ['29']);
  ['2', '3', '4', '12', '14', '18', '19', '31'].forEach((tooth, j) => finding(0, 5 + j, 'FILLING', [tooth], distinct(BACK_SURFACES, 1 + (j % 3))));
  for (let n = 0; findings < 60; n++) {
    const i = 1 + Math.floor(r() * (last - 1));
    const roll = r();
    const kind = roll < 0.6 ? 'CARIES' : roll < 0.85 ? 'WATCH' : roll < 0.95 ? 'FRACTURE' : 'FILLING';
    const front = r() < 0.25;
    const tooth = pick(front ? FRONT : BACK);
    const surfaces = distinct(front ? FRONT_SURFACES : BACK_SURFACES, 1 + Math.floor(r() * 2));
    const resolveAt = (kind === 'CARIES' || kind === 'WATCH') && r() < 0.45 ? Math.min(last, i + 1 + Math.floor(r() * 3)) : null;
    finding(i, 20 + n, kind, [tooth], surfaces, resolveAt);
  }

  events.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const e of events) {
    clock.ms = e.at;
    await e.run();
  }
  clock.ms = NOW_MS;

  const rows = core.sqlite
    .prepare('SELECT pr.status, count(*) AS n FROM procedures pr JOIN visits v ON v.id = pr.visit_id WHERE v.patient_id = ? GROUP BY pr.status')
    .all(patient.id) as { status: string; n: number }[];
  for (const row of rows) counts[row.status] = row.n;
  return { patientId: patient.id, todayVisitId: visitIds[last]!, asOf: days[Math.floor(VISITS / 2)]!, counts, findings, resolved };
}

// ---------------------------------------------------------------------------------------------
// Practices

interface Practice {
  name: string;
  dir: string;
  file: string;
  heavy: Heavy;
  username: string;
  generateMs: number;
}

async function preparePractice(name: 'fresh' | 'S' | 'M'): Promise<Practice> {
  const dir = mkdtempSync(join(tmpdir(), `chairside-chart-${name}-`));
  const file = join(dir, DATABASE_FILE);
  if (name !== 'fresh') {
    const source = join(values.data, `${name}.sqlite`);
    if (!existsSync(source)) throw new Error(`${source} is missing: generate it with npm run seed:large -- --size ${name} --out ${source}`);
    console.error(`Copying ${source} …`);
    copyFileSync(source, file);
  }
  const clock = { ms: NOW_MS - (YEARS * 365 + 2) * DAY };
  const t = performance.now();
  const core = createCore({ file, migrationsDir: MIGRATIONS, now: () => new Date(clock.ms) });
  let username = 'admin';
  try {
    if (name === 'fresh') {
      const setup = await dispatch(
        core,
        'setup.createPractice',
        { practiceName: 'Chartwell Dental', currency: 'USD', adminDisplayName: 'Dr. Ada Chartwell', adminUsername: username, adminPassword: PASSWORD, adminIsProvider: true },
        { sessionToken: null, workstation: 'bench' },
      );
      if (!setup.ok) throw new Error(setup.error.message);
    } else {
      username = (core.sqlite.prepare("SELECT username FROM users WHERE role = 'ADMIN' ORDER BY username LIMIT 1").pluck().get() as string) ?? 'admin';
    }
    console.error(`Writing the heavy patient into ${name} through dispatch() …`);
    const heavy = await writeHeavyPatient(core, clock, username);
    return { name, dir, file, heavy, username, generateMs: performance.now() - t };
  } finally {
    // Closing gathers the statistics, as the app does when it closes.
    await closeCore(core);
  }
}

// ---------------------------------------------------------------------------------------------
// 1. chart.get through dispatch() beside the service's own SQL

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** The values for a captured statement's placeholders, read from the column each one is compared with. */
function bindings(sql: string, known: Record<string, string>): string[] {
  const found = [...sql.matchAll(/("\w+"\."\w+")\s*(?:=|<=|<|>=|>)\s*\?/g)].map((m) => m[1]!);
  if (found.length !== (sql.match(/\?/g) ?? []).length) throw new Error(`cannot bind every placeholder of: ${sql}`);
  return found.map((column) => {
    const value = known[column];
    if (value === undefined) throw new Error(`no value for ${column} in: ${sql}`);
    return value;
  });
}

function chartIds(chart: ChartData) {
  const procedures = [...Object.values(chart.teeth).flatMap((t) => t.procedures), ...Object.values(chart.areas).flat(), ...chart.mouth].map((p) => p.id);
  const findings = Object.values(chart.teeth).flatMap((t) => t.findings.map((f) => f.id));
  return { procedures: procedures.sort(), findings: findings.sort() };
}

async function measureReads(p: Practice) {
  const core = createCore({ file: p.file, migrationsDir: MIGRATIONS, now: () => new Date(NOW_MS) });
  try {
    const signedIn = await dispatch(core, 'auth.signIn', { username: p.username, password: PASSWORD }, { sessionToken: null, workstation: 'bench' });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const meta = { sessionToken: (signedIn.data as SignedIn).sessionToken, workstation: 'bench' };
    const tenantId = core.sqlite.prepare('SELECT tenant_id FROM patients WHERE id = ?').pluck().get(p.heavy.patientId) as string;
    const { patientId, asOf } = p.heavy;

    // The SQL the service runs, caught on its way to better-sqlite3 (the statement cache keeps the real statements).
    const sqlite = core.sqlite as unknown as { prepare: (sql: string) => unknown };
    const prepare = sqlite.prepare;
    const seen: string[] = [];
    sqlite.prepare = (sql: string) => {
      seen.push(sql);
      return prepare.call(core.sqlite, sql);
    };
    const calls = { now: { patientId }, asOf: { patientId, asOf } };
    const answers: Record<string, ChartData> = {};
    try {
      for (const [k, input] of Object.entries(calls)) {
        const res = await dispatch(core, 'chart.get', input, meta);
        if (!res.ok) throw new Error(res.error.message);
        answers[k] = res.data as ChartData;
      }
    } finally {
      delete (sqlite as { prepare?: unknown }).prepare;
    }
    const procSql = seen.filter((s) => /from "visits" as "v" inner join "procedures"/i.test(s));
    const findSql = seen.filter((s) => /from "findings" as "f"/i.test(s) && /"f"\."patient_id"/.test(s));
    const pick = (xs: string[], dated: RegExp, want: boolean) => {
      const hit = xs.find((s) => dated.test(s) === want);
      if (!hit) throw new Error(`chart.get no longer runs the statements this bench knows: ${JSON.stringify(seen)}`);
      return hit;
    };
    const known = (day: string | null) => ({
      '"v"."patient_id"': patientId,
      '"v"."tenant_id"': tenantId,
      '"f"."patient_id"': patientId,
      '"f"."tenant_id"': tenantId,
      ...(day ? { '"pr"."created_at"': nextDay(day), '"f"."recorded_on"': day } : {}),
    });
    const statements = {
      now: { proc: pick(procSql, /"pr"\."created_at" < \?/, false), find: pick(findSql, /"f"\."recorded_on" <= \?/, false), day: null },
      asOf: { proc: pick(procSql, /"pr"\."created_at" < \?/, true), find: pick(findSql, /"f"\."recorded_on" <= \?/, true), day: asOf },
    };

    const raw = new Database(p.file, { readonly: true });
    try {
      const label = (k: 'now' | 'asOf', chart: ChartData) => {
        const ids = chartIds(chart);
        return k === 'now'
          ? `chart.get now (${ids.procedures.length} procedures, ${ids.findings.length} findings)`
          : `chart.get asOf ${asOf} (${ids.procedures.length} procedures, ${ids.findings.length} findings)`;
      };
      for (const k of ['now', 'asOf'] as const) {
        const s = statements[k];
        const procStmt = raw.prepare(s.proc);
        const findStmt = raw.prepare(s.find);
        const procParams = bindings(s.proc, known(s.day));
        const findParams = bindings(s.find, known(s.day));
        const runRaw = () => [procStmt.all(...procParams) as { id: string }[], findStmt.all(...findParams) as { id: string }[]] as const;

        // Same rows before any timing.
        const [procRows, findRows] = runRaw();
        const ids = chartIds(answers[k]!);
        if (JSON.stringify(procRows.map((r) => r.id).sort()) !== JSON.stringify(ids.procedures) || JSON.stringify(findRows.map((r) => r.id).sort()) !== JSON.stringify(ids.findings)) {
          throw new Error(`chart.get ${k}: the statements run directly do not return the rows the chart shows`);
        }

        // Alternated call by call, so both sides meet the same moments of a shared machine.
        const input = calls[k];
        const app: number[] = [];
        const base: number[] = [];
        for (let i = 0; i < WARMUP + RUNS; i++) {
          let t = performance.now();
          const res = await dispatch(core, 'chart.get', input, meta);
          const ms = performance.now() - t;
          if (!res.ok) throw new Error(res.error.message);
          t = performance.now();
          runRaw();
          const rawMs = performance.now() - t;
          if (i >= WARMUP) {
            app.push(ms);
            base.push(rawMs);
          }
        }
        put(label(k, answers[k]!), p.name, `${stats(app)} · raw ${stats(base)} · ×${(median(app) / median(base)).toFixed(1)}`);

        if (k === 'now') {
          put('chart.get now: answer as JSON (what browser mode sends)', p.name, `${(JSON.stringify(answers[k]).length / 1024).toFixed(0)} kB`);
          for (const [name, sql, params, want] of [
            ['procedures', s.proc, procParams, ['idx_visits_patient_date', 'idx_procedures_visit_id']],
            ['findings', s.find, findParams, ['idx_findings_patient']],
          ] as const) {
            const detail = (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
            // A scan of the patient's tables (v, pr, f) would grow with the practice; one of users (the names) does not.
            const scans = detail.filter((d) => /^SCAN (v|pr|f)\b/.test(d));
            const missing = want.filter((w) => !detail.some((d) => d.includes(w)));
            const users = detail.some((d) => /^SCAN (rec|res)\b/.test(d))
              ? `; users scanned for the names: ${raw.prepare('SELECT count(*) FROM users').pluck().get() as number} row(s)`
              : '';
            const verdict = scans.length || missing.length ? `BAD: ${[...scans, ...missing.map((m) => `not using ${m}`)].join(', ')}` : `ok${users}`;
            plans.push(`${p.name}, ${name}: ${detail.join(' · ')}  [${verdict}]`);
          }
          // The asOf statements are the same shape with one more condition; their plans are printed too.
        } else {
          for (const [name, sql, params] of [
            ['procedures asOf', s.proc, procParams],
            ['findings asOf', s.find, findParams],
          ] as const) {
            const detail = (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
            plans.push(`${p.name}, ${name}: ${detail.join(' · ')}`);
          }
        }
      }
      put('table sizes: patients / visits / procedures / findings', p.name, (['patients', 'visits', 'procedures', 'findings'] as const)
        .map((t) => (raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number).toLocaleString('en-US'))
        .join(' / '));
    } finally {
      raw.close();
    }
    return statements;
  } finally {
    await closeCore(core);
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The chart in Chromium, in browser mode

interface Server {
  child: ChildProcess;
  origin: string;
  token: string;
}

async function startServer(dir: string): Promise<Server> {
  const token = `bench-${Math.random().toString(36).slice(2)}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', '--data-dir', dir, '--port', '0', '--workstation', 'bench'], {
    cwd: ROOT,
    // The server's clock starts a little after the history ends, on the same day, and runs on.
    env: { ...process.env, CHAIRSIDE_TOKEN: token, CHAIRSIDE_NOW: new Date(NOW_MS + 30 * 60_000).toISOString() },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  process.once('exit', () => killGroup(child, 'SIGKILL'));
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`the server did not start within 60 s:\n${out}`));
    }, 60_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /running at (http:\/\/\S+)\/\?token=/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${out}`));
    });
  });
  return { child, origin, token };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group has no process left.
  }
}

async function stopServer(server: Server) {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killGroup(child, 'SIGTERM');
    const force = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(force);
  }
  killGroup(child, 'SIGKILL');
}

/**
 * In the page: arms a watch on one region of a tooth and on the quick entry box. t0 is the Enter;
 * busy when the box is disabled (the first re-render); t1 when the region shows `want`, t2 a frame
 * later; ready when the box is empty and enabled again (every query the write made stale refetched).
 */
const armEdit = (selector: string, want: string) => `(() => {
  const sel = ${JSON.stringify(selector)};
  const want = ${JSON.stringify(want)};
  const el = document.querySelector(sel);
  if (!el) throw new Error('no element ' + sel);
  const box = () => document.querySelector('[data-testid="quick-entry"]');
  performance.clearResourceTimings();
  const b = { before: el.getAttribute('data-category'), t0: null, busy: null, t1: null, t2: null, ready: null };
  window.__bench = b;
  const onKey = (e) => { if (e.key === 'Enter' && b.t0 === null) b.t0 = performance.now(); };
  window.addEventListener('keydown', onKey, true);
  b.done = new Promise((resolve) => {
    const finish = () => {
      if (b.t2 === null || b.ready === null) return;
      mo.disconnect();
      window.removeEventListener('keydown', onKey, true);
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'));
      const add = api.find((e) => e.name.endsWith('/api/procedures.add'));
      const charts = api.filter((e) => e.name.endsWith('/api/chart.get') && e.responseEnd <= b.t1);
      const chart = charts[charts.length - 1];
      resolve({ t0: b.t0, busy: b.busy, t1: b.t1, t2: b.t2, ready: b.ready,
        add: add ? [add.startTime, add.responseEnd] : null,
        chart: chart ? [chart.startTime, chart.responseEnd, chart.transferSize] : null,
        chartsBefore: api.filter((e) => e.name.endsWith('/api/chart.get') && e.startTime < b.t1).length });
    };
    const mo = new MutationObserver(() => {
      const now = performance.now();
      if (b.t0 === null) return;
      const input = box();
      if (b.busy === null && input && input.disabled) b.busy = now;
      if (b.busy !== null && b.ready === null && input && !input.disabled && input.value === '') b.ready = now;
      const region = document.querySelector(sel);
      if (b.t1 === null && region && region.getAttribute('data-category') === want) {
        b.t1 = now;
        requestAnimationFrame(() => setTimeout(() => { b.t2 = performance.now(); finish(); }, 0));
        // Should the box's last change carry no attribute, a light poll still sees it ready.
        const poll = setInterval(() => {
          const input = box();
          if (b.ready === null && b.busy !== null && input && !input.disabled && input.value === '') b.ready = performance.now();
          if (b.ready !== null) { clearInterval(poll); finish(); }
        }, 5);
      }
      finish();
    });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-category', 'disabled', 'value'] });
  });
  return b.before;
})()`;

/** In the page: arms a watch on the chart for cancelled marks appearing or going; t0 is the click. */
const armToggle = `(() => {
  const chart = document.querySelector('[data-testid="tooth-chart"]');
  const has = () => chart.querySelector('[data-category="CANCELLED"]') !== null;
  const had = has();
  performance.clearResourceTimings();
  const b = { t0: null };
  window.__bench = b;
  const onClick = () => { if (b.t0 === null) b.t0 = performance.now(); };
  window.addEventListener('click', onClick, true);
  b.done = new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (has() === had) return;
      const t1 = performance.now();
      mo.disconnect();
      window.removeEventListener('click', onClick, true);
      requestAnimationFrame(() => setTimeout(() => resolve({ t0: b.t0, t1, t2: performance.now(), shown: !had,
        fetched: performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/')).length }), 0));
    });
    mo.observe(chart, { subtree: true, childList: true, attributes: true });
  });
  return had;
})()`;

interface EditTiming {
  t0: number;
  busy: number | null;
  t1: number;
  ready: number;
  t2: number;
  add: [number, number] | null;
  chart: [number, number, number] | null;
  /** chart.get requests sent before the region changed: more than one when a refetch was superseded. */
  chartsBefore: number;
}
interface ToggleTiming {
  t0: number;
  t1: number;
  t2: number;
  shown: boolean;
  fetched: number;
}

async function measureBrowser(p: Practice) {
  // The renderer as browser mode serves it, built only when stale (as the e2e suite does).
  execFileSync(process.execPath, ['scripts/build-renderer.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const server = await startServer(p.dir);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const api = async <T>(channel: string, input: unknown, session = ''): Promise<T> => {
      const res = await fetch(`${server.origin}/api/${channel}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', 'x-chairside-session': session },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
      return body.data;
    };
    // A second workstation, which takes each added procedure out again.
    const other = (await api<SignedIn>('auth.signIn', { username: p.username, password: PASSWORD })).sessionToken;

    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(`${server.origin}/?token=${server.token}`);
    await page.getByLabel('Username').fill(p.username);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('current-user').waitFor();
    const opened = performance.now();
    await page.goto(`${server.origin}/#/visits/${p.heavy.todayVisitId}`);
    await page.locator('[data-testid="tooth-chart"] [data-tooth="3"]').waitFor();
    const openMs = performance.now() - opened;
    const entry = page.getByTestId('quick-entry');
    await entry.waitFor();

    // Quick entry, Enter, until the tooth's occlusal region shows the new plan.
    const edits: EditTiming[] = [];
    const callsPerEdit = new Map<string, number>();
    for (let i = 0; i < EDITS + 3; i++) {
      const tooth = EDIT_TEETH[i % EDIT_TEETH.length]!;
      const selector = `[data-testid="tooth-chart"] [data-tooth="${tooth}"] polygon[data-surface="O"]`;
      await entry.fill(`${tooth} MOD D2393`);
      const before = await page.evaluate<string | null>(armEdit(selector, 'PLANNED'));
      if (before === 'PLANNED' || before === 'IN_PROGRESS') throw new Error(`tooth ${tooth} already shows ${before}: the edit would not change it`);
      const added = page.waitForResponse((r) => r.url().endsWith('/api/procedures.add'));
      await entry.press('Enter');
      const timing = await page.evaluate<EditTiming>('window.__bench.done');
      const saved = (await (await added).json()) as { ok: boolean; data: Procedure };
      // Whatever else the edit sets off (the screen's other queries, live refresh) settles before the count.
      await page.waitForTimeout(1_500);
      const calls = await page.evaluate<string[]>(
        `performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/') && e.startTime >= window.__bench.t0).map((e) => e.name.split('/api/')[1])`,
      );
      if (i >= 3) {
        edits.push(timing);
        for (const c of calls) callsPerEdit.set(c, (callsPerEdit.get(c) ?? 0) + 1);
      }
      // Back to the same 300 procedures: removed from the other workstation, seen here by live refresh.
      await api('procedures.remove', { id: saved.data.id, version: saved.data.version }, other);
      // (The page's CSP forbids eval, so waitForFunction cannot poll it: poll from here.)
      const region = page.locator(selector);
      for (const until = Date.now() + 15_000; (await region.getAttribute('data-category')) !== before; ) {
        if (Date.now() > until) throw new Error(`tooth ${tooth} did not go back to ${before} after the removal`);
        await page.waitForTimeout(50);
      }
      await entry.waitFor({ state: 'visible' });
      await page.waitForTimeout(500);
    }

    // "Show cancelled": a re-render of the same answer, no fetch.
    const toggles: ToggleTiming[] = [];
    const box = page.getByLabel('Show cancelled');
    for (let i = 0; i < 2 * TOGGLES + 4; i++) {
      await page.evaluate(armToggle);
      await box.click();
      const timing = await page.evaluate<ToggleTiming>('window.__bench.done');
      if (i >= 4) toggles.push(timing);
      await page.waitForTimeout(150);
    }

    const column = `browser (${p.name})`;
    const ms = (f: (t: EditTiming) => number) => edits.map(f);
    put('browser: visit page opened until the chart is drawn (once)', column, `${fmt(openMs)} ms`);
    put(`browser: quick entry, Enter → tooth region repainted (${edits.length} edits)`, column, `${stats(ms((t) => t.t1 - t.t0))}; next frame ${stats(ms((t) => t.t2 - t.t0))}`);
    // The steps, for the edits whose own refetch painted the region (see the row on a second chart.get).
    const parts = edits.filter((t) => t.add && t.chart && t.busy !== null && t.chartsBefore <= 1);
    if (parts.length) {
      put(` · steps, over the ${parts.length} edits painted by their own refetch:`, column, '');
      put(' · Enter → the box disabled (the chart panel re-rendered as busy)', column, stats(parts.map((t) => t.busy! - t.t0)));
      put(' · Enter → procedures.add sent', column, stats(parts.map((t) => t.add![0] - t.t0)));
      put(' · procedures.add over HTTP', column, stats(parts.map((t) => t.add![1] - t.add![0])));
      put(" · its answer → chart.get sent (what it changed marked stale)", column, stats(parts.map((t) => t.chart![0] - t.add![1])));
      put(' · chart.get over HTTP', column, `${stats(parts.map((t) => t.chart![1] - t.chart![0]))}, ${(median(parts.map((t) => t.chart![2])) / 1024).toFixed(0)} kB transferred`);
      put(' · chart.get answered → region repainted (parse, render, commit)', column, stats(parts.map((t) => t.t1 - t.chart![1])));
    }
    const waited = edits.filter((t) => t.chartsBefore > 1);
    put(
      'browser: edits whose repaint waited for a second chart.get',
      column,
      `${waited.length} of ${edits.length}${waited.length ? ` (Enter → repainted ${stats(waited.map((t) => t.t1 - t.t0))}; the others ${stats(edits.filter((t) => t.chartsBefore <= 1).map((t) => t.t1 - t.t0))})` : ''}`,
    );
    put('browser: Enter → the box empty and enabled for the next line', column, stats(ms((t) => t.ready - t.t0)));
    const perEdit = [...callsPerEdit].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${+(n / edits.length).toFixed(1)}`);
    put('browser: API calls per edit (within 1.5 s, live refresh included)', column, perEdit.join(', '));
    const on = toggles.filter((t) => t.shown);
    const off = toggles.filter((t) => !t.shown);
    put(`browser: "Show cancelled" on → marks drawn (${on.length})`, column, `${stats(on.map((t) => t.t1 - t.t0))}; next frame ${stats(on.map((t) => t.t2 - t.t0))}`);
    put(`browser: "Show cancelled" off → marks gone (${off.length})`, column, `${stats(off.map((t) => t.t1 - t.t0))}; next frame ${stats(off.map((t) => t.t2 - t.t0))}`);
    put('browser: API calls during a "Show cancelled" toggle', column, String(Math.max(...toggles.map((t) => t.fetched))));
  } finally {
    await browser?.close();
    await stopServer(server);
  }
}

// ---------------------------------------------------------------------------------------------

const prepared: Practice[] = [];
try {
  for (const name of practices) {
    const p = await preparePractice(name);
    prepared.push(p);
    const c = p.heavy.counts;
    put('heavy patient: procedures by status', p.name, Object.entries(c).map(([s, n]) => `${s.toLowerCase()} ${n}`).join(', '));
    put('heavy patient: findings (resolved)', p.name, `${p.heavy.findings} (${p.heavy.resolved})`);
    put('writing it through dispatch() (≈700 calls and a sign-in a day)', p.name, `${(p.generateMs / 1000).toFixed(1)} s`);
    console.error(`Measuring chart.get in ${name} …`);
    const statements = await measureReads(p);
    if (p === prepared[0]) {
      console.log('\nThe statements chart.get runs (caught from the service):');
      for (const sql of [statements.now.proc, statements.now.find]) console.log(`  ${sql}`);
    }
  }
  if (!values['no-browser']) {
    const target = prepared.at(-1)!;
    console.error(`Measuring the chart in Chromium on ${target.name} …`);
    await measureBrowser(target);
  }
} finally {
  for (const p of prepared) {
    if (values.keep) console.error(`Kept ${p.name} in ${p.dir} (heavy patient ${p.heavy.patientId}, today's visit ${p.heavy.todayVisitId})`);
    else rmSync(p.dir, { recursive: true, force: true });
  }
}

const sqliteVersion = new Database(':memory:').prepare('SELECT sqlite_version()').pluck().get() as string;
console.log(`\nChairside chart benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, SQLite ${sqliteVersion}`);
console.log(`chart.get: median and p95 of ${RUNS} calls after ${WARMUP} warm-up calls, through dispatch() beside the service's own statements run directly.\n`);
console.log(`| | ${columns.join(' | ')} |`);
console.log(`|---|${columns.map(() => '---').join('|')}|`);
for (const [label, row] of table) console.log(`| ${label} | ${columns.map((c) => row.get(c) ?? '').join(' | ')} |`);
console.log('\nQuery plans (EXPLAIN QUERY PLAN of the statements above, as the app leaves the file):');
for (const line of plans) console.log(`  ${line}`);
