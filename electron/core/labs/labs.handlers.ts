import type { labsContract } from '../../../shared/contract/labs';
import type { HandlersFor } from '../handler';
import * as labs from './labs.service';

export const labHandlers: HandlersFor<keyof typeof labsContract> = {
  'labs.list': (ctx, input) => labs.list(ctx, input),
  'labs.save': (ctx, input) => labs.save(ctx, input),
};
