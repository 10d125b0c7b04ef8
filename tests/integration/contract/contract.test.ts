/**
 * Tests generated from the contract: every channel x every role, every
 * channel that takes an id x another practice's ids, every channel x the
 * audit trail, every chart write x an archived patient. A new channel is
 * covered as soon as it has a sample (samples.ts refuses to compile without).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel, contract } from '../../../shared/contract';
import { type Role, ROLES } from '../../../shared/domain/roles';
import { dispatch } from '../../../electron/core/handlers';
import { join } from 'node:path';
import { createTestApp, PASSWORD, tempDir, type TestApp } from '../harness';
import { SAMPLES } from './samples';
import { auditCount, buildWorld, digest, type World } from './world';

const call = (app: TestApp, channel: Channel, input: unknown, token: string | null) =>
  dispatch(app.core, channel, input, { sessionToken: token, workstation: 'contract-test' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Paths of every id in an input, e.g. ['visitId', 'correctsProcedureId']. */
function idPaths(input: unknown, prefix: string[] = []): string[][] {
  if (typeof input === 'string') return UUID.test(input) ? [prefix] : [];
  if (input && typeof input === 'object') return Object.entries(input).flatMap(([k, v]) => idPaths(v, [...prefix, k]));
  return [];
}
function withValueAt(input: unknown, path: string[], from: unknown): unknown {
  if (path.length === 0) return from;
  const [head, ...rest] = path as [string, ...string[]];
  const o = input as Record<string, unknown>;
  const value = withValueAt(o[head], rest, (from as Record<string, unknown>)[head]);
  // An id inside a list (an order's items) stays in a list.
  if (Array.isArray(input)) return input.map((x, i) => (String(i) === head ? value : x));
  return { ...o, [head]: value };
}

describe('every channel x every role', () => {
  let app: TestApp;
  let w: World;
  beforeAll(async () => {
    app = createTestApp();
    w = await buildWorld(app, await app.setup());
  });
  afterAll(() => app.close());

  // Input that no schema accepts: a call that gets as far as VALIDATION passed the session and role checks, and ran nothing.
  const probe = 'not an object';
  const cases = CHANNELS.flatMap((channel) => [...ROLES.map((role) => [channel, role] as const), [channel, null] as const]);
  it.each(cases)('%s as %s', async (channel, role) => {
    const roles: readonly Role[] | 'public' = contract[channel].roles;
    const res = await call(app, channel, probe, role ? w.tokens[role] : null);
    const expected = roles === 'public' || (role && roles.includes(role)) ? 'VALIDATION' : role ? 'FORBIDDEN' : 'UNAUTHENTICATED';
    expect(res.ok ? 'ok' : res.error.code).toBe(expected);
  });
});

describe('every channel: one audit event per change, none per read, and none per failed change', () => {
  // One world, built once and copied for each channel: every channel starts from the same state.
  const dir = tempDir();
  const template = join(dir.dir, 'world.sqlite');
  let built: World;
  beforeAll(async () => {
    const app = createTestApp();
    built = await buildWorld(app, await app.setup());
    app.snapshot(template);
    await app.close();
  });
  afterAll(() => dir.cleanup());

  it.each(CHANNELS)('%s', async (channel) => {
    const sample = SAMPLES[channel] as { input: (w: World) => unknown; prepare?: (a: TestApp, w: World) => Promise<void>; firstRun?: true };
    const app = createTestApp(sample.firstRun ? {} : { from: template });
    try {
      // Sessions live in memory, so the copy's administrator signs in again.
      const admin = sample.firstRun ? null : (await app.call('auth.signIn', { username: built.adminUsername, password: PASSWORD })).sessionToken;
      const w = admin ? { ...built, tokens: { ...built.tokens, ADMIN: admin } } : null;
      if (w) await sample.prepare?.(app, w);
      const input = w ? sample.input(w) : sample.input(null as never);
      const token = w?.tokens.ADMIN ?? null;
      const writes = contract[channel].writes;

      if (writes) {
        // The audit insert fails: the whole change rolls back, and no session or other state survives it.
        const before = digest(app);
        const sessions = app.core.sessions.size;
        app.core.sqlite.exec("CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
        const failed = await call(app, channel, input, token);
        app.core.sqlite.exec('DROP TRIGGER refuse_audit');
        expect(failed.ok ? 'ok' : failed.error.code).toBe('INTERNAL');
        expect(digest(app)).toBe(before);
        expect(app.core.sessions.size).toBe(sessions);
      }

      const events = auditCount(app);
      const before = digest(app);
      const res = await call(app, channel, input, token);
      expect(res.ok ? 'ok' : JSON.stringify(res.error)).toBe('ok');
      expect(auditCount(app) - events).toBe(writes ? 1 : 0);
      if (!writes) expect(digest(app)).toBe(before);
    } finally {
      await app.close();
    }
  });
});

describe('every channel that takes an id x another practice', () => {
  let app: TestApp;
  let mine: World;
  let theirs: World;
  beforeAll(async () => {
    app = createTestApp();
    mine = await buildWorld(app, await app.setup());
    theirs = await buildWorld(app, await app.addTenant('Other Practice'));
  });
  afterAll(() => app.close());

  const cases = CHANNELS.flatMap((channel) => {
    const sample = SAMPLES[channel] as { input: (w: World) => unknown };
    if ((SAMPLES[channel] as { firstRun?: true }).firstRun) return [];
    // Which fields carry ids, read off the sample with stand-in ids (World's id fields end in "Id").
    const standIn = new Proxy({}, { get: (_t, k) => (String(k).endsWith('Id') ? '00000000-0000-4000-8000-000000000000' : 'x') });
    return idPaths(sample.input(standIn as World)).map(
      (path) => [channel, path.join('.')] as const,
    );
  });
  it.each(cases)('%s with their %s', async (channel, field) => {
    const sample = SAMPLES[channel] as { input: (w: World) => unknown };
    const input = withValueAt(sample.input(mine), field.split('.'), sample.input(theirs));
    const before = digest(app);
    const res = await call(app, channel, input, mine.tokens.ADMIN);
    expect(res.ok ? 'ok' : res.error.code).toBe('NOT_FOUND');
    expect(digest(app)).toBe(before);
  });
});

describe('every write to a chart x an archived patient', () => {
  let app: TestApp;
  let w: World;
  let message: string;
  beforeAll(async () => {
    app = createTestApp();
    w = await buildWorld(app, await app.setup());
    const archived = await app.call('patients.archive', { id: w.patientId, version: 1 }, w.tokens.ADMIN);
    message = `${archived.firstName} ${archived.lastName} is archived, so their chart is read-only. An administrator can restore them.`;
  });
  afterAll(() => app.close());

  const chartWrites = CHANNELS.filter((c) => (SAMPLES[c] as { chart?: true }).chart);
  it('covers every channel that writes to a chart', () => {
    expect(chartWrites.every((c) => contract[c].writes)).toBe(true);
    expect(chartWrites.length).toBeGreaterThanOrEqual(7);
  });
  it.each(chartWrites)('%s is refused with the one archived-chart answer', async (channel) => {
    const sample = SAMPLES[channel] as { input: (w: World) => unknown };
    // Versions moved on when the patient was archived; the answer must not depend on them.
    const input = channel === 'patients.update' ? { ...(sample.input(w) as object), version: 2 } : sample.input(w);
    const before = digest(app);
    const res = await call(app, channel, input, w.tokens.ADMIN);
    expect(res.ok ? 'ok' : res.error).toEqual({ code: 'ARCHIVED', message });
    expect(digest(app)).toBe(before);
  });
});
