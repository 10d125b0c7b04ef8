/**
 * Worker-thread entry for long read-only work. It opens its own read-only
 * connection (WAL lets it read while the main connection writes), answers one
 * job and exits, so a big report or a full audit check never blocks the main
 * event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyChain } from '../audit/chain';
import { openSqlite, type Sqlite } from '../db/connection';
import { procedureSummary, type SummaryJob } from '../reports/procedure-summary.query';

export type WorkerJob = { file: string; nativeBinding?: string } & (
  | { kind: 'procedureSummary'; args: SummaryJob }
  | { kind: 'auditVerify'; tenantId: string }
);

function runJob(db: Sqlite, job: WorkerJob) {
  switch (job.kind) {
    case 'procedureSummary':
      return procedureSummary(db, job.args);
    case 'auditVerify':
      return verifyChain(db, job.tenantId);
  }
}

const job = workerData as WorkerJob;
const db = openSqlite(job.file, { readonly: true, ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) });
try {
  parentPort?.postMessage({ ok: true, data: runJob(db, job) });
} catch (err) {
  parentPort?.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
} finally {
  db.close();
}
