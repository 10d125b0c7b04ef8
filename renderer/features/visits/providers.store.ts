import { useEffect } from 'react';
import { create } from 'zustand';
import { api } from '../../api';
import type { Provider } from '../../../shared/types';
import { ROLE_LABELS } from '../../../shared/domain/roles';

/**
 * Shared by every form that names a provider. Refetched whenever such a form
 * opens (one small query), so a newly added dentist or a different signed-in
 * practice is never hidden behind a stale list.
 */
interface ProvidersStore {
  providers: Provider[] | null;
  loading: boolean;
  fetch: () => Promise<void>;
}

export const useProvidersStore = create<ProvidersStore>()((set, get) => ({
  providers: null,
  loading: false,
  fetch: async () => {
    if (get().loading) return;
    set({ loading: true });
    try {
      set({ providers: await api.users.providers() });
    } catch {
      // Forms fall back to an empty list; the user can still read everything else.
    } finally {
      set({ loading: false });
    }
  },
}));

export function useProviders(): Provider[] {
  const providers = useProvidersStore((s) => s.providers);
  const fetch = useProvidersStore((s) => s.fetch);
  useEffect(() => {
    void fetch();
  }, [fetch]);
  return providers ?? [];
}

export function providerOptions(providers: Provider[]) {
  return providers.map((p) => ({ value: p.id, label: `${p.displayName} (${ROLE_LABELS[p.role]})` }));
}
