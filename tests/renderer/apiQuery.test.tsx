import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/api', () => import('./apiMock'));

import { ApiError, type InputOf } from '../../renderer/api';
import { apiQuery, isAwaitingAnswer, useApiMutation, useApiQuery } from '../../renderer/lib/apiQuery';
import { createQueryClient, shouldRetry } from '../../renderer/lib/queryClient';
import { channelKey, keysChangedBy, queryKeys } from '../../renderer/lib/queryKeys';
import { answer, call, callsTo, resetApi } from './apiMock';
import { IDS, patient, procedure, providers, visit } from './fixtures';
import { Providers } from './render';

function setup() {
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <Providers client={client}>{children}</Providers>;
  return { client, wrapper };
}

const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, size: 25 });

beforeEach(() => resetApi());

describe('query keys', () => {
  it('are the channel split at its dot, then the input, so a feature is invalidated by its first word', () => {
    expect(queryKeys.visits.get(IDS.visit)).toEqual(['visits', 'get', { id: IDS.visit }]);
    expect(channelKey('patients.search', { query: 'tan' })).toEqual(['patients', 'search', { query: 'tan' }]);
    expect(queryKeys.users.providers()).toEqual(['users', 'providers', {}]);
  });

  it('say what a write makes stale: its feature, what shows it elsewhere, and the audit log', () => {
    expect(keysChangedBy('procedures.update')).toEqual([['visits'], ['procedures'], ['reports'], ['chart'], ['labCases'], ['reminders'], ['audit']]);
    expect(keysChangedBy('labCases.send')).toEqual([['labCases'], ['reminders'], ['visits'], ['procedures'], ['reports'], ['chart'], ['audit']]);
    expect(keysChangedBy('reminders.dismiss')).toEqual([['reminders'], ['audit']]);
    expect(keysChangedBy('findings.add')).toEqual([['chart'], ['audit']]);
    expect(keysChangedBy('feeSchedule.save')).toEqual([['feeSchedule'], ['audit']]);
    expect(keysChangedBy('patients.archive')).toEqual([['patients'], ['visits'], ['reports'], ['labCases'], ['reminders'], ['audit']]);
    expect(keysChangedBy('users.create')).toEqual([['users'], ['visits'], ['reports'], ['audit']]);
    expect(keysChangedBy('auth.changePassword')).toEqual([['audit']]);
  });
});

