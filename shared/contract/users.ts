import { z } from 'zod';
import type * as T from '../types';
import { ADMIN_ONLY, ALL, channel, displayName, id, password, role, username, version } from './define';

/**
 * Whether the user can be a visit's provider. Left out, it follows the role
 * (dentists and hygienists yes, assistants and front desk no) and an existing
 * administrator keeps what they had; an administrator may say yes.
 */
const providerFlag = z.boolean().optional();

export const usersContract = {
  'users.list': channel<T.User[]>()({ input: z.object({}), roles: ADMIN_ONLY }),
  'users.create': channel<T.User>()({
    input: z.object({ username, displayName, role, password, provider: providerFlag }),
    roles: ADMIN_ONLY,
    writes: true,
  }),
  'users.update': channel<T.User>()({
    input: z.object({ id, version, displayName, role, active: z.boolean(), provider: providerFlag }),
    roles: ADMIN_ONLY,
    writes: true,
  }),
  'users.resetPassword': channel<T.User>()({
    input: z.object({ id, password }),
    roles: ADMIN_ONLY,
    writes: true,
  }),
  /** Lifts a sign-in lockout after too many wrong passwords, without changing the password. */
  'users.unlock': channel<T.User>()({
    input: z.object({ id }),
    roles: ADMIN_ONLY,
    writes: true,
  }),
  'users.providers': channel<T.Provider[]>()({ input: z.object({}), roles: ALL }),
} as const;
