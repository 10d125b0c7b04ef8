import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sqlite } from './connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class DatabaseFromFutureError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This database was last used by a newer Chairside (schema ${databaseVersion}; this app knows up to ${appVersion}). ` +
        'Install the newer version to open it; nothing was changed.',
    );
    this.name = 'DatabaseFromFutureError';
  }
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`Migration ${migration} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

export class MigrationEditedError extends Error {
  constructor(readonly migration: string) {
    super(
      `Migration ${migration} was changed after it was applied to this database. Migrations are never edited once released; ` +
        'add a new one instead. Nothing was changed.',
    );
    this.name = 'MigrationEditedError';
  }
}

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads migrations/NNNN_name.sql in order; numbering must be 1, 2, 3 … with no gaps. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => {
      const m = FILE.exec(f);
      if (!m?.[1] || !m[2]) throw new Error(`Migration file name must look like 0001_name.sql: ${f}`);
      return { version: Number(m[1]), name: m[2], sql: readFileSync(join(dir, f), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered without gaps: expected ${i + 1}, found ${m.version}`);
  });
  return migrations;
}

function ensureTable(db: Sqlite) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  )`);
}

export function currentVersion(db: Sqlite): number {
  ensureTable(db);
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies every pending migration, each inside its own transaction together
 * with its bookkeeping row, so a failure leaves the file exactly as it was
 * before that migration. Refuses a database newer than the app, and one whose
 * applied migrations no longer match their files.
 */
export function migrate(db: Sqlite, migrations: readonly Migration[]): { applied: number[] } {
  const latest = migrations.at(-1)?.version ?? 0;
  const from = currentVersion(db);
  if (from > latest) throw new DatabaseFromFutureError(from, latest);

  // A migration edited after release would leave this database different from a new one.
  const recorded = db.prepare('SELECT version, name, checksum FROM schema_migrations').all() as { version: number; name: string; checksum: string }[];
  for (const r of recorded) {
    const m = migrations.find((x) => x.version === r.version);
    if (m && checksum(m.sql) !== r.checksum) throw new MigrationEditedError(`${String(r.version).padStart(4, '0')}_${r.name}`);
  }

  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (m.version <= from) continue;
    const label = `${String(m.version).padStart(4, '0')}_${m.name}`;
    try {
      db.transaction(() => {
        db.exec(m.sql);
        record.run(m.version, m.name, checksum(m.sql));
      }).immediate();
    } catch (err) {
      throw new MigrationError(label, err);
    }
    applied.push(m.version);
  }
  return { applied };
}
