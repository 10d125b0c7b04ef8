import type { reportsContract } from '../../../shared/contract/reports';
import type { HandlersFor } from '../handler';
import { procedureSummaryReport } from './reports.service';

export const reportHandlers: HandlersFor<keyof typeof reportsContract> = {
  'reports.procedureSummary': (ctx, input) => procedureSummaryReport(ctx, input),
};
