/**
 * Stands in for renderer/api.ts: `vi.mock('../../renderer/api', () => import('./apiMock'))`.
 * ApiError and the session token helpers are the real ones; `call` and the
 * typed `api` proxy answer from what the test registered with `answer()`.
 * Nothing goes over a network or to a main process.
 */
import { vi } from 'vitest';
import type * as RealApi from '../../renderer/api';
import type { Channel, InputOf, OutputOf } from '../../renderer/api';

const real = await vi.importActual<typeof RealApi>('../../renderer/api');

export const { ApiError, setSessionToken } = real;
export type { Api, Channel, InputOf, OutputOf } from '../../renderer/api';

type Answer = (input: unknown) => unknown;
const answers = new Map<string, Answer>();

/** What `channel` answers in this test: a value, or a function of the input (which may throw an ApiError). */
export function answer<C extends Channel>(channel: C, value: OutputOf<C> | ((input: InputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>)): void {
  answers.set(channel, typeof value === 'function' ? (value as Answer) : () => value);
}

export const call = vi.fn(async (channel: Channel, input: unknown): Promise<unknown> => {
  const respond = answers.get(channel);
  if (!respond) throw new real.ApiError('INTERNAL', `No answer for ${channel} in this test.`);
  // A copy, as over IPC: the test's objects are never shared with the cache.
  return structuredClone(await respond(input));
});

/** The inputs `channel` was called with, in order. */
export function callsTo(channel: Channel): unknown[] {
  return call.mock.calls.filter(([c]) => c === channel).map(([, input]) => input);
}

export const api = new Proxy({} as RealApi.Api, {
  get: (_t, group) =>
    new Proxy({}, { get: (_m, method) => (input?: unknown) => call(`${String(group)}.${String(method)}` as Channel, input ?? {}) }),
});

let unauthenticated: () => void = () => {};
export const setUnauthenticatedHandler = (handler: () => void): void => {
  unauthenticated = handler;
};
/** What api.ts does when the main process says the session is gone. */
export function endSessionFromServer(): void {
  unauthenticated();
}

export function resetApi(): void {
  answers.clear();
  call.mockClear();
}
