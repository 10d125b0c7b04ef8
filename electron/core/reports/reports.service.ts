import type { ProcedureSummaryReport } from '../../../shared/types';
import type { AuthedContext } from '../context';
import { runInWorker } from '../worker/run-in-worker';

export function procedureSummaryReport(ctx: AuthedContext, input: { from: string; to: string }): Promise<ProcedureSummaryReport> {
  return runInWorker<ProcedureSummaryReport>({
    file: ctx.core.file,
    ...(ctx.core.nativeBinding ? { nativeBinding: ctx.core.nativeBinding } : {}),
    kind: 'procedureSummary',
    args: { tenantId: ctx.session.tenantId, from: input.from, to: input.to },
  });
}
