import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../electron/core/db/connection';
import { currentVersion, DatabaseFromFutureError, loadMigrations, migrate, MigrationEditedError, MigrationError } from '../../electron/core/db/migrator';
import { createCore } from '../../electron/core/create-core';
import { MIGRATIONS, tempDir } from './harness';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function scratch() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

function tables(db: ReturnType<typeof openSqlite>): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migrator', () => {
  it('creates the whole schema on a new file and records it', () => {
    const db = openSqlite(join(scratch(), 'a.sqlite'));
    const all = loadMigrations(MIGRATIONS);
    const { applied } = migrate(db, all);
    expect(applied).toEqual(all.map((m) => m.version));
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'tenants', 'users', 'patients', 'appointments', 'visits', 'procedures', 'labs', 'lab_cases',
        'orders', 'order_items', 'treatment_records', 'claims', 'claim_procedures', 'audit_events', 'schema_migrations',
      ]),
    );
    expect(currentVersion(db)).toBe(all.at(-1)!.version);
    expect(migrate(db, loadMigrations(MIGRATIONS)).applied).toEqual([]);
    db.close();
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const db = openSqlite(join(scratch(), 'p.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    db.close();
  });

  it('refuses a database from a newer app and leaves it untouched', () => {
    const dir = scratch();
    const file = join(dir, 'future.sqlite');
    const db = openSqlite(file);
    migrate(db, loadMigrations(MIGRATIONS));
    db.prepare("INSERT INTO schema_migrations (version, name, checksum) VALUES (99, 'from_the_future', 'x')").run();
    db.close();
    const before = readFileSync(file);

    expect(() => createCore({ file, migrationsDir: MIGRATIONS })).toThrow(DatabaseFromFutureError);
    expect(() => createCore({ file, migrationsDir: MIGRATIONS })).toThrow(/newer Chairside \(schema 99/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls a failing migration back completely', () => {
    const dir = scratch();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    copyFileSync(join(MIGRATIONS, '0001_init.sql'), join(migrations, '0001_init.sql'));
    const db = openSqlite(join(dir, 'b.sqlite'));
    migrate(db, loadMigrations(migrations));
    writeFileSync(
      join(migrations, '0002_broken.sql'),
      `CREATE TABLE half_done (id TEXT PRIMARY KEY);
       INSERT INTO half_done VALUES ('x');
       ALTER TABLE patients ADD COLUMN nickname TEXT;
       INSERT INTO no_such_table VALUES (1);`,
    );
    const schemaBefore = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();

    expect(() => migrate(db, loadMigrations(migrations))).toThrow(MigrationError);
    expect(() => migrate(db, loadMigrations(migrations))).toThrow(/0002_broken failed and was rolled back/);
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore);
    expect(tables(db)).not.toContain('half_done');
    expect(currentVersion(db)).toBe(1);
    db.close();
  });

  it('refuses to run when an applied migration file was edited afterwards', () => {
    const dir = scratch();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    copyFileSync(join(MIGRATIONS, '0001_init.sql'), join(migrations, '0001_init.sql'));
    const db = openSqlite(join(dir, 'e.sqlite'));
    migrate(db, loadMigrations(migrations));
    writeFileSync(join(migrations, '0001_init.sql'), readFileSync(join(MIGRATIONS, '0001_init.sql'), 'utf8') + '\n-- edited\n');
    expect(() => migrate(db, loadMigrations(migrations))).toThrow(MigrationEditedError);
    db.close();
  });

  it('rejects gaps and badly named files', () => {
    const dir = scratch();
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/without gaps/);
    const dir2 = scratch();
    writeFileSync(join(dir2, '1_a.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir2)).toThrow(/0001_name\.sql/);
  });

  it('keeps the seed treatment_records columns, indexes and trigger', () => {
    const db = openSqlite(join(scratch(), 'c.sqlite'));
    migrate(db, loadMigrations(MIGRATIONS));
    const cols = (db.prepare('PRAGMA table_info(treatment_records)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(
      expect.arrayContaining([
        'id', 'patient_id', 'order_id', 'product_id', 'product_name', 'quantity_used', 'date_applied', 'diagnosis',
        'procedure_performed', 'wound_location', 'doctor_notes', 'recorded_by', 'created_at', 'updated_at', 'procedure_id',
      ]),
    );
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('index','trigger')").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'idx_treatment_records_patient_id', 'idx_treatment_records_order_id', 'idx_treatment_records_date_applied',
        'idx_treatment_records_recorded_by', 'idx_treatment_records_product_id', 'idx_treatment_records_patient_date',
        'trigger_update_treatment_records_updated_at', 'idx_procedures_visit_id', 'idx_procedures_status',
        'idx_procedures_tooth_number', 'idx_visits_patient_date',
      ]),
    );
    db.close();
  });

  it('does not grow the file when nothing is pending', () => {
    const dir = scratch();
    const file = join(dir, 'd.sqlite');
    const db = openSqlite(file);
    migrate(db, loadMigrations(MIGRATIONS));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const size = statSync(file).size;
    migrate(db, loadMigrations(MIGRATIONS));
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(statSync(file).size).toBe(size);
    db.close();
  });

  it('0002 starts each practice’s chart counter after its run of automatic numbers, ignoring numbers typed by hand', () => {
    const dir = scratch();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    copyFileSync(join(MIGRATIONS, '0001_init.sql'), join(migrations, '0001_init.sql'));
    const db = openSqlite(join(dir, 'm.sqlite'));
    migrate(db, loadMigrations(migrations));
    const tenant = db.prepare("INSERT INTO tenants (id, tenant_id, name, currency) VALUES (?, ?, ?, 'USD')");
    for (const id of ['busy', 'broken', 'new']) tenant.run(id, id, id);
    const patient = db.prepare("INSERT INTO patients (id, tenant_id, chart_number, first_name, last_name, date_of_birth) VALUES (?, ?, ?, 'A', 'B', '1990-01-01')");
    let n = 0;
    for (const chart of ['1001', '1002', '1003', '1740', 'A-17', '00017', '999999999999']) patient.run(`p${n++}`, 'busy', chart);
    // The case the old rule broke for good: after 999999999 it offered 1000000000 and then refused it forever.
    for (const chart of ['1001', '1002', '999999999', '1000000000']) patient.run(`p${n++}`, 'broken', chart);
    db.prepare("INSERT INTO users (id, tenant_id, username, display_name, role, password_hash) VALUES ('u1', 'busy', 'ada', 'Ada', 'ADMIN', 'x')").run();

    migrate(db, loadMigrations(MIGRATIONS));
    const counters = db.prepare('SELECT id, next_chart_number AS n FROM tenants ORDER BY id').all();
    expect(counters).toEqual([{ id: 'broken', n: 1003 }, { id: 'busy', n: 1004 }, { id: 'new', n: 1001 }]);
    expect(db.prepare('SELECT credential_version AS v FROM users').get()).toEqual({ v: 1 });
    db.close();
  });
});
