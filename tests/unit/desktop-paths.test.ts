import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AppLike, desktopPaths, type NativeBuild } from '../../electron/core/desktop-paths';

const root = join(import.meta.dirname, '../..');
const native: NativeBuild = { electron: '45.3.4', betterSqlite3: '12.9.0', platform: 'linux', arch: 'x64' };

function fakeApp(isPackaged: boolean, appPath: string): AppLike {
  return {
    isPackaged,
    getAppPath: () => appPath,
    getPath: (name) => {
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
      return '/home/ann/.config/Chairside';
    },
  };
}

describe('desktop paths', () => {
  it('packaged: resources beside app.asar, the renderer inside it', () => {
    const paths = desktopPaths(fakeApp(true, '/opt/Chairside/resources/app.asar'), { resourcesPath: '/opt/Chairside/resources', dataDir: null, native });
    expect(paths).toEqual({
      migrationsDir: '/opt/Chairside/resources/migrations',
      rendererDir: '/opt/Chairside/resources/app.asar/out/renderer',
      preload: '/opt/Chairside/resources/app.asar/out/preload/index.cjs',
      nativeBinding: '/opt/Chairside/resources/native/better_sqlite3.node',
      dataDir: '/home/ann/.config/Chairside',
    });
  });

  it('from the source tree: everything under the app folder, the native build keyed by what its ABI depends on', () => {
    const paths = desktopPaths(fakeApp(false, '/src/chairside'), { resourcesPath: '/usr/lib/electron/resources', dataDir: '/tmp/practice', native });
    expect(paths).toEqual({
      migrationsDir: '/src/chairside/migrations',
      rendererDir: '/src/chairside/out/renderer',
      preload: '/src/chairside/out/preload/index.cjs',
      nativeBinding: '/src/chairside/build/native/electron-45.3.4-better-sqlite3-12.9.0-linux-x64/better_sqlite3.node',
      dataDir: '/tmp/practice',
    });
  });

  it('never finds a build made for another Electron or better-sqlite3', () => {
    const app = fakeApp(false, '/src/chairside');
    const at = (n: NativeBuild) => desktopPaths(app, { resourcesPath: '', dataDir: null, native: n }).nativeBinding;
    const builds = [native, { ...native, electron: '46.0.0' }, { ...native, betterSqlite3: '12.10.0' }, { ...native, arch: 'arm64' }, { ...native, platform: 'darwin' }];
    expect(new Set(builds.map(at)).size).toBe(builds.length);
  });

  it('looks exactly where scripts/build-electron-native.mjs puts its build', () => {
    const printed = execFileSync(process.execPath, [join(root, 'scripts/build-electron-native.mjs'), '--print-path'], { encoding: 'utf8' }).trim();
    const require = createRequire(join(root, 'package.json'));
    const installed: NativeBuild = {
      electron: (require('electron/package.json') as { version: string }).version,
      betterSqlite3: (require('better-sqlite3/package.json') as { version: string }).version,
      platform: process.platform,
      arch: process.arch,
    };
    expect(desktopPaths(fakeApp(false, root), { resourcesPath: '', dataDir: null, native: installed }).nativeBinding).toBe(printed);
  });
});
