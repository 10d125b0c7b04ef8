/**
 * Where the desktop app finds its parts, packaged or run from the source
 * tree. Pure: main.ts hands it Electron's `app` and `process.resourcesPath`,
 * so this file never imports 'electron' and tests can pass a fake app.
 */
import { join } from 'node:path';

/** The part of Electron's `app` this needs. */
export interface AppLike {
  isPackaged: boolean;
  getAppPath(): string;
  getPath(name: 'userData'): string;
}

export interface NativeBuild {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

export interface DesktopPaths {
  migrationsDir: string;
  /** The built renderer, served as app://chairside/. */
  rendererDir: string;
  preload: string;
  /** better-sqlite3 compiled for Electron's ABI (node_modules holds the Node build). */
  nativeBinding: string;
  dataDir: string;
}

export const NATIVE_FILE = 'better_sqlite3.node';

/**
 * The source tree's Electron build of better-sqlite3 lives in a folder named
 * after everything its ABI depends on, so after an upgrade of Electron or
 * better-sqlite3 the old build is simply never found (and a new one is made)
 * rather than loaded and crashing. scripts/build-electron-native.mjs writes
 * to the same name; a test keeps the two equal.
 */
export function nativeBuildDir(build: NativeBuild): string {
  return `electron-${build.electron}-better-sqlite3-${build.betterSqlite3}-${build.platform}-${build.arch}`;
}

export function desktopPaths(
  app: AppLike,
  options: { resourcesPath: string; dataDir: string | null; native: NativeBuild },
): DesktopPaths {
  const appPath = app.getAppPath();
  // Packaged, electron-builder's extraResources put these beside app.asar:
  // a native module cannot be loaded from inside the archive.
  const resources = app.isPackaged ? options.resourcesPath : appPath;
  return {
    migrationsDir: join(resources, 'migrations'),
    rendererDir: join(appPath, 'out', 'renderer'),
    preload: join(appPath, 'out', 'preload', 'index.cjs'),
    nativeBinding: app.isPackaged
      ? join(options.resourcesPath, 'native', NATIVE_FILE)
      : join(appPath, 'build', 'native', nativeBuildDir(options.native), NATIVE_FILE),
    dataDir: options.dataDir ?? app.getPath('userData'),
  };
}
