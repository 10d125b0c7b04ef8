import type { chartContract } from '../../../shared/contract/chart';
import type { HandlersFor } from '../handler';
import * as chart from './chart.service';
import * as findings from './findings.service';

export const chartHandlers: HandlersFor<keyof typeof chartContract> = {
  'chart.get': (ctx, input) => chart.get(ctx, input),
  'findings.add': (ctx, input) => findings.add(ctx, input),
  'findings.resolve': (ctx, input) => findings.resolve(ctx, input),
  'findings.remove': (ctx, input) => findings.remove(ctx, input),
};
