import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { ApiError } from '../../renderer/api';
import { useSession } from '../../renderer/features/session/session.store';
import { queryClient } from '../../renderer/lib/queryClient';
import { queryKeys } from '../../renderer/lib/queryKeys';
import { answer, callsTo, endSessionFromServer, resetApi } from './apiMock';
import { IDS, patient, sessionUser } from './fixtures';

const initial = useSession.getState();
const NOW = '2026-03-02T09:00:00.000Z';

/** Something the first user looked at, as it sits in the app's one cache. */
function cacheFirstUsersPatient() {
  queryClient.setQueryData(queryKeys.patients.get(IDS.patient), patient({ alerts: 'Latex allergy' }));
}

beforeEach(() => {
  resetApi();
  queryClient.clear();
  useSession.setState(initial, true);
});

describe('session store', () => {
  it('starts at sign-in when the main process knows no session, and in the app when it does', async () => {
    answer('session.state', { needsSetup: false, user: null, workstation: 'FRONT-1', now: NOW });
    await useSession.getState().load();
    expect(useSession.getState()).toMatchObject({ phase: 'signedOut', workstation: 'FRONT-1', user: null });

    answer('session.state', { needsSetup: false, user: sessionUser(), workstation: 'FRONT-1', now: NOW });
    await useSession.getState().load();
    expect(useSession.getState()).toMatchObject({ phase: 'signedIn', user: { username: 'noor' } });
  });

  it('asks for setup on a fresh install, and says why when the service cannot be reached', async () => {
    answer('session.state', { needsSetup: true, user: null, workstation: 'FRONT-1', now: NOW });
    await useSession.getState().load();
    expect(useSession.getState().phase).toBe('needsSetup');

    answer('session.state', () => {
      throw new ApiError('INTERNAL', "Chairside's service is not answering.");
    });
    await useSession.getState().load();
    expect(useSession.getState().phase).toBe('unreachable');
    expect(useSession.getState().loadError?.message).toBe("Chairside's service is not answering.");
  });

  it('keeps the session token for this tab after signing in, and drops it on sign-out', async () => {
    answer('auth.signIn', { user: sessionUser(), sessionToken: 'token-1' });
    await useSession.getState().signIn({ username: 'noor', password: 'a long enough password' });
    expect(useSession.getState()).toMatchObject({ phase: 'signedIn', expired: false, user: { displayName: 'Dr. Noor Haddad' } });
    expect(sessionStorage.getItem('chairside.session')).toBe('token-1');

    answer('auth.signOut', { signedOut: true });
    await useSession.getState().signOut();
    expect(useSession.getState()).toMatchObject({ phase: 'signedOut', user: null });
    expect(sessionStorage.getItem('chairside.session')).toBeNull();
    expect(callsTo('auth.signOut')).toHaveLength(1);
  });

  it('forgets every cached answer on sign-out, even when the main process cannot be told', async () => {
    useSession.setState({ phase: 'signedIn', user: sessionUser() });
    cacheFirstUsersPatient();
    answer('auth.signOut', () => {
      throw new ApiError('INTERNAL', 'not answering');
    });
    await useSession.getState().signOut();
    expect(useSession.getState().phase).toBe('signedOut');
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });

  it('a second user signing in never sees the first user’s cached data', async () => {
    useSession.setState({ phase: 'signedOut', user: null });
    cacheFirstUsersPatient();
    answer('auth.signIn', { user: sessionUser({ id: IDS.frontDesk, username: 'fd', role: 'FRONT_DESK' }), sessionToken: 'token-2' });
    await useSession.getState().signIn({ username: 'fd', password: 'a long enough password' });
    expect(queryClient.getQueryData(queryKeys.patients.get(IDS.patient))).toBeUndefined();
  });

  it('a session ended by the main process signs out, says so, and empties the cache', () => {
    useSession.setState({ phase: 'signedIn', user: sessionUser() });
    cacheFirstUsersPatient();
    endSessionFromServer();
    expect(useSession.getState()).toMatchObject({ phase: 'signedOut', user: null, expired: true });
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });
});
