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

export function createKysely(sqlite: Sqlite): Kysely<DB> {
  return new Kysely<DB>({ dialect: immediateSqliteDialect({ database: sqlite }) });
}
