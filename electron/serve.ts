/**
 * Browser mode: `npm run serve -- [--data-dir DIR] [--port PORT] [--demo] [--workstation NAME]`
 * (and CHAIRSIDE_NOW, see core/launch.ts). Runs the same core as the desktop
 * app and prints one line with the address to open.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCore, createCore } from './core/create-core';
import { startReminderJob } from './core/lab-cases/reminders';
import { DatabaseFromFutureError, MigrationEditedError } from './core/db/migrator';
import { parseBrowserLaunch, seedDemoIfAsked } from './core/launch';
import { DATABASE_FILE, defaultDataDir } from './core/paths';
import { createHost, listen } from './host';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

async function main() {
  const launch = parseBrowserLaunch(process.argv.slice(2));
  const dataDir = launch.dataDir ?? defaultDataDir();
  if (launch.clockStart) console.log(`CHAIRSIDE_NOW: the clock starts at ${launch.clockStart.toISOString()}.`);

  const core = createCore({ file: join(dataDir, DATABASE_FILE), migrationsDir: join(repoRoot, 'migrations'), now: launch.now });
  const demo = await seedDemoIfAsked(core, launch);
  if (demo) console.log(demo);
  // Browser mode has no system notifications: the app's notice list shows what the job raises.
  startReminderJob(core);
  const token = process.env.CHAIRSIDE_TOKEN || randomBytes(24).toString('base64url');
  const server = createHost({ core, token, staticDir: join(repoRoot, 'out', 'renderer'), workstation: launch.workstation });
  const actual = await listen(server, launch.port);
  console.log(`Chairside is running at http://127.0.0.1:${actual}/?token=${token}`);

  // Ctrl+C reaches this process twice (from the terminal and forwarded by
  // npm start), so stopping must be idempotent, not "once".
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void closeCore(core).then(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
}

main().catch((err: unknown) => {
  if (err instanceof DatabaseFromFutureError || err instanceof MigrationEditedError) console.error(err.message);
  else console.error('Chairside could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
