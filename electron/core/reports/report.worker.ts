/**
 * Worker-thread entry for long read-only work. It opens its own read-only
 * connection (WAL lets it read while the main connection writes), answers one
 * job and exits, so a big report never blocks the main event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../db/connection';
import { procedureSummary, type SummaryJob } from './procedure-summary.query';

export interface WorkerJob {
  file: string;
  nativeBinding?: string;
  kind: 'procedureSummary';
  args: SummaryJob;
}

const job = workerData as WorkerJob;
const db = openSqlite(job.file, { readonly: true, ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) });
try {
  parentPort?.postMessage({ ok: true, data: procedureSummary(db, job.args) });
} catch (err) {
  parentPort?.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
} finally {
  db.close();
}
