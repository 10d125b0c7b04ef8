import type { usersContract } from '../../../shared/contract/users';
import type { HandlersFor } from '../handler';
import * as users from './users.service';

export const userHandlers: HandlersFor<keyof typeof usersContract> = {
  'users.list': (ctx) => users.getUsers(ctx),
  'users.create': (ctx, input) => users.createUser(ctx, input),
  'users.update': (ctx, input) => users.update(ctx, input),
  'users.resetPassword': (ctx, input) => users.resetPassword(ctx, input),
  'users.unlock': (ctx, input) => users.unlock(ctx, input),
  'users.providers': (ctx) => users.getProviders(ctx),
};
