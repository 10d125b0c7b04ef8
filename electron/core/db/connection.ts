import Database from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  Kysely,
  SqliteAdapter,
  type SqliteDialectConfig,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { DB } from './schema';

export type Sqlite = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Path to an Electron-ABI build of better-sqlite3 (see scripts/build-electron-native.mjs). */
  nativeBinding?: string;
}

/**
 * Opens the practice's database file with the pragmas every connection needs.
 *
 * synchronous=NORMAL: in WAL mode this cannot corrupt the database; a power
 * cut may lose the last few commits but never half of one. FULL would fsync
 * on every click at the chairside for a guarantee a single workstation with
 * regular backups does not need.
 */
export function openSqlite(file: string, options: OpenOptions = {}): Sqlite {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  // Wait for a writer (a backup, a second window) instead of failing at once.
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Kysely's SQLite driver opens transactions with a plain BEGIN, which takes
 * the write lock only at the first write. If another connection (the desktop
 * app and browser mode on one file, or a backup) commits in between, SQLite
 * answers BUSY at once and busy_timeout cannot help. BEGIN IMMEDIATE takes the
 * lock up front, so a second writer waits its turn instead of failing.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

function immediateSqliteDialect(config: SqliteDialectConfig): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ImmediateSqliteDriver(config),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

/**
 * Kysely's SQLite driver prepares every statement anew, which costs more than
 * running it for the queries a screen makes (80-115 µs to prepare a visit
 * query that then runs in a few). The core builds the same few hundred SQL
 * texts over and over, so it keeps their prepared statements, least recently
 * used first out. A statement still being iterated (a streamed query) is
 * busy and cannot be run again; such a caller gets a fresh one.
 */
export class StatementCache {
  readonly #sqlite: Sqlite;
  readonly #limit: number;
  readonly #statements = new Map<string, Database.Statement>();
  hits = 0;
  misses = 0;

  constructor(sqlite: Sqlite, limit = 500) {
    this.#sqlite = sqlite;
    this.#limit = limit;
  }

  get size(): number {
    return this.#statements.size;
  }

  prepare(sql: string): Database.Statement {
    const cached = this.#statements.get(sql);
    if (cached && !cached.busy) {
      this.hits++;
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    this.misses++;
    const fresh = this.#sqlite.prepare(sql);
    if (cached) return fresh;
    this.#statements.set(sql, fresh);
    if (this.#statements.size > this.#limit) this.#statements.delete(this.#statements.keys().next().value!);
    return fresh;
  }
}

export function createKysely(sqlite: Sqlite, statements = new StatementCache(sqlite)): Kysely<DB> {
  const database = { prepare: (sql: string) => statements.prepare(sql), close: () => sqlite.close() };
  return new Kysely<DB>({ dialect: immediateSqliteDialect({ database }) });
}

/**
 * Keeps the query planner's statistics current, as SQLite recommends for
 * long-lived connections: at open with 0x10002 (look at every table, with a
 * bounded analysis), then hourly and at close with the plain form, which
 * analyses only what has changed enough to matter. The hot queries do not depend on it (their
 * indexes win with or without statistics); it keeps the rest sensible as the
 * practice grows.
 */
export function optimizeAtOpen(sqlite: Sqlite): void {
  // 400 rows per index, in SQLite's advised range: the first open of a ten-year file without
  // statistics then takes about 2 s once (docs/performance.md), later opens a few ms.
  sqlite.pragma('analysis_limit = 400');
  sqlite.pragma('optimize = 0x10002');
}

export function optimize(sqlite: Sqlite): void {
  sqlite.pragma('optimize');
}
