import { create } from 'zustand';
import { api, ApiError, setSessionToken, setUnauthenticatedHandler, type InputOf } from '../../api';
import type { SessionUser, SignedIn } from '../../../shared/types';
import { syncClock } from '../../lib/clock';
import { queryClient } from '../../lib/queryClient';

type Phase = 'loading' | 'needsSetup' | 'signedOut' | 'signedIn' | 'unreachable';

interface SessionStore {
  phase: Phase;
  user: SessionUser | null;
  workstation: string;
  loadError: ApiError | null;
  /** Set when the session ran out, so sign-in can say why the user is there. */
  expired: boolean;
  load: () => Promise<void>;
  signIn: (input: InputOf<'auth.signIn'>) => Promise<void>;
  createPractice: (input: InputOf<'setup.createPractice'>) => Promise<void>;
  signOut: () => Promise<void>;
}

/**
 * Another user (or the same one, later) must never see answers fetched for
 * the session before: every sign-in and sign-out starts from an empty cache.
 */
function forgetCachedData(): void {
  queryClient.clear();
}

export const useSession = create<SessionStore>()((set, get) => {
  const enter = (signedIn: SignedIn) => {
    setSessionToken(signedIn.sessionToken);
    forgetCachedData();
    set({ phase: 'signedIn', user: signedIn.user, expired: false });
  };
  return {
    phase: 'loading',
    user: null,
    workstation: '',
    loadError: null,
    expired: false,
    load: async () => {
      try {
        const state = await api.session.state();
        syncClock(state.now);
        if (state.user?.id !== get().user?.id) forgetCachedData();
        set({
          workstation: state.workstation,
          user: state.user,
          loadError: null,
          phase: state.needsSetup ? 'needsSetup' : state.user ? 'signedIn' : 'signedOut',
        });
      } catch (err) {
        set({ phase: 'unreachable', loadError: err instanceof ApiError ? err : new ApiError('INTERNAL', String(err)) });
      }
    },
    signIn: async (input) => enter(await api.auth.signIn(input)),
    createPractice: async (input) => enter(await api.setup.createPractice(input)),
    signOut: async () => {
      try {
        await api.auth.signOut();
      } catch {
        // Signing out locally is what matters; the server session expires anyway.
      }
      setSessionToken(null);
      set({ phase: get().phase === 'needsSetup' ? 'needsSetup' : 'signedOut', user: null, expired: false });
      forgetCachedData();
    },
  };
});

setUnauthenticatedHandler(() => {
  useSession.setState({ phase: 'signedOut', user: null, expired: true });
  forgetCachedData();
});
