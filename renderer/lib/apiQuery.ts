import {
  keepPreviousData,
  queryOptions,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseQueryResult,
} from '@tanstack/react-query';
import { call, type ApiError, type Channel, type InputOf, type OutputOf } from '../api';
import { channelKey, keysChangedBy } from './queryKeys';

/**
 * A channel's answer as a query: keyed by channel and input (lib/queryKeys.ts),
 * fetched through the typed client. Also for `queryClient.fetchQuery`, e.g.
 * to fetch a record as saved now after a CONFLICT.
 */
export function apiQuery<C extends Channel>(channel: C, input: InputOf<C>) {
  return queryOptions({
    queryKey: channelKey(channel, input),
    queryFn: (): Promise<OutputOf<C>> => call(channel, input),
  });
}

interface ApiQueryOptions {
  /**
   * Keep showing the previous input's answer while the next one loads, so a
   * search-as-you-type table or a page change does not flash empty.
   */
  keepPrevious?: boolean;
}

/**
 * Calls a channel and keeps its answer in the cache; pass null as the input to
 * wait (nothing is fetched until there is an input). Errors are ApiErrors.
 */
export function useApiQuery<C extends Channel>(channel: C, input: InputOf<C> | null, options: ApiQueryOptions = {}): UseQueryResult<OutputOf<C>> {
  return useQuery({
    queryKey: channelKey(channel, input),
    queryFn: input === null ? skipToken : () => call(channel, input),
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

/** True while the answer for the current input has not arrived yet (the previous one may be showing meanwhile). */
export function isAwaitingAnswer(query: UseQueryResult<unknown>): boolean {
  return query.isFetching && (query.isPending || query.isPlaceholderData);
}

/**
 * Marks stale whatever a successful write to `channel` changed, and refetches
 * the part of it on screen. Resolves once those refetches are done.
 */
export async function invalidateAfterWrite(client: QueryClient, channel: Channel): Promise<void> {
  await Promise.all(keysChangedBy(channel).map((queryKey) => client.invalidateQueries({ queryKey })));
}

/**
 * The one way the renderer writes: `mutateAsync(input)` calls the channel,
 * and on success invalidates what it changed (see keysChangedBy) before it
 * resolves, so a dialog closes onto a screen that already shows the change.
 * Refusals reject with the ApiError, for the form to show (handleSaveError).
 */
export function useApiMutation<C extends Channel>(channel: C) {
  const client = useQueryClient();
  return useMutation<OutputOf<C>, ApiError, InputOf<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: () => invalidateAfterWrite(client, channel),
  });
}
