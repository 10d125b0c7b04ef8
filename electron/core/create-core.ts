import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SessionStore } from './auth/sessions';
import { SignInThrottle } from './auth/throttle';
import { ChangeFeed } from './changes';
import type { Core } from './context';
import { createKysely, openSqlite, optimize, optimizeAtOpen } from './db/connection';
import { loadMigrations, migrate } from './db/migrator';
import { addMissingStarterSchedules } from './fee-schedule/fee-schedule.service';
import { JobRunner } from './worker/jobs';

export interface CoreOptions {
  file: string;
  migrationsDir: string;
  /** Electron-ABI build of better-sqlite3 (the desktop app); the worker threads load it too. */
  nativeBinding?: string | undefined;
  now?: () => Date;
  newId?: () => string;
  logError?: (err: unknown, where: string) => void;
}

const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/** Statistics are a nicety: a busy file (a backup, another window's long write) waits for the next time. */
function tryOptimize(sqlite: Core['sqlite'], logError: Core['logError']): void {
  try {
    optimize(sqlite);
  } catch (err) {
    logError(err, 'PRAGMA optimize');
  }
}

/** Opens (creating if needed) and migrates the database, and wires the services. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(dirname(options.file), { recursive: true });
  const sqlite = openSqlite(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const now = options.now ?? (() => new Date());
  try {
    migrate(sqlite, loadMigrations(options.migrationsDir));
    addMissingStarterSchedules(sqlite, now().toISOString(), options.newId ?? randomUUID);
    optimizeAtOpen(sqlite);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  const logError = options.logError ?? ((err: unknown, where: string) => console.error(`[chairside] ${where}:`, err));
  let last = 0;
  const instant = () => {
    last = Math.max(now().getTime(), last + 1);
    return new Date(last).toISOString();
  };
  const planner = setInterval(() => tryOptimize(sqlite, logError), OPTIMIZE_EVERY_MS);
  planner.unref();
  return {
    db: createKysely(sqlite),
    sqlite,
    file: options.file,
    sessions: new SessionStore(now),
    signInThrottle: new SignInThrottle(now),
    jobs: new JobRunner({ file: options.file, nativeBinding: options.nativeBinding }),
    now,
    instant,
    newId: options.newId ?? randomUUID,
    logError,
    planner,
    stoppers: [],
    changes: new ChangeFeed(sqlite, undefined, logError),
  };
}

export async function closeCore(core: Core): Promise<void> {
  clearInterval(core.planner);
  for (const stop of core.stoppers.splice(0)) stop();
  core.changes.close();
  await core.jobs.close();
  if (core.sqlite.open) tryOptimize(core.sqlite, core.logError);
  await core.db.destroy();
  if (core.sqlite.open) core.sqlite.close();
}
