/** The messages between the main thread and a job worker (see jobs.ts and readonly.worker.ts). */
import type { AuditVerification, ProcedureSummaryReport } from '../../../shared/types';

export interface JobArgs {
  procedureSummary: { tenantId: string; from: string; to: string };
  auditVerify: { tenantId: string };
}

export interface JobResults {
  procedureSummary: ProcedureSummaryReport;
  auditVerify: AuditVerification;
}

export type JobKind = keyof JobArgs;

export interface Progress {
  done: number;
  total: number;
}

export type ToWorker = {
  type: 'run';
  id: number;
  kind: JobKind;
  args: unknown;
  /** One Int32 the main thread sets to 1 to cancel; the job checks it between rows. */
  cancel: SharedArrayBuffer;
};

export type FromWorker =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; data: unknown }
  | { type: 'failed'; id: number; message: string; cancelled: boolean };

export interface WorkerSetup {
  file: string;
  nativeBinding?: string | undefined;
}
