import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api';

// Every query and mutation fails with an ApiError: `call()` turns whatever
// went wrong (a refused input, a lost connection) into one.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/**
 * Retrying only delays the message the user has to see: the main process
 * answers at once, and an ApiError (VALIDATION, NOT_FOUND, FORBIDDEN, ...
 * even INTERNAL "not answering") says the same on a second try. Anything
 * else thrown is unexpected; it gets one more try.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return !(error instanceof ApiError) && failureCount < 1;
}

/** A fresh client with the app's defaults; tests make one per test. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Long enough that a screen and the dialog it opens share one answer,
        // short enough that coming back to a screen shows what is saved now.
        staleTime: 1500,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * The app's one cache. Writes invalidate what they changed (lib/apiQuery.ts);
 * a change made elsewhere can call `queryClient.invalidateQueries()` to
 * refetch everything on screen. Signing in or out clears it (session.store).
 */
export const queryClient = createQueryClient();