describe('useApiQuery', () => {
  it('calls the channel with the input and gives its answer', async () => {
    answer('patients.get', patient());
    const { wrapper, client } = setup();
    const { result } = renderHook(() => useApiQuery('patients.get', { id: IDS.patient }), { wrapper });
    expect(result.current.isPending).toBe(true);
    await waitFor(() => expect(result.current.data?.lastName).toBe('Tanaka'));
    expect(call).toHaveBeenCalledWith('patients.get', { id: IDS.patient });
    expect(client.getQueryData(queryKeys.patients.get(IDS.patient))).toMatchObject({ lastName: 'Tanaka' });
  });

  it('fetches nothing while the input is null', async () => {
    answer('patients.search', page([patient()]));
    const { wrapper } = setup();
    const { result, rerender } = renderHook(({ q }: { q: string }) => useApiQuery('patients.search', q.length >= 2 ? { query: q } : null), {
      wrapper,
      initialProps: { q: 't' },
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(call).not.toHaveBeenCalled();
    expect(result.current.data).toBeUndefined();
    rerender({ q: 'ta' });
    await waitFor(() => expect(result.current.data?.items).toHaveLength(1));
    expect(callsTo('patients.search')).toEqual([{ query: 'ta' }]);
  });

  it('keeps the previous answer on screen while the next input loads, and says it is waiting', async () => {
    let release: () => void = () => {};
    answer('patients.search', (input) =>
      input.query === 'ta'
        ? page([patient()])
        : new Promise((resolve) => {
            release = () => resolve(page([]));
          }),
    );
    const { wrapper } = setup();
    const { result, rerender } = renderHook(({ input }: { input: InputOf<'patients.search'> }) => useApiQuery('patients.search', input, { keepPrevious: true }), {
      wrapper,
      initialProps: { input: { query: 'ta' } },
    });
    await waitFor(() => expect(result.current.data?.items).toHaveLength(1));
    expect(isAwaitingAnswer(result.current)).toBe(false);

    rerender({ input: { query: 'tanx' } });
    await waitFor(() => expect(isAwaitingAnswer(result.current)).toBe(true));
    // Still the answer for "ta", not an empty table.
    expect(result.current.data?.items).toHaveLength(1);
    act(() => release());
    await waitFor(() => expect(result.current.data?.items).toHaveLength(0));
    expect(isAwaitingAnswer(result.current)).toBe(false);
  });

  it('shows a refusal at once, as the ApiError, without retrying it', async () => {
    answer('patients.get', () => {
      throw new ApiError('NOT_FOUND', 'That patient is not in this practice.');
    });
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiQuery('patients.get', { id: IDS.patient }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ApiError);
    expect(result.current.error).toMatchObject({ code: 'NOT_FOUND', message: 'That patient is not in this practice.' });
    expect(callsTo('patients.get')).toHaveLength(1);
  });

  it('retries only what is not an ApiError, once', () => {
    for (const code of ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'INTERNAL'] as const) {
      expect(shouldRetry(0, new ApiError(code, 'x'))).toBe(false);
    }
    expect(shouldRetry(0, new TypeError('x'))).toBe(true);
    expect(shouldRetry(1, new TypeError('x'))).toBe(false);
  });
});

describe('useApiMutation', () => {
  it('after a successful write, refetches what it changed before resolving, and leaves the rest alone', async () => {
    let saved = visit([procedure()]);
    answer('visits.get', () => saved);
    answer('patients.search', page([patient()]));
    answer('procedures.update', (input) => {
      saved = visit([procedure({ name: input.name, version: 2 })]);
      return saved.procedures[0]!;
    });
    const { wrapper, client } = setup();
    const { result } = renderHook(
      () => ({
        visit: useApiQuery('visits.get', { id: IDS.visit }),
        patients: useApiQuery('patients.search', { query: 'tan' }),
        update: useApiMutation('procedures.update'),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.visit.data?.procedures[0]?.name).toBe('Composite, one surface'));
    await waitFor(() => expect(result.current.patients.isSuccess).toBe(true));

    const p = procedure();
    await act(() =>
      result.current.update.mutateAsync({ id: p.id, version: 1, code: p.code, name: 'Composite, sealed', toothNumber: '19', surfaces: ['O'], unitFee: p.unitFee }),
    );
    // Already refetched when the save resolves: a dialog closes onto the new answer.
    expect(client.getQueryData(apiQuery('visits.get', { id: IDS.visit }).queryKey)?.procedures[0]).toMatchObject({ name: 'Composite, sealed', version: 2 });
    await waitFor(() => expect(result.current.visit.data?.procedures[0]?.name).toBe('Composite, sealed'));
    expect(callsTo('visits.get')).toHaveLength(2);
    expect(callsTo('patients.search')).toHaveLength(1);
  });

  it('a new user refreshes the provider pickers', async () => {
    let list = providers;
    answer('users.providers', () => list);
    answer('users.create', (input) => {
      list = [...providers, { id: IDS.frontDesk, displayName: input.displayName, role: 'HYGIENIST' }];
      return { id: IDS.frontDesk } as never;
    });
    const { wrapper } = setup();
    const { result } = renderHook(() => ({ providers: useApiQuery('users.providers', {}), create: useApiMutation('users.create') }), { wrapper });
    await waitFor(() => expect(result.current.providers.data).toHaveLength(1));
    await act(() => result.current.create.mutateAsync({ username: 'jo', displayName: 'Jo Reyes', role: 'HYGIENIST', password: 'a long enough password' }));
    await waitFor(() => expect(result.current.providers.data?.map((p) => p.displayName)).toEqual(['Dr. Noor Haddad', 'Jo Reyes']));
  });

  it('a refused write rejects with the ApiError and refetches nothing', async () => {
    answer('visits.get', visit());
    answer('procedures.remove', () => {
      throw new ApiError('LOCKED', 'This procedure is on claim C-1.');
    });
    const { wrapper } = setup();
    const { result } = renderHook(() => ({ visit: useApiQuery('visits.get', { id: IDS.visit }), remove: useApiMutation('procedures.remove') }), { wrapper });
    await waitFor(() => expect(result.current.visit.isSuccess).toBe(true));
    await act(async () => {
      await expect(result.current.remove.mutateAsync({ id: IDS.procedure, version: 1 })).rejects.toMatchObject({ code: 'LOCKED' });
    });
    expect(callsTo('visits.get')).toHaveLength(1);
  });

  it('a change made elsewhere: invalidating everything refetches what is on screen', async () => {
    let name = 'Tanaka';
    answer('patients.get', () => patient({ lastName: name }));
    const { wrapper, client } = setup();
    const { result } = renderHook(() => useApiQuery('patients.get', { id: IDS.patient }), { wrapper });
    await waitFor(() => expect(result.current.data?.lastName).toBe('Tanaka'));
    name = 'Tanaka-Ito';
    await act(() => client.invalidateQueries());
    await waitFor(() => expect(result.current.data?.lastName).toBe('Tanaka-Ito'));
    expect(callsTo('patients.get')).toHaveLength(2);
  });
});
