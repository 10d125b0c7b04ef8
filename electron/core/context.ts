import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../shared/domain/roles';
import type { Sqlite } from './db/connection';
import type { DB } from './db/schema';
import type { SessionStore } from './auth/sessions';
import type { SignInThrottle } from './auth/throttle';

/** Either the database or an open transaction: repositories accept both. */
export type Queryable = Kysely<DB> | Transaction<DB>;

/** Process-wide services, built once by createCore(). */
export interface Core {
  db: Kysely<DB>;
  sqlite: Sqlite;
  file: string;
  /** Electron-ABI better-sqlite3 build, passed on to worker threads. */
  nativeBinding?: string | undefined;
  sessions: SessionStore;
  signInThrottle: SignInThrottle;
  /** Injected so tests can fix time and ids. */
  now: () => Date;
  newId: () => string;
  logError: (err: unknown, where: string) => void;
}

export interface Session {
  token: string;
  userId: string;
  tenantId: string;
  role: Role;
  displayName: string;
}

/** What one call knows about its caller. */
export interface CallContext {
  core: Core;
  session: Session | null;
  workstation: string;
}

/** A call that passed the role check: the session is known. */
export interface AuthedContext extends CallContext {
  session: Session;
}
