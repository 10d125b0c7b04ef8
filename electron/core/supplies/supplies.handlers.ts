import type { suppliesContract } from '../../../shared/contract/supplies';
import type { HandlersFor } from '../handler';
import * as orders from './orders.service';
import * as stock from './stock.service';

export const suppliesHandlers: HandlersFor<keyof typeof suppliesContract> = {
  'orders.create': (ctx, input) => orders.create(ctx, input),
  'orders.get': (ctx, input) => orders.get(ctx, input),
  'orders.list': (ctx, input) => orders.list(ctx, input),
  'orders.update': (ctx, input) => orders.update(ctx, input),
  'orders.receive': (ctx, input) => orders.receive(ctx, input),
  'orders.cancel': (ctx, input) => orders.cancel(ctx, input),
  'stock.list': (ctx, input) => stock.list(ctx, input),
  'stock.setThreshold': (ctx, input) => stock.setThreshold(ctx, input),
};
