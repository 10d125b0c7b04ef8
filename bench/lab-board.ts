/**
 * npm run bench:labs -- [--data DIR] [--practice M|S] [--open 5000] [--runs 50] [--keep]
 *
 * The lab board and the reminder job among ten years of data (issue 9). A copy
 * of the generated practice (DIR/M.sqlite: 20,000 patients, 250,000 visits,
 * 40,000 lab cases, nearly all long seated; see bench/practice-generator.ts)
 * is opened by createCore, as the app opens it (migrations included), and
 * brought to `--open` cases in flight through the app's own channels:
 * crowns charted on recent visits, their cases opened and, by a fixed mix,
 * sent (some now overdue), received and checked. The file is then closed (the
 * app gathers its statistics then) and reopened; nothing here runs ANALYZE or
 * creates an index. The original file is only ever copied.
 *
 * Then it prints, asserting nothing about time:
 * - labCases.board through dispatch() (no filter, by lab, by provider, and the
 *   home screen's `limit: 1` count) beside the two statements the board runs,
 *   prepared once with better-sqlite3, after checking both find the same cases;
 * - one pass of the reminder job (the first raises the day's notices, the
 *   next ones, every five minutes, find nothing new), and reminders.list;
 * - EXPLAIN QUERY PLAN of the board's statements.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { closeCore, createCore } from '../electron/core/create-core';
import type { Core } from '../electron/core/context';
import { dispatch } from '../electron/core/handlers';
import { boardStatements } from '../electron/core/lab-cases/board';
import { raiseReminders } from '../electron/core/lab-cases/reminders';
import type { Channel, InputOf, OutputOf } from '../shared/contract';
import { PASSWORD, TODAY } from './practice-generator';
import { mulberry32 as prng } from './prng';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '.bench-data' },
    practice: { type: 'string' },
    open: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
  },
});
const practice = values.practice ?? (existsSync(join(values.data, 'M.sqlite')) ? 'M' : 'S');
const SOURCE = join(values.data, `${practice}.sqlite`);
const TARGET_OPEN = Number(values.open);
const RUNS = Number(values.runs);
const MIGRATIONS = join(import.meta.dirname, '..', 'migrations');
const NOW = new Date(`${TODAY}T15:00:00.000Z`);
const DAY = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

if (!existsSync(SOURCE)) {
  console.error(`No ${SOURCE}: generate it first (npm run bench -- --sizes ${practice}).`);
  process.exit(1);
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => sorted(xs)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)]!;
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const stats = (xs: number[]) => `${fmt(median(xs))} ms (p95 ${fmt(p95(xs))})`;

async function timeAsync(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

function timeSync(fn: () => unknown, runs = RUNS): number[] {
  for (let i = 0; i < 3; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

function open(file: string): Core {
  return createCore({ file, migrationsDir: MIGRATIONS, now: () => NOW, logError: (err, where) => console.error(where, err) });
}

function caller(core: Core, token: string) {
  return async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const res = await dispatch(core, channel, input, { sessionToken: token, workstation: 'bench' });
    if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
    return res.data as OutputOf<C>;
  };
}

async function signIn(core: Core) {
  const res = await dispatch(core, 'auth.signIn', { username: 'admin', password: PASSWORD }, { workstation: 'bench' });
  if (!res.ok) throw new Error(res.error.message);
  return caller(core, (res.data as { sessionToken: string }).sessionToken);
}


const TEETH = ['2', '3', '4', '5', '12', '13', '14', '15', '18', '19', '20', '29', '30', '31', '8', '9'];

/** Crowns on recent visits through the channels, until `target` cases are in flight. */
async function fillTo(core: Core, target: number): Promise<{ added: number; seconds: number }> {
  const call = await signIn(core);
  const already = Object.values((await call('labCases.board', { limit: 1 })).columns).reduce((n, c) => n + c.count, 0);
  const labs = await call('labs.list', {});
  const providers = (await call('users.providers', {})).filter((p) => p.role === 'DENTIST');
  const patients = core.sqlite.prepare('SELECT id FROM patients WHERE archived_at IS NULL ORDER BY id').pluck().all() as string[];
  const rand = prng(9);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const started = performance.now();
  const today = NOW.getTime();
  let added = 0;
  for (; already + added < target; added++) {
    const visitDay = today - Math.floor(rand() * 45) * DAY;
    const visit = await call('visits.create', { patientId: pick(patients), providerId: pick(providers).id, date: dateOf(visitDay), confirmSameDay: true });
    const crown = await call('procedures.add', { visitId: visit.id, code: 'D2740', name: 'Crown, ceramic', unitFee: 120_000, toothNumber: pick(TEETH) });
    let lc = await call('labCases.open', { procedureId: crown.id, labId: pick(labs).id, shade: pick(['A1', 'A2', 'A3', 'B1']), labFee: 18_500 });
    const roll = rand();
    if (roll < 0.2) continue;
    const sent = Math.min(today, visitDay + DAY);
    lc = await call('labCases.send', { id: lc.id, version: lc.version, sentDate: dateOf(sent), trackingNo: `B${100_000 + added}` });
    if (roll < 0.7) continue;
    const back = Math.min(today, sent + 8 * DAY);
    lc = await call('labCases.receive', { id: lc.id, version: lc.version, receivedDate: dateOf(back) });
    if (roll < 0.85) continue;
    await call('labCases.check', { id: lc.id, version: lc.version, checkedDate: dateOf(back) });
  }
  return { added, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'chairside-labs-'));
  const file = join(dir, 'practice.sqlite');
  console.log(`Copying ${SOURCE} …`);
  copyFileSync(SOURCE, file);
  try {
    let core = open(file);
    const filled = await fillTo(core, TARGET_OPEN);
    console.log(`Added ${filled.added} crowns with their cases through the channels in ${filled.seconds.toFixed(1)} s.`);
    await closeCore(core);
    core = open(file);
    const call = await signIn(core);
    const counts = core.sqlite.prepare('SELECT (SELECT count(*) FROM patients) p, (SELECT count(*) FROM visits) v, (SELECT count(*) FROM procedures) pr, (SELECT count(*) FROM lab_cases) lc').get() as Record<string, number>;
    const board = await call('labCases.board', {});
    const inFlight = Object.values(board.columns).reduce((n, c) => n + c.count, 0);
    console.log(
      `\n${practice}: ${counts.p!.toLocaleString('en-US')} patients, ${counts.v!.toLocaleString('en-US')} visits, ${counts.pr!.toLocaleString('en-US')} procedures, ` +
        `${counts.lc!.toLocaleString('en-US')} lab cases, ${inFlight.toLocaleString('en-US')} in flight on ${TODAY}: ` +
        Object.entries(board.columns).map(([k, c]) => `${k} ${c.count}`).join(', '),
    );

    // The same question in raw SQL: the board's two statements, prepared once.
    const tenantId = core.sqlite.prepare('SELECT id FROM tenants LIMIT 1').pluck().get() as string;
    const raw = new Database(file, { readonly: true });
    const statements = boardStatements(core.db, tenantId, {}).map((q) => ({ sql: q.sql, params: q.parameters as unknown[], stmt: raw.prepare(q.sql) }));
    const rawIds = new Set(statements.flatMap((s) => (s.stmt.all(...s.params) as { id: string }[]).map((r) => r.id)));
    const appIds = new Set(Object.values(board.columns).flatMap((c) => c.cards.map((x) => x.id)));
    // The raw statements also return cases whose procedure is done; the board's column rule drops them.
    const missing = [...appIds].filter((id) => !rawIds.has(id));
    if (missing.length) throw new Error(`The raw statements miss ${missing.length} of the board's cases.`);
    console.log(`Raw statements return ${rawIds.size} rows; the board shows ${inFlight} cases (up to 200 cards a column, all counted).\n`);

    const lab = board.columns.atLab.cards[0]?.labId ?? null;
    const provider = board.columns.overdue.cards[0]?.providerId ?? null;
    const rows: [string, string][] = [
      ['labCases.board, no filter (dispatch)', stats(await timeAsync(() => call('labCases.board', {})))],
      ['  raw SQL: the two statements', stats(timeSync(() => statements.map((s) => s.stmt.all(...s.params))))],
      ['labCases.board, one lab', stats(await timeAsync(() => call('labCases.board', { labId: lab })))],
      ['labCases.board, one provider', stats(await timeAsync(() => call('labCases.board', { providerId: provider })))],
      ['Today’s overdue count (limit 1)', stats(await timeAsync(() => call('labCases.board', { limit: 1 })))],
    ];
    const first = performance.now();
    const raised = await raiseReminders(core);
    rows.push([`reminder job, first pass of the day (raised ${raised.length})`, `${fmt(performance.now() - first)} ms`]);
    rows.push(['reminder job, a later pass (nothing new)', stats(await timeAsync(() => raiseReminders(core), 10))]);
    rows.push([`reminders.list (${(await call('reminders.list', {})).length} notices)`, stats(await timeAsync(() => call('reminders.list', {})))]);
    const width = Math.max(...rows.map(([l]) => l.length));
    for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);

    console.log('\nQuery plans of the board’s statements:');
    for (const s of statements) {
      const plan = raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[];
      console.log(plan.map((p) => `  ${p.detail}`).join('\n'), '\n');
    }
    raw.close();
    await closeCore(core);
  } finally {
    if (values.keep) console.log(`Kept ${file}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
