import type { Provider } from '../../../shared/types';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { useApiQuery } from '../../lib/apiQuery';

const NO_INPUT = {};

/**
 * The dentists and hygienists, for every form that names one. One cached
 * answer for all of them; a form opening after it has gone stale fetches it
 * again, and a change on the Users screen invalidates it (['users']).
 * Forms fall back to an empty list if it cannot be fetched.
 */
export function useProviders(): Provider[] {
  return useApiQuery('users.providers', NO_INPUT).data ?? [];
}

export function providerOptions(providers: Provider[]) {
  return providers.map((p) => ({ value: p.id, label: `${p.displayName} (${ROLE_LABELS[p.role]})` }));
}
