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

/** Someone a record already names, who may no longer be an active provider. */
export interface NamedPerson {
  id: string;
  name: string;
}

/**
 * The pick list of a provider field. Someone the record already names but
 * who is no longer an active provider stays in the list, marked, so the
 * field shows their name instead of going blank.
 */
export function providerOptions(providers: Provider[], current: (NamedPerson | null)[] = []) {
  const options = providers.map((p) => ({ value: p.id, label: `${p.displayName} (${ROLE_LABELS[p.role]})` }));
  for (const person of current) {
    if (person && !options.some((o) => o.value === person.id)) options.push({ value: person.id, label: `${person.name} (not an active provider)` });
  }
  return options;
}

/** A provider's name by id, from the active providers and the people the record names. */
export function providerNamer(providers: Provider[], known: (NamedPerson | null)[] = []): (id: string | null | undefined) => string | null {
  const names = new Map<string, string>();
  for (const person of known) if (person) names.set(person.id, person.name);
  for (const p of providers) names.set(p.id, p.displayName);
  return (id) => (id ? (names.get(id) ?? null) : null);
}
