import { z } from 'zod';
import { isCurrencyCode } from '../domain/money';
import type * as T from '../types';
import { ALL, channel, displayName, password, required, username } from './define';

export const sessionContract = {
  'session.state': channel<T.SessionState>()({ input: z.object({}), roles: 'public' }),
  'setup.createPractice': channel<T.SignedIn>()({
    input: z.object({
      practiceName: required('Practice name', 120),
      currency: z
        .string()
        .trim()
        .toUpperCase()
        .refine(isCurrencyCode, 'Use an ISO 4217 currency code, e.g. USD, EUR or GBP.'),
      adminDisplayName: displayName,
      adminUsername: username,
      adminPassword: password,
      /** The person setting up a small practice is usually its dentist. */
      adminIsProvider: z.boolean().default(false),
    }),
    roles: 'public',
    writes: true,
  }),
  'auth.signIn': channel<T.SignedIn>()({
    input: z.object({
      // No format check (a mistyped name is just a wrong sign-in), only a bound.
      username: z.string().trim().toLowerCase().min(1, 'Enter your username.').max(40, 'Usernames have at most 40 characters.'),
      password: z.string().min(1, 'Enter your password.').max(200, 'Passwords have at most 200 characters.'),
    }),
    roles: 'public',
    writes: true,
  }),
  'auth.signOut': channel<{ signedOut: true }>()({ input: z.object({}), roles: ALL, writes: true }),
  'auth.changePassword': channel<{ changed: true }>()({
    input: z.object({
      currentPassword: z.string().min(1, 'Enter your current password.').max(200, 'Passwords have at most 200 characters.'),
      newPassword: password,
    }),
    roles: ALL,
    writes: true,
  }),
} as const;
