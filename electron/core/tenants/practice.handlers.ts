import type { practiceContract } from '../../../shared/contract/practice';
import type { HandlersFor } from '../handler';
import * as closedDays from './closed-days.service';
import * as practice from './practice.service';

export const practiceHandlers: HandlersFor<keyof typeof practiceContract> = {
  'practice.get': (ctx) => practice.get(ctx),
  'practice.update': (ctx, input) => practice.update(ctx, input),
  'closedDays.list': (ctx, input) => closedDays.list(ctx, input),
  'closedDays.add': (ctx, input) => closedDays.add(ctx, input),
  'closedDays.remove': (ctx, input) => closedDays.remove(ctx, input),
};
