import type { practiceContract } from '../../../shared/contract/practice';
import type { HandlersFor } from '../handler';
import * as practice from './practice.service';

export const practiceHandlers: HandlersFor<keyof typeof practiceContract> = {
  'practice.get': (ctx) => practice.get(ctx),
  'practice.update': (ctx, input) => practice.update(ctx, input),
};
