/**
 * Desktop entry: one locked-down window, the database owned by this process,
 * and the ipc bridge. Everything that is not window, menu or bridge lives in
 * electron/core so browser mode runs the very same code.
 */
import { app, BrowserWindow, Menu, session } from 'electron';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAppUrl } from './core/app-url';
import { closeCore, createCore } from './core/create-core';
import type { Core } from './core/context';
import { DATABASE_FILE } from './core/paths';
import { registerIpc } from './ipc';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const preload = join(here, '../preload/index.cjs');

function resourcePath(...parts: string[]): string {
  return app.isPackaged ? join(process.resourcesPath, ...parts) : join(app.getAppPath(), ...parts);
}

/** `--data-dir DIR` or `--data-dir=DIR`, as browser mode takes it. */
function dataDir(): string {
  const argv = process.argv;
  const i = argv.indexOf('--data-dir');
  if (i >= 0 && argv[i + 1]) return argv[i + 1]!;
  const flag = argv.find((a) => a.startsWith('--data-dir='));
  return flag ? flag.slice('--data-dir='.length) : app.getPath('userData');
}

/** The Electron-ABI build of better-sqlite3, made at packaging time (see STYLE.md). */
function nativeBinding(): string | undefined {
  const file = resourcePath('native', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

const isOurPage = (url: string) => isAppUrl(url, rendererIndex);

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Chairside',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
      // Middle-click would open links in a new window; nothing here needs it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);
  return win;
}

function lockDown() {
  // Nothing in Chairside needs the camera, notifications from the web, etc.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOurPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Chairside never opens a second window or a web page.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

let core: Core | null = null;

app.enableSandbox();
// A second launch hands over to the running window; it must not open the database.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();

app.whenReady().then(() => {
  if (!firstInstance) return;
  lockDown();
  Menu.setApplicationMenu(null);
  core = createCore({
    file: join(dataDir(), DATABASE_FILE),
    migrationsDir: resourcePath('migrations'),
    nativeBinding: nativeBinding(),
  });
  registerIpc(core, { workstation: hostname(), isAppUrl: isOurPage });
  const win = createWindow();
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
}).catch((err: unknown) => {
  console.error('Chairside could not start:', err);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  if (core) void closeCore(core);
});
