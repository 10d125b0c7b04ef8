import type { Kysely } from 'kysely';
import type { Sqlite } from '../db/connection';
import type { DB } from '../db/schema';

/** What a job gets inside its worker: the read-only connection, Kysely to build its queries, progress and cancellation. */
export interface JobContext {
  sqlite: Sqlite;
  /** Only for building queries (compile()); they run on `sqlite` so rows can stream. */
  db: Kysely<DB>;
  progress(done: number, total: number): void;
  /** Throws JobCancelledInWorker once the main thread asked to cancel; call it between rows. */
  checkCancelled(): void;
}

export class JobCancelledInWorker extends Error {}
