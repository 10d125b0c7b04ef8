/**
 * Long read-only work (reports, audit verification, and later export and
 * backup checks) runs on a small pool of long-lived worker threads, each
 * with its own read-only connection: better-sqlite3 is synchronous, and the
 * main event loop must keep answering the screens meanwhile. A job reports
 * progress and can be cancelled; a job still waiting in the queue is dropped.
 */
import { Worker } from 'node:worker_threads';
import type { FromWorker, JobArgs, JobKind, JobResults, Progress, ToWorker, WorkerSetup } from './protocol';

export class JobCancelled extends Error {
  constructor() {
    super('The job was cancelled.');
    this.name = 'JobCancelled';
  }
}

export interface RunOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

interface Pending {
  id: number;
  kind: JobKind;
  args: unknown;
  cancel: Int32Array<SharedArrayBuffer>;
  options: RunOptions;
  resolve: (data: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
}

/**
 * From source (tsx, vitest) the worker is the .ts file, loaded through tsx;
 * in the built app electron-vite emits it next to the main bundle as .js.
 */
function startWorker(setup: WorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./readonly.worker.js', import.meta.url), { workerData: setup });
  // Node 20 ignores --import in a worker's execArgv, so register tsx by hand.
  const entry = JSON.stringify(new URL('./readonly.worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); })`;
  return new Worker(boot, { eval: true, workerData: setup });
}

export class JobRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly setup: WorkerSetup,
    private readonly size = 2,
  ) {}

  run<K extends JobKind>(kind: K, args: JobArgs[K], options: RunOptions = {}): Promise<JobResults[K]> {
    if (this.closed) return Promise.reject(new Error('The job runner is closed.'));
    return new Promise<JobResults[K]>((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) return reject(new JobCancelled());
      const onAbort = () => this.cancel(job);
      // However the job ends, it stops listening to its signal.
      const settle = <A extends unknown[]>(fn: (...a: A) => void) => (...a: A) => {
        signal?.removeEventListener('abort', onAbort);
        fn(...a);
      };
      const job: Pending = {
        id: this.nextId++,
        kind,
        args,
        cancel: new Int32Array(new SharedArrayBuffer(4)),
        options,
        resolve: settle(resolve as (data: unknown) => void),
        reject: settle(reject),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** Stops every worker; running and queued jobs fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('The job runner is closed.'));
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.job?.reject(new Error('The job runner is closed.'));
        return slot.worker.terminate();
      }),
    );
  }

  private cancel(job: Pending) {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.reject(new JobCancelled());
    } else {
      Atomics.store(job.cancel, 0, 1);
    }
  }

  private pump() {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      const msg: ToWorker = { type: 'run', id: job.id, kind: job.kind, args: job.args, cancel: job.cancel.buffer };
      try {
        slot.worker.postMessage(msg);
      } catch (err) {
        // Arguments that cannot be sent fail their own job; the worker stays free for the next.
        job.reject(err instanceof Error ? err : new Error(String(err)));
        continue;
      }
      slot.job = job;
      slot.worker.ref();
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(this.setup), job: null };
    slot.worker.on('message', (msg: FromWorker) => {
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      if (msg.type === 'progress') {
        try {
          job.options.onProgress?.({ done: msg.done, total: msg.total });
        } catch {
          // A progress display that fails must not take the job, or the process, down with it.
        }
        return;
      }
      slot.job = null;
      slot.worker.unref();
      if (msg.type === 'done') job.resolve(msg.data);
      else job.reject(msg.cancelled ? new JobCancelled() : new Error(msg.message));
      this.pump();
    });
    // A crashed worker takes only its own job with it; the next job gets a fresh thread.
    const lost = (err: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      slot.job?.reject(err);
      slot.job = null;
      if (!this.closed) this.pump();
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`A job worker stopped (exit code ${code}).`)));
    // Idle workers must not keep a CLI process (tests, scripts) alive.
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }
}
