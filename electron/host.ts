/**
 * Browser mode: the same dispatch() as the Electron bridge, over loopback HTTP,
 * and a stream of "data changed" events for open screens.
 * Every request must name this server by a loopback Host (defeats DNS
 * rebinding); API calls also need the per-launch bearer token and, when the
 * browser sends one, a matching Origin. Failures answer with an error
 * envelope and touch nothing.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import type { Envelope, ErrorCode } from '../shared/result';
import { HTTP_STATUS } from '../shared/result';
import type { Core } from './core/context';
import { dispatch } from './core/handlers';
import { readStaticFile } from './core/static-files';

export interface HostOptions {
  core: Core;
  token: string;
  staticDir: string;
  workstation: string;
}

const MAX_BODY = 1024 * 1024;

function send(res: ServerResponse, status: number, body: string | Buffer, type: string) {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>) {
  const status = envelope.ok ? 200 : HTTP_STATUS[envelope.error.code];
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8');
}

function refuse(res: ServerResponse, code: ErrorCode, message: string) {
  sendEnvelope(res, { ok: false, error: { code, message } });
}

/** Server-sent events keep a quiet connection alive through anything that times idle ones out. */
const KEEPALIVE_MS = 20_000;

/**
 * `GET /api/events`: one `data: {"version":N}` line now and after every
 * change to the data (core/changes.ts), for open screens to refetch. Read
 * with fetch (so the launch token travels in a header, never in a URL).
 */
function streamChanges(req: IncomingMessage, res: ServerResponse, core: Core) {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'keep-alive',
  });
  const push = (version: number) => res.write(`data: {"version":${version}}\n\n`);
  push(core.changes.version);
  const unsubscribe = core.changes.subscribe(push);
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  keepalive.unref();
  req.on('close', () => {
    clearInterval(keepalive);
    unsubscribe();
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads the body; past MAX_BODY it keeps draining (so the answer can still be sent) but keeps nothing. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => (size > MAX_BODY ? reject(new Error('too large')) : resolveBody(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

async function serveStatic(res: ServerResponse, root: string, urlPath: string) {
  const file = await readStaticFile(root, urlPath);
  if (file) send(res, 200, file.body, file.contentType);
  else send(res, 404, 'Not found', 'text/plain; charset=utf-8');
}

export function createHost(options: HostOptions): Server {
  const root = resolve(options.staticDir);
  // Never rejects: every failure is answered with an envelope below.
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const port = (server.address() as AddressInfo).port;
      const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      if (!allowedHosts.includes(req.headers.host ?? '')) {
        return refuse(res, 'FORBIDDEN', 'This server only answers on its loopback address.');
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (!url.pathname.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 'NOT_FOUND', 'Not found.');
        return await serveStatic(res, root, url.pathname);
      }

      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
        return refuse(res, 'FORBIDDEN', 'Calls from other web pages are refused.');
      }
      const auth = req.headers.authorization ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!given || !sameSecret(given, options.token)) {
        return refuse(res, 'UNAUTHENTICATED', 'Open Chairside with the address it printed when it started (it carries the access token).');
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return streamChanges(req, res, options.core);
      if (req.method !== 'POST') return refuse(res, 'NOT_FOUND', 'API calls are POST requests.');

      let input: unknown;
      try {
        const text = await readBody(req);
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        return refuse(res, 'VALIDATION', 'The request body must be JSON of at most 1 MiB.');
      }
      const channel = decode(url.pathname.slice('/api/'.length));
      if (channel === null) return refuse(res, 'NOT_FOUND', 'There is no such channel.');
      const session = req.headers['x-chairside-session'];
      sendEnvelope(
        res,
        await dispatch(options.core, channel, input, {
          sessionToken: typeof session === 'string' ? session : null,
          workstation: options.workstation,
        }),
      );
    } catch (err) {
      options.core.logError(err, 'http');
      if (!res.headersSent) refuse(res, 'INTERNAL', 'Something went wrong on this computer.');
    }
  };
  const server = createServer((req, res) => void answer(req, res));
  return server;
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen((server.address() as AddressInfo).port));
  });
}
