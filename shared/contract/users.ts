import { z } from 'zod';
import type * as T from '../types';
import { ADMIN_ONLY, ALL, channel, displayName, id, password, role, username, version } from './define';

export const usersContract = {
  'users.list': channel<T.User[]>()({ input: z.object({}), roles: ADMIN_ONLY }),
  'users.create': channel<T.User>()({
    input: z.object({ username, displayName, role, password }),
    roles: ADMIN_ONLY,
    writes: true,
  }),
  'users.update': channel<T.User>()({
    input: z.object({ id, version, displayName, role, active: z.boolean() }),
    roles: ADMIN_ONLY,
    writes: true,
  }),
  'users.resetPassword': channel<T.User>()({
    input: z.object({ id, password }),
    roles: ADMIN_ONLY,
    writes: true,
  }),
  'users.providers': channel<T.Provider[]>()({ input: z.object({}), roles: ALL }),
} as const;
