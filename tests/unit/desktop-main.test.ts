/**
 * main.ts under a fake Electron: the wiring the desktop app cannot be run
 * for here (no Electron runtime). The core and the demo seed are stand-ins
 * that record what main.ts asked of them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

type Handler = (...args: never[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    isPackaged: true,
    appPath: '',
    userData: '',
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, Handler>(),
    appEvents: new Map<string, Handler>(),
    windowOptions: undefined as undefined | { webPreferences: Record<string, unknown> },
    loadedUrl: undefined as string | undefined,
    headersHandler: undefined as undefined | Handler,
    errorBox: undefined as undefined | [string, string],
    exitCode: undefined as number | undefined,
    createCore: [] as { file: string; migrationsDir: string; nativeBinding?: string; now?: () => Date }[],
    seeded: [] as string[],
    dispatched: [] as unknown[][],
    /** What the core's change feed was given to call, and what windows were sent. */
    changeListeners: [] as ((version: number) => void)[],
    sent: [] as [string, string, unknown][],
    windows: [] as { url: string; destroyed: boolean }[],
    /** The order of shutdown steps: 'closeCore' and 'quit'. */
    shutdown: [] as string[],
    /** What the reminder job was started with, and the system notifications shown. */
    reminderJobs: [] as { onRaised?: (raised: { tenantId: string; message: string }[]) => void }[],
    notifications: [] as { title: string; body: string }[],
    saveDialogs: [] as string[],
    saveTo: undefined as string | undefined,
  };
  return state;
});

vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return fake.isPackaged;
    },
    getAppPath: () => fake.appPath,
    getPath: () => fake.userData,
    enableSandbox: () => undefined,
    requestSingleInstanceLock: () => true,
    quit: () => fake.shutdown.push('quit'),
    exit: (code: number) => {
      fake.exitCode = code;
    },
    whenReady: () => Promise.resolve(),
    on: (event: string, fn: Handler) => fake.appEvents.set(event, fn),
  },
  BrowserWindow: class {
    static fromWebContents(contents: unknown) {
      return contents ? { id: 1 } : null;
    }
    static getAllWindows() {
      return fake.windows.map((w) => ({
        isDestroyed: () => w.destroyed,
        webContents: { getURL: () => w.url, send: (channel: string, value: unknown) => fake.sent.push([w.url, channel, value]) },
      }));
    }
    constructor(options: { webPreferences: Record<string, unknown> }) {
      fake.windowOptions = options;
    }
    once() {}
    loadURL(url: string) {
      fake.loadedUrl = url;
      return Promise.resolve();
    }
  },
  dialog: {
    showErrorBox: (title: string, message: string) => {
      fake.errorBox = [title, message];
    },
    showSaveDialog: async (_win: unknown, options: { defaultPath: string }) => {
      fake.saveDialogs.push(options.defaultPath);
      return fake.saveTo ? { canceled: false, filePath: fake.saveTo } : { canceled: true };
    },
  },
  Menu: { setApplicationMenu: () => undefined },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.schemes.push(...schemes),
    handle: (scheme: string, fn: (request: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, fn),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      webRequest: {
        onHeadersReceived: (fn: Handler) => {
          fake.headersHandler = fn;
        },
      },
    },
  },
  ipcMain: { handle: (channel: string, fn: Handler) => fake.ipcHandlers.set(channel, fn) },
  Notification: class {
    static isSupported() {
      return true;
    }
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      fake.notifications.push(this.options);
    }
  },
}));
vi.mock('../../electron/core/lab-cases/reminders', () => ({
  startReminderJob: (_core: unknown, options: (typeof fake.reminderJobs)[number]) => {
    fake.reminderJobs.push(options);
    return () => undefined;
  },
}));

vi.mock('../../electron/core/create-core', () => ({
  createCore: (options: (typeof fake.createCore)[number]) => {
    fake.createCore.push(options);
    return {
      fake: 'core',
      changes: {
        subscribe: (listener: (version: number) => void) => {
          fake.changeListeners.push(listener);
          return () => undefined;
        },
      },
    };
  },
  closeCore: async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
    fake.shutdown.push('closeCore');
  },
}));
vi.mock('../../electron/core/demo/demo.seed', () => ({
  seedDemo: async (_core: unknown, workstation: string) => {
    fake.seeded.push(workstation);
    return { practiceName: 'Maple Street Dental', users: [{ username: 'admin' }], password: 'chairside-demo' };
  },
}));
vi.mock('../../electron/core/handlers', () => ({
  dispatch: async (...args: unknown[]) => {
    fake.dispatched.push(args);
    return { ok: true, data: 'dispatched' };
  },
}));

let dir: string;
const argv = process.argv;

