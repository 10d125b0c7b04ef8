/**
 * npx tsx bench/capture-statistics.ts FILE OUT.json
 * Opens a copy of a generated practice the way the app does (createCore runs
 * PRAGMA optimize at open) and writes the planner statistics it gathered, for
 * tests/integration/query-plans.test.ts.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeCore, createCore } from '../electron/core/create-core';

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error('usage: npx tsx bench/capture-statistics.ts FILE OUT.json');
const dir = mkdtempSync(join(tmpdir(), 'chairside-stats-'));
try {
  const copy = join(dir, 'copy.sqlite');
  copyFileSync(file, copy);
  const core = createCore({ file: copy, migrationsDir: join(import.meta.dirname, '../migrations') });
  const rows = core.sqlite.prepare('SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx').all();
  await closeCore(core);
  writeFileSync(out, `${JSON.stringify(rows, null, 1)}\n`);
  console.log(`${rows.length} statistics rows written to ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
