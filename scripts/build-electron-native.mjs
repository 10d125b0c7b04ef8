#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI, leaving the Node build in
// node_modules untouched (tests and browser mode need that one); main.ts
// passes the result to better-sqlite3 as `nativeBinding`.
//
//   node scripts/build-electron-native.mjs              build into the cache, unless already there
//   node scripts/build-electron-native.mjs --quiet      the same, compiler output to a log file (npm start)
//   node scripts/build-electron-native.mjs --package    and stage it for electron-builder (npm run dist)
//   node scripts/build-electron-native.mjs --print-path where the cached build lives
//
// The cache folder, build/native/electron-<v>-better-sqlite3-<v>-<platform>-<arch>/,
// is named after everything the ABI depends on, so a stale build is never
// loaded; electron/core/desktop-paths.ts computes the same name (a unit test
// keeps them equal). Needs Electron's headers, downloaded once by node-gyp
// into its cache, and a C++ toolchain.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const NATIVE_FILE = 'better_sqlite3.node';

export function nativeBuild() {
  return {
    electron: require('electron/package.json').version,
    betterSqlite3: require('better-sqlite3/package.json').version,
    platform: process.platform,
    arch: process.arch,
  };
}

export function nativeBuildDir(b) {
  return `electron-${b.electron}-better-sqlite3-${b.betterSqlite3}-${b.platform}-${b.arch}`;
}

export function cachedNativePath(build = nativeBuild()) {
  return join(root, 'build', 'native', nativeBuildDir(build), NATIVE_FILE);
}

/** electron-builder ships this folder as resources/native (see electron-builder.yml). */
export const PACKAGE_DIR = join(root, 'build', 'native', 'package');

/**
 * npm exports its config to scripts as npm_config_*, and node-gyp obeys
 * them: a `nodedir` (this machine's ~/.npmrc points it at Node's headers for
 * offline installs) would silently build against Node instead of Electron,
 * and `npm start --silent` would leave the build log empty.
 */
function gypEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|loglevel)$/i.test(key)) delete env[key];
  }
  return env;
}

/** The project's node-gyp, else the one npm bundles; run by path, since `npx` would re-export npm's config. */
function nodeGyp() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const bundled = process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (bundled && existsSync(bundled)) return bundled;
    throw new Error('Could not build better-sqlite3 for Electron: node-gyp is not installed (run npm ci).');
  }
}

function whyItFailed(log) {
  if (/network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|40[34] status code/i.test(log)) {
    return "Electron's headers could not be downloaded from electronjs.org (offline?)";
  }
  if (/Could not find any Python|not found: make|g\+\+: (command )?not found|cc1plus/i.test(log)) return 'a C++ toolchain (python3, make, g++) is missing';
  return 'node-gyp failed';
}

/**
 * Builds into the cache unless the file is already there. Returns the path,
 * or throws an Error whose message is one line saying what went wrong.
 */
export function ensureElectronNative({ quiet = false } = {}) {
  const build = nativeBuild();
  const target = cachedNativePath(build);
  if (existsSync(target)) return { path: target, built: false };

  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const gyp = nodeGyp();
  const work = mkdtempSync(join(tmpdir(), 'chairside-native-'));
  const logFile = `${dirname(target)}.log`;
  mkdirSync(dirname(logFile), { recursive: true });
  try {
    // Its own build/ holds the Node build; everything else is the source.
    cpSync(source, work, { recursive: true, filter: (p) => relative(source, p).split(sep)[0] !== 'build' });
    console.log(`Building better-sqlite3 ${build.betterSqlite3} for Electron ${build.electron} (once per version)…`);
    const r = spawnSync(
      process.execPath,
      [gyp, 'rebuild', '--release', `--target=${build.electron}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers', `--arch=${build.arch}`],
      { cwd: work, env: gypEnv(), stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (quiet) writeFileSync(logFile, `${r.stdout ?? ''}${r.stderr ?? ''}`);
    if (r.status !== 0) {
      const reason = r.error ? r.error.message : whyItFailed(`${r.stdout ?? ''}${r.stderr ?? ''}`);
      const log = quiet ? ` Log: ${relative(process.cwd(), logFile)}.` : '';
      throw new Error(`Could not build better-sqlite3 for Electron ${build.electron}: ${reason}.${log}`);
    }
    // Rename into place, so an interrupted build never leaves a file that looks finished.
    mkdirSync(dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    cpSync(join(work, 'build', 'Release', NATIVE_FILE), partial);
    renameSync(partial, target);
    if (!quiet) console.log(`better-sqlite3 built for Electron ${build.electron} -> ${relative(root, target)}`);
    return { path: target, built: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The one file electron-builder ships, and nothing left over from other versions. */
export function stageForPackaging(file) {
  rmSync(PACKAGE_DIR, { recursive: true, force: true });
  mkdirSync(PACKAGE_DIR, { recursive: true });
  cpSync(file, join(PACKAGE_DIR, NATIVE_FILE));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const flags = new Set(process.argv.slice(2));
  if (flags.has('--print-path')) {
    console.log(cachedNativePath());
  } else {
    try {
      const { path } = ensureElectronNative({ quiet: flags.has('--quiet') });
      if (flags.has('--package')) {
        stageForPackaging(path);
        console.log(`Staged ${relative(root, path)} for packaging as resources/native/${NATIVE_FILE}`);
      }
    } catch (err) {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    }
  }
}