function reset() {
  Object.assign(fake, { windowOptions: undefined, loadedUrl: undefined, errorBox: undefined, exitCode: undefined, headersHandler: undefined });
  for (const list of [fake.schemes, fake.createCore, fake.seeded, fake.dispatched, fake.shutdown, fake.changeListeners, fake.sent, fake.windows, fake.reminderJobs, fake.notifications, fake.saveDialogs]) list.length = 0;
  for (const map of [fake.protocolHandlers, fake.ipcHandlers, fake.appEvents]) map.clear();
}

/** Imports main.ts afresh, as Electron would start it with these arguments, and waits until it has started or given up. */
async function launch(args: string[], env: Record<string, string> = {}) {
  reset();
  vi.resetModules();
  process.argv = ['/opt/Chairside/chairside', ...args];
  vi.unstubAllEnvs();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  await import('../../electron/main');
  await vi.waitFor(() => expect(fake.loadedUrl ?? fake.exitCode).toBeDefined());
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chairside-main-'));
  // A packaged layout: resources/ with app.asar's contents, migrations and the native build beside it.
  const resources = join(dir, 'resources');
  const renderer = join(resources, 'app.asar', 'out', 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  mkdirSync(join(resources, 'native'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Chairside</title>');
  writeFileSync(join(renderer, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(resources, 'secret.txt'), 'not for the page');
  writeFileSync(join(resources, 'native', 'better_sqlite3.node'), '');
  fake.appPath = join(resources, 'app.asar');
  fake.userData = join(dir, 'userData');
  Object.assign(process, { resourcesPath: resources });
  Object.defineProperty(process.versions, 'electron', { value: '45.3.4', configurable: true });
});
afterAll(() => {
  process.argv = argv;
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
  Reflect.deleteProperty(process.versions, 'electron');
});
beforeEach(() => {
  fake.isPackaged = true;
});

describe('main.ts (desktop entry) under a fake Electron', () => {
  it('registers app:// as a privileged scheme and loads the page from it, with a locked-down window', async () => {
    await launch([]);
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.loadedUrl).toBe('app://chairside/index.html');
    expect(fake.windowOptions?.webPreferences).toMatchObject({
      preload: join(fake.appPath, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      spellcheck: false,
    });
    expect(fake.createCore).toEqual([
      {
        file: join(fake.userData, 'chairside.sqlite'),
        migrationsDir: join(dir, 'resources', 'migrations'),
        nativeBinding: join(dir, 'resources', 'native', 'better_sqlite3.node'),
        now: expect.any(Function),
      },
    ]);
    expect(fake.seeded).toEqual([]);
  });

  it('serves the renderer over app:// with the CSP, and nothing outside it', async () => {
    await launch([]);
    const handle = fake.protocolHandlers.get('app')!;
    const index = await handle(new Request('app://chairside/index.html'));
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Chairside</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handle(new Request('app://chairside/assets/index.js'))).headers.get('content-type')).toContain('javascript');
    for (const url of ['app://chairside/%2e%2e/%2e%2e/secret.txt', 'app://chairside/..%2f..%2fsecret.txt', 'app://other/index.html', 'app://chairside/missing.js']) {
      const res = await handle(new Request(url));
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await handle(new Request('app://chairside/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
  });

  it('honours --data-dir, --demo, --workstation and CHAIRSIDE_NOW, among Chromium switches', async () => {
    await launch(['--no-sandbox', '--data-dir', join(dir, 'practice'), '--demo', '--workstation', 'Chair 2'], { CHAIRSIDE_NOW: '2026-03-14T09:30:00Z' });
    expect(fake.createCore[0]?.file).toBe(join(dir, 'practice', 'chairside.sqlite'));
    expect(fake.createCore[0]?.now?.().toISOString().slice(0, 16)).toBe('2026-03-14T09:30');
    expect(fake.seeded).toEqual(['Chair 2']);
  });

  it('lets only its own page call the core', async () => {
    await launch(['--workstation', 'Front desk']);
    const invoke = fake.ipcHandlers.get('chairside:invoke')! as unknown as (event: unknown, ...args: unknown[]) => Promise<unknown>;
    const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
    for (const event of [frame('file:///opt/Chairside/resources/app.asar/out/renderer/index.html'), frame('https://evil.example/'), frame('app://chairside/index.html', {}), { senderFrame: null }]) {
      expect(await invoke(event, 'session.state', {}, null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(fake.dispatched).toEqual([]);
    expect(await invoke(frame('app://chairside/index.html#/patients'), 'session.state', {}, 'token')).toEqual({ ok: true, data: 'dispatched' });
    expect(fake.dispatched).toEqual([[expect.objectContaining({ fake: 'core' }), 'session.state', {}, { sessionToken: 'token', workstation: 'Front desk' }]]);
  });

  it('tells its own windows, and only those, that data changed', async () => {
    await launch([]);
    fake.windows.push({ url: 'app://chairside/index.html#/today', destroyed: false }, { url: 'https://evil.example/', destroyed: false }, { url: 'app://chairside/index.html', destroyed: true });
    expect(fake.changeListeners).toHaveLength(1);
    fake.changeListeners[0]!(7);
    expect(fake.sent).toEqual([['app://chairside/index.html#/today', 'chairside:changed', 7]]);
  });

  it('runs the lab reminder job and shows what it raises as one system notification', async () => {
    await launch([]);
    expect(fake.reminderJobs).toHaveLength(1);
    const onRaised = fake.reminderJobs[0]!.onRaised!;
    onRaised([{ tenantId: 't', message: 'Crown on 3 for Tanaka, Maya is 2 days overdue at Northside Dental Lab.' }]);
    onRaised([
      { tenantId: 't', message: 'a' },
      { tenantId: 't', message: 'b' },
    ]);
    expect(fake.notifications).toEqual([
      { title: 'Chairside: lab work', body: 'Crown on 3 for Tanaka, Maya is 2 days overdue at Northside Dental Lab.' },
      { title: 'Chairside: lab work', body: "2 lab cases need attention. Open Chairside's lab board to see them." },
    ]);
  });

  it('prints its own page to a PDF where the user picks, and nothing for another page', async () => {
    await launch([]);
    const print = fake.ipcHandlers.get('chairside:printToPdf')! as unknown as (event: unknown, name: unknown) => Promise<string | null>;
    let printed = 0;
    const sender = { printToPDF: async () => ((printed += 1), Buffer.from('%PDF-1.7 slip')) };
    const event = (url: string) => ({ senderFrame: { url, parent: null }, sender });
    expect(await print(event('https://evil.example/'), 'slip')).toBeNull();
    expect(printed).toBe(0);
    fake.saveTo = join(dir, 'slip.pdf');
    expect(await print(event('app://chairside/index.html#/lab-cases/x/slip'), 'lab-slip 1042/3')).toBe(fake.saveTo);
    expect(fake.saveDialogs).toEqual(['lab-slip 1042-3.pdf']);
    expect(readFileSync(fake.saveTo, 'utf8')).toBe('%PDF-1.7 slip');
    fake.saveTo = undefined;
    expect(await print(event('app://chairside/index.html'), 'again')).toBeNull();
  });

  it('keeps navigation on its own page', async () => {
    await launch([]);
    const handlers = new Map<string, Handler>();
    const contents = { on: (event: string, fn: Handler) => handlers.set(event, fn), setWindowOpenHandler: (fn: Handler) => handlers.set('open', fn) };
    (fake.appEvents.get('web-contents-created') as unknown as (e: unknown, c: unknown) => void)({}, contents);
    const navigate = handlers.get('will-navigate') as unknown as (e: { preventDefault(): void }, url: string) => void;
    const attempt = (url: string) => {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      navigate(event, url);
      return event.prevented;
    };
    expect(attempt('https://evil.example/')).toBe(true);
    expect(attempt('file:///etc/passwd')).toBe(true);
    expect(attempt('app://chairside/index.html#/visits/1')).toBe(false);
    expect((handlers.get('open') as unknown as () => unknown)()).toEqual({ action: 'deny' });
  });

  it('refuses bad launch options and a missing Electron build of better-sqlite3 in one clear message', async () => {
    await launch(['--port', '5170']);
    expect(fake.exitCode).toBe(1);
    expect(fake.errorBox).toEqual(['Chairside could not start', '--port is for browser mode (npm run serve); the desktop app listens on no port.']);

    await launch([], { CHAIRSIDE_NOW: 'yesterday' });
    expect(fake.errorBox?.[1]).toMatch(/^CHAIRSIDE_NOW must be an ISO-8601 instant/);

    fake.isPackaged = false;
    await launch(['.']);
    expect(fake.exitCode).toBe(1);
    expect(fake.errorBox?.[1]).toMatch(/^better-sqlite3 has not been built for Electron 45\.3\.4 \(.*build\/native\/electron-45\.3\.4-better-sqlite3-[\d.]+-.*better_sqlite3\.node\)\. Start with npm start/);
    expect(fake.createCore).toEqual([]);
  });

  it('quits only after the database has closed', async () => {
    await launch([]);
    let prevented = 0;
    fake.appEvents.get('will-quit')!({ preventDefault: () => prevented++ } as never);
    expect(prevented).toBe(1);
    await vi.waitFor(() => expect(fake.shutdown).toEqual(['closeCore', 'quit']));
    // The second will-quit (from that quit) lets the app go.
    fake.appEvents.get('will-quit')!({ preventDefault: () => prevented++ } as never);
    expect(prevented).toBe(1);
  });
});
