/**
 * Desktop entry: one locked-down window, the database owned by this process,
 * and the ipc bridge. Everything that is not window, menu or bridge lives in
 * electron/core so browser mode runs the very same code.
 */
import { app, BrowserWindow, dialog, Menu, Notification, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { APP_HOST, APP_INDEX_URL, APP_SCHEME, isAppUrl } from './core/app-url';
import type { Core } from './core/context';
import { closeCore, createCore } from './core/create-core';
import { type RaisedReminder, startReminderJob } from './core/lab-cases/reminders';
import { desktopPaths, type DesktopPaths } from './core/desktop-paths';
import { parseDesktopLaunch, seedDemoIfAsked } from './core/launch';
import { DATABASE_FILE } from './core/paths';
import { readStaticFile } from './core/static-files';
import { broadcastChanges, registerIpc } from './ipc';

// Must happen before ready. `standard` gives app://chairside/ a real origin
// (relative URLs, 'self' in the CSP); `secure` makes it a secure context.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function resolvePaths(dataDir: string | null): DesktopPaths {
  const paths = desktopPaths(app, {
    resourcesPath: process.resourcesPath,
    dataDir,
    native: {
      electron: process.versions.electron,
      betterSqlite3: (createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string }).version,
      platform: process.platform,
      arch: process.arch,
    },
  });
  // The Node build in node_modules would load and then crash on Electron's ABI; say so instead.
  if (!existsSync(paths.nativeBinding)) {
    throw new Error(
      app.isPackaged
        ? `This installation is incomplete: ${paths.nativeBinding} is missing. Reinstall Chairside.`
        : `better-sqlite3 has not been built for Electron ${process.versions.electron} (${paths.nativeBinding}). Start with npm start, which builds it.`,
    );
  }
  return paths;
}

function responseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}

/** app://chairside/… answers with the built renderer's files and nothing else. */
function serveRenderer(rendererDir: string) {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const readable = url.host === APP_HOST && (request.method === 'GET' || request.method === 'HEAD');
    const file = readable ? await readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: responseHeaders('text/plain; charset=utf-8') });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers: responseHeaders(file.contentType) });
  });
}

function createWindow(preload: string): BrowserWindow {
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
      // The spellchecker downloads its dictionaries; Chairside never goes online.
      spellcheck: false,
      // Middle-click would open links in a new window; nothing here needs it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}

function lockDown() {
  // Nothing in Chairside needs the camera, notifications from the web, etc.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // The app:// handler sets the policy itself; this covers any other response the session might get.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Chairside never opens a second window or a web page.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** New lab notices as system notifications: several at once become one, so a morning start does not flood the screen. */
function notifyReminders(raised: RaisedReminder[]): void {
  if (!Notification.isSupported()) return;
  const body = raised.length === 1 ? raised[0]!.message : `${raised.length} lab cases need attention. Open Chairside's lab board to see them.`;
  new Notification({ title: 'Chairside: lab work', body }).show();
}

async function start(): Promise<Core> {
  // Electron's own path, the app's folder and Chromium's switches ride along in argv; launch.ts tolerates them.
  const launch = parseDesktopLaunch(process.argv.slice(1));
  const paths = resolvePaths(launch.dataDir);
  lockDown();
  serveRenderer(paths.rendererDir);
  Menu.setApplicationMenu(null);
  const core = createCore({
    file: join(paths.dataDir, DATABASE_FILE),
    migrationsDir: paths.migrationsDir,
    nativeBinding: paths.nativeBinding,
    now: launch.now,
  });
  try {
    const demo = await seedDemoIfAsked(core, launch);
    if (demo) console.log(demo);
  } catch (err) {
    await closeCore(core);
    throw err;
  }
  registerIpc(core, { workstation: launch.workstation, isAppUrl });
  broadcastChanges(core, isAppUrl);
  startReminderJob(core, { onRaised: notifyReminders });
  const win = createWindow(paths.preload);
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  return core;
}

let core: Core | null = null;

app.enableSandbox();
// A second launch hands over to the running window; it must not open the database.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();

app
  .whenReady()
  .then(async () => {
    if (firstInstance) core = await start();
  })
  .catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    console.error('Chairside could not start:', message);
    // Started from a desktop icon there is no terminal to read the line above.
    dialog.showErrorBox('Chairside could not start', message);
    app.exit(1);
  });

app.on('window-all-closed', () => app.quit());
// Quit only once the database is closed: its last writes are checkpointed and the worker threads stopped.
app.on('will-quit', (event) => {
  if (!core) return;
  const closing = core;
  core = null;
  event.preventDefault();
  void closeCore(closing).finally(() => app.quit());
});
