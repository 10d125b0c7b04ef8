/**
 * What a launch asks for, read the same way by both entry points: the
 * desktop app (main.ts) and browser mode (serve.ts).
 *
 *   --data-dir DIR      the folder holding chairside.sqlite
 *   --demo              fill an empty database with the demo practice
 *   --workstation NAME  the name audit events record for this launch
 *   --port PORT         browser mode only; 0 picks a free port
 *   CHAIRSIDE_NOW       an ISO-8601 instant the clock starts from
 *
 * Plain Node: main.ts hands it process.argv, so it never needs 'electron'.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Core } from './context';
import { seedDemo } from './demo/demo.seed';

type LaunchMode = 'desktop' | 'browser';

export interface LaunchOptions {
  /** Absolute; null means the platform's per-user folder for Chairside. */
  dataDir: string | null;
  demo: boolean;
  workstation: string;
  /** The core's one clock. */
  now: () => Date;
  /** The instant CHAIRSIDE_NOW named, when it named one. */
  clockStart: Date | null;
}

export interface BrowserLaunchOptions extends LaunchOptions {
  /** 0 picks a free port. */
  port: number;
}

export const DEFAULT_PORT = 5170;

const OPTIONS = {
  'data-dir': { type: 'string' },
  demo: { type: 'boolean' },
  workstation: { type: 'string' },
  port: { type: 'string' },
} as const;
type Known = keyof typeof OPTIONS;

function isKnown(name: string): name is Known {
  return Object.hasOwn(OPTIONS, name);
}

/**
 * Reads the flags. Browser mode is strict: an unknown flag or a stray
 * argument is a typo worth refusing. The desktop app tolerates both, since
 * Electron and Chromium put their own switches and the app's path in
 * process.argv; its own flags are checked as strictly in both modes.
 */
function readFlags(argv: readonly string[], mode: LaunchMode): Partial<Record<Known, string | boolean>> {
  // Parsed leniently and checked here, so both modes word their refusals alike.
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const usage = 'Chairside takes --data-dir DIR, --port PORT, --demo and --workstation NAME.';
  const values: Partial<Record<Known, string | boolean>> = {};
  for (const token of tokens) {
    if (token.kind === 'positional' && mode === 'browser') throw new Error(`Unexpected argument '${token.value}'. ${usage}`);
    if (token.kind !== 'option') continue;
    if (!isKnown(token.name)) {
      if (mode === 'browser') throw new Error(`Unknown option '${token.rawName}'. ${usage}`);
      continue;
    }
    const flag = `--${token.name}`;
    if (OPTIONS[token.name].type === 'boolean') {
      if (token.value !== undefined) throw new Error(`${flag} takes no value.`);
      values[token.name] = true;
      continue;
    }
    // Unchecked, `--data-dir --demo` would quietly name a folder "--demo".
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      throw new Error(`${flag} needs a value (to give one that starts with a dash, write ${flag}=VALUE).`);
    }
    values[token.name] = token.value;
  }
  return values;
}

function readPort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new Error(`--port must be a port number from 0 to 65535 (0 picks a free one), not "${raw}".`);
  return port;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO-8601 instant: date, time and a zone (Z or ±hh:mm), so it means the
 * same moment on every computer. Impossible dates (February 30, hour 24)
 * are refused rather than rolled over.
 */
export function parseInstant(raw: string): Date | null {
  const m = INSTANT.exec(raw);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const ms = Math.floor(Number(m[7] ?? '0') * 1000);
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  wall.setUTCFullYear(y); // Date.UTC maps years 0-99 to 1900-1999
  if (wall.getUTCFullYear() !== y || wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d || wall.getUTCHours() !== h || wall.getUTCMinutes() !== mi || wall.getUTCSeconds() !== s) {
    return null;
  }
  if (m[8] === 'Z') return wall;
  const [offH, offM] = [Number(m[10]), Number(m[11])];
  if (offH > 23 || offM > 59) return null;
  const offset = (m[9] === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
  return new Date(wall.getTime() - offset);
}

/**
 * The core's clock. With CHAIRSIDE_NOW it starts at that instant and then
 * runs in real time, so a test can stand on a chosen day (an overdue lab
 * case, a lock date) while timestamps still move forward.
 */
export function launchClock(env: NodeJS.ProcessEnv, realNow: () => number = Date.now): { now: () => Date; clockStart: Date | null } {
  const raw = env.CHAIRSIDE_NOW;
  if (raw === undefined || raw === '') return { now: () => new Date(realNow()), clockStart: null };
  const start = parseInstant(raw);
  if (!start) throw new Error(`CHAIRSIDE_NOW must be an ISO-8601 instant with a time zone, such as 2026-03-14T09:30:00Z, not "${raw}".`);
  const launchedAt = realNow();
  return { now: () => new Date(start.getTime() + (realNow() - launchedAt)), clockStart: start };
}

function common(mode: LaunchMode, flags: Partial<Record<Known, string | boolean>>, env: NodeJS.ProcessEnv, realNow: () => number): LaunchOptions {
  const dataDir = flags['data-dir'] as string | undefined;
  if (dataDir !== undefined && dataDir.trim() === '') throw new Error('--data-dir needs a folder.');
  const workstation = flags.workstation as string | undefined;
  if (workstation !== undefined && workstation.trim() === '') throw new Error('--workstation needs a name.');
  return {
    dataDir: dataDir === undefined ? null : resolve(dataDir),
    demo: flags.demo === true,
    workstation: workstation?.trim() ?? (mode === 'browser' ? `${hostname()} (browser)` : hostname()),
    ...launchClock(env, realNow),
  };
}

/** Browser mode's launch (`npm run serve -- …`); throws an Error whose message says what is wrong. */
export function parseBrowserLaunch(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, realNow: () => number = Date.now): BrowserLaunchOptions {
  const flags = readFlags(argv, 'browser');
  return { ...common('browser', flags, env, realNow), port: readPort(flags.port as string | undefined) };
}

/** The desktop app's launch, from process.argv as Electron passes it; throws like parseBrowserLaunch. */
export function parseDesktopLaunch(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, realNow: () => number = Date.now): LaunchOptions {
  const flags = readFlags(argv, 'desktop');
  if (flags.port !== undefined) throw new Error('--port is for browser mode (npm run serve); the desktop app listens on no port.');
  return common('desktop', flags, env, realNow);
}

/** `--demo`: seeds an empty database and says what happened, in one line. */
export async function seedDemoIfAsked(core: Core, launch: Pick<LaunchOptions, 'demo' | 'workstation'>): Promise<string | null> {
  if (!launch.demo) return null;
  const demo = await seedDemo(core, launch.workstation);
  if (!demo) return 'The database already has a practice; --demo left it as it was.';
  return `Demo practice "${demo.practiceName}" created. Sign in as ${demo.users.map((u) => u.username).join(', ')} — password "${demo.password}".`;
}
