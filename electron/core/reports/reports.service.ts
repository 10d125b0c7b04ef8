import type { ProcedureSummaryReport } from '../../../shared/types';
import type { AuthedContext } from '../context';

export function procedureSummaryReport(ctx: AuthedContext, input: { from: string; to: string }): Promise<ProcedureSummaryReport> {
  return ctx.core.jobs.run('procedureSummary', { tenantId: ctx.session.tenantId, from: input.from, to: input.to });
}
