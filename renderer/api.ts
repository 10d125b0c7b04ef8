/**
 * The only module that talks to the main process. The client is typed from the
 * shared contract, so `api.patients.search(input)` is checked end to end and no
 * component ever spells a channel name.
 */
import type { Channel, InputOf, OutputOf } from '../shared/contract';
import type { Envelope, ErrorCode, FieldIssue } from '../shared/result';

export type { Channel, InputOf, OutputOf };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
}

interface ElectronBridge {
  invoke(channel: string, input: unknown, sessionToken: string | null): Promise<Envelope<unknown>>;
  /** Data changed (here or in another process on the file); returns how to stop listening. */
  onChanged(listener: (version: number) => void): () => void;
  /** Desktop only: saves the page, as its print stylesheet lays it out, to a PDF the user places. */
  printToPdf(suggestedName: string): Promise<string | null>;
}

declare global {
  interface Window {
    chairside?: Partial<ElectronBridge>;
  }
}

const LAUNCH_KEY = 'chairside.launchToken';
const SESSION_KEY = 'chairside.session';
const NOT_ANSWERING = "Chairside's service is not answering. Is it still running?";

/**
 * Browser mode hands us a launch token in the query string once. Keep it for
 * this tab only and take it out of the address bar so it is not bookmarked,
 * shared or left in history.
 */
function captureLaunchToken(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  sessionStorage.setItem(LAUNCH_KEY, token);
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}
captureLaunchToken();

function getSessionToken(): string | null {
  return sessionStorage.getItem(SESSION_KEY);
}
export function setSessionToken(token: string | null): void {
  if (token) sessionStorage.setItem(SESSION_KEY, token);
  else sessionStorage.removeItem(SESSION_KEY);
}

let onUnauthenticated: () => void = () => {};
/** The session store registers here; api.ts must not import UI state. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

async function transport(channel: Channel, input: unknown): Promise<Envelope<unknown>> {
  const session = getSessionToken();
  const bridge = window.chairside;
  if (typeof bridge?.invoke === 'function') {
    return bridge.invoke(channel, input, session);
  }
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${sessionStorage.getItem(LAUNCH_KEY) ?? ''}`,
        'x-chairside-session': session ?? '',
      },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new ApiError('INTERNAL', NOT_ANSWERING);
  }
  // Errors come back as 4xx/5xx with the envelope in the body; the envelope is the truth.
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    throw new ApiError('INTERNAL', NOT_ANSWERING);
  }
}

export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  let envelope: Envelope<unknown>;
  try {
    envelope = await transport(channel, input);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('INTERNAL', NOT_ANSWERING);
  }
  if (envelope && envelope.ok) return envelope.data as OutputOf<C>;
  const error = envelope?.error ?? { code: 'INTERNAL' as const, message: NOT_ANSWERING };
  if (error.code === 'UNAUTHENTICATED' && !channel.startsWith('auth.') && channel !== 'session.state') {
    setSessionToken(null);
    onUnauthenticated();
  }
  throw new ApiError(error.code, error.message, error.issues ?? []);
}

// ---- hearing that data changed ----------------------------------------------

/** How long to wait before listening again after the stream ends (the service restarted, the laptop slept). */
const RECONNECT_MS = 2000;

/**
 * Calls `onVersion` with the main process's data version now and each time
 * data changes anywhere on the file. The desktop app hears it over IPC;
 * browser mode reads `GET /api/events` with fetch, so the launch token
 * travels in a header, and listens again when the stream ends.
 */
export function subscribeToChanges(onVersion: (version: number) => void): () => void {
  const bridge = window.chairside;
  if (typeof bridge?.onChanged === 'function') return bridge.onChanged(onVersion);
  const abort = new AbortController();
  let retry: ReturnType<typeof setTimeout> | undefined;
  const listen = async () => {
    try {
      const res = await fetch('/api/events', {
        headers: { authorization: `Bearer ${sessionStorage.getItem(LAUNCH_KEY) ?? ''}` },
        signal: abort.signal,
      });
      if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const events = buffer.split('\n\n');
        buffer = events.pop() ?? '';
        for (const event of events) {
          const data = /^data: (.*)$/m.exec(event)?.[1];
          if (data) onVersion((JSON.parse(data) as { version: number }).version);
        }
      }
    } catch {
      // Stopped on purpose, or the service is away: try again below unless stopped.
    }
    if (!abort.signal.aborted) retry = setTimeout(() => void listen(), RECONNECT_MS);
  };
  void listen();
  return () => {
    abort.abort();
    clearTimeout(retry);
  };
}

// ---- the typed proxy -------------------------------------------------------

type GroupOf<C> = C extends `${infer G}.${string}` ? G : never;
// Channels whose input is all-optional can be called with no argument.
type Method<C extends Channel> = Record<never, never> extends InputOf<C>
  ? (input?: InputOf<C>) => Promise<OutputOf<C>>
  : (input: InputOf<C>) => Promise<OutputOf<C>>;

export type Api = {
  [G in GroupOf<Channel>]: {
    [C in Channel as C extends `${G}.${infer M}` ? M : never]: Method<C>;
  };
};

// Methods are cached so `api.x.y` is referentially stable (safe in hook deps).
const methods = new Map<string, (input?: unknown) => Promise<unknown>>();
const groups = new Map<string, object>();

export const api = new Proxy({} as Api, {
  get(_target, group) {
    if (typeof group !== 'string') return undefined;
    let proxy = groups.get(group);
    if (!proxy) {
      proxy = new Proxy(
        {},
        {
          get(_t, method) {
            if (typeof method !== 'string') return undefined;
            const channel = `${group}.${method}`;
            let fn = methods.get(channel);
            if (!fn) {
              fn = (input?: unknown) => call(channel as Channel, (input ?? {}) as never);
              methods.set(channel, fn);
            }
            return fn;
          },
        },
      );
      groups.set(group, proxy);
    }
    return proxy;
  },
});
