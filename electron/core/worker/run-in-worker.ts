import { Worker } from 'node:worker_threads';
import type { WorkerJob } from './readonly.worker';

/**
 * From source (tsx, vitest) the worker is the .ts file, loaded through tsx;
 * in the built app electron-vite emits it next to the main bundle as .js.
 */
function startWorker(job: WorkerJob): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./readonly.worker.js', import.meta.url), { workerData: job });
  // Node 20 ignores --import in a worker's execArgv, so register tsx by hand.
  const entry = JSON.stringify(new URL('./readonly.worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); })`;
  return new Worker(boot, { eval: true, workerData: job });
}

export function runInWorker<T>(job: WorkerJob): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(job);
    let settled = false;
    worker.once('message', (msg: { ok: true; data: T } | { ok: false; message: string }) => {
      settled = true;
      if (msg.ok) resolve(msg.data);
      else reject(new Error(msg.message));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`Report worker exited with code ${code} before answering.`));
    });
  });
}
