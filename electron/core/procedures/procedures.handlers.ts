import type { proceduresContract } from '../../../shared/contract/procedures';
import type { HandlersFor } from '../handler';
import * as procedures from './procedures.service';

export const procedureHandlers: HandlersFor<keyof typeof proceduresContract> = {
  'procedures.add': (ctx, input) => procedures.add(ctx, input),
  'procedures.update': (ctx, input) => procedures.update(ctx, input),
  'procedures.setStatus': (ctx, input) => procedures.setStatus(ctx, input),
  'procedures.history': (ctx, input) => procedures.history(ctx, input.id),
  'procedures.remove': (ctx, input) => procedures.remove(ctx, input),
};
