/**
 * A long-lived job worker (see jobs.ts): one read-only connection for its
 * whole life (WAL lets it read while the main connection writes), then job
 * after job as the main thread sends them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyChain } from '../audit/chain';
import { createKysely, openSqlite } from '../db/connection';
import { procedureSummary } from '../reports/procedure-summary.query';
import { type JobContext, JobCancelledInWorker } from './job-context';
import type { FromWorker, JobArgs, JobKind, ToWorker, WorkerSetup } from './protocol';

const JOBS: { [K in JobKind]: (ctx: JobContext, args: JobArgs[K]) => unknown } = {
  procedureSummary,
  auditVerify: (ctx, args) => verifyChain(ctx, args.tenantId),
};

const setup = workerData as WorkerSetup;
const sqlite = openSqlite(setup.file, { readonly: true, ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}) });
const db = createKysely(sqlite);
const port = parentPort!;
const send = (msg: FromWorker) => port.postMessage(msg);

port.on('message', (msg: ToWorker) => {
  const cancel = new Int32Array(msg.cancel);
  let lastProgress = 0;
  const ctx: JobContext = {
    sqlite,
    db,
    progress: (done, total) => {
      // At most ~20 messages a second: progress is for a bar, not a log.
      const t = Date.now();
      if (t - lastProgress < 50 && done < total) return;
      lastProgress = t;
      send({ type: 'progress', id: msg.id, done, total });
    },
    checkCancelled: () => {
      if (Atomics.load(cancel, 0) === 1) throw new JobCancelledInWorker();
    },
  };
  try {
    const run = JOBS[msg.kind] as (c: JobContext, a: unknown) => unknown;
    send({ type: 'done', id: msg.id, data: run(ctx, msg.args) });
  } catch (err) {
    send({ type: 'failed', id: msg.id, message: err instanceof Error ? err.message : String(err), cancelled: err instanceof JobCancelledInWorker });
  }
});
