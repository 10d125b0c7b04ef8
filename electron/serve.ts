/**
 * Browser mode: `npm run serve -- [--data-dir DIR] [--port PORT] [--demo] [--workstation NAME]`.
 * Runs the same core as the desktop app and prints one line with the address to open.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closeCore, createCore } from './core/create-core';
import { seedDemo } from './core/demo/demo.seed';
import { DatabaseFromFutureError, MigrationEditedError } from './core/db/migrator';
import { DATABASE_FILE, defaultDataDir } from './core/paths';
import { createHost, listen } from './host';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '5170' },
      demo: { type: 'boolean', default: false },
      workstation: { type: 'string' },
    },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);
  const workstation = values.workstation ?? `${hostname()} (browser)`;

  const core = createCore({ file: join(dataDir, DATABASE_FILE), migrationsDir: join(repoRoot, 'migrations') });
  if (values.demo) {
    const demo = await seedDemo(core, workstation);
    if (demo) {
      console.log(`Demo practice "${demo.practiceName}" created. Sign in as ${demo.users.map((u) => u.username).join(', ')} — password "${demo.password}".`);
    } else {
      console.log('The database already has a practice; --demo left it as it was.');
    }
  }
  const token = process.env.CHAIRSIDE_TOKEN || randomBytes(24).toString('base64url');
  const server = createHost({ core, token, staticDir: join(repoRoot, 'out', 'renderer'), workstation });
  const actual = await listen(server, port);
  console.log(`Chairside is running at http://127.0.0.1:${actual}/?token=${token}`);

  const stop = () => {
    server.close();
    server.closeAllConnections();
    void closeCore(core).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof DatabaseFromFutureError || err instanceof MigrationEditedError) console.error(err.message);
  else console.error('Chairside could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
