import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the practice's data lives when no --data-dir is given: the same
 * folder Electron's app.getPath('userData') uses for "Chairside", so the
 * desktop app and browser mode open the same file.
 */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Chairside');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Chairside');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Chairside');
}

export const DATABASE_FILE = 'chairside.sqlite';
