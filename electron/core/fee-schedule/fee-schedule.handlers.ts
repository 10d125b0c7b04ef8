import type { feeScheduleContract } from '../../../shared/contract/feeSchedule';
import type { HandlersFor } from '../handler';
import * as schedule from './fee-schedule.service';

export const feeScheduleHandlers: HandlersFor<keyof typeof feeScheduleContract> = {
  'feeSchedule.list': (ctx) => schedule.list(ctx),
  'feeSchedule.save': (ctx, input) => schedule.save(ctx, input),
};
