import type { visitsContract } from '../../../shared/contract/visits';
import type { HandlersFor } from '../handler';
import * as visits from './visits.service';

export const visitHandlers: HandlersFor<keyof typeof visitsContract> = {
  'visits.create': (ctx, input) => visits.create(ctx, input),
  'visits.update': (ctx, input) => visits.update(ctx, input),
  'visits.cancel': (ctx, input) => visits.cancel(ctx, input),
  'visits.remove': (ctx, input) => visits.remove(ctx, input),
  'visits.onDay': (ctx, input) => visits.onDay(ctx, input),
  'visits.history': (ctx, input) => visits.history(ctx, input.id),
  'visits.get': (ctx, input) => visits.get(ctx, input.id),
  'visits.listByPatient': (ctx, input) => visits.listByPatient(ctx, input),
  'visits.search': (ctx, input) => visits.search(ctx, input),
};
