import type { QueryClient } from '@tanstack/react-query';

/** Calls back with the data version now and after each change; returns how to stop. */
export type ChangeSubscription = (onVersion: (version: number) => void) => () => void;

/**
 * Open screens follow changes made elsewhere (another window, another
 * workstation on the same file): when the main process's data version moves,
 * every query on screen refetches. Forms keep what the user typed: they take
 * their values once, at open, and a refetch never resets them.
 */
export function startLiveRefresh(client: QueryClient, subscribe: ChangeSubscription): () => void {
  let last: number | null = null;
  return subscribe((version) => {
    // The first number is where we start (nothing to refetch); a lower one means the service restarted.
    if (last !== null && version !== last) void client.invalidateQueries();
    last = version;
  });
}
