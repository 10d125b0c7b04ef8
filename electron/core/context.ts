import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../shared/domain/roles';
import type { Sqlite } from './db/connection';
import type { DB } from './db/schema';
import type { SessionStore } from './auth/sessions';
import type { SignInThrottle } from './auth/throttle';
import type { ChangeFeed } from './changes';
import type { JobRunner } from './worker/jobs';

/** Either the database or an open transaction: repositories accept both. */
export type Queryable = Kysely<DB> | Transaction<DB>;

/** Process-wide services, built once by createCore(). */
export interface Core {
  db: Kysely<DB>;
  sqlite: Sqlite;
  file: string;
  sessions: SessionStore;
  signInThrottle: SignInThrottle;
  /** The long-lived worker threads for long read-only work. */
  jobs: JobRunner;
  /** Injected so tests can fix time and ids. */
  now: () => Date;
  /**
   * The instant of a change, from now() but never equal to or before the
   * previous one this process issued: a row written twice keeps distinct
   * stamps (so the updated_at safety-net trigger never mistakes the core's
   * write for one that forgot the stamp), and audit events stay in time order.
   */
  instant: () => string;
  newId: () => string;
  logError: (err: unknown, where: string) => void;
  /** Tells open screens that data changed, here or in another process on the file. */
  changes: ChangeFeed;
  /** The hourly PRAGMA optimize (db/connection.ts), stopped by closeCore. */
  planner: ReturnType<typeof setInterval>;
  /** Stops background jobs started on this core (the lab reminder job); closeCore calls each. */
  stoppers: (() => void)[];
}

/** The signed-in user as of this call: read afresh from the database on every call. */
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

/** Who an audit event is attributed to. */
export interface Actor {
  tenantId: string;
  userId: string | null;
  workstation: string;
}

export function actorOf(ctx: AuthedContext): Actor {
  return { tenantId: ctx.session.tenantId, userId: ctx.session.userId, workstation: ctx.workstation };
}
