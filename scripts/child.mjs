// Runs the one long-lived child of `npm start` / `npm run serve` as if it
// were this process: signals sent here reach the child, losing this
// process's parent stops it too, and this process ends when, and as, the
// child does, so stopping npm never leaves the server running.
//
// Run directly, `node scripts/child.mjs COMMAND [ARGS...]` does the same for
// any command (the e2e fixture starts each test's server this way, so a
// server never outlives the test worker that started it).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

// The parent this process was started by, read as this module loads: the
// launchers install and build synchronously before they start the child,
// and a parent lost meanwhile (npm stopped during a long build) must still
// count as lost. Read later, the new parent would look like the original.
const startedBy = process.ppid;

export function runInForeground(command, args, options = {}) {
  if (process.ppid !== startedBy) {
    console.error(`Not starting ${command}: whoever started this has stopped meanwhile.`);
    process.exit(1);
  }
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of FORWARDED) process.on(signal, forward);
  // npm runs scripts through `sh -c`, and a SIGTERM to npm kills that shell
  // without passing it on: this process is orphaned instead of signalled.
  // Noticing the new parent is the portable way to hear about it.
  const watch = setInterval(() => {
    if (process.ppid !== startedBy) forward('SIGTERM');
  }, 250);
  child.once('error', (err) => {
    console.error(`Could not start ${command}: ${err.message}`);
    process.exit(1);
  });
  child.once('exit', (code, signal) => {
    clearInterval(watch);
    if (signal) {
      // End the same way, so whoever started us sees how the child ended.
      for (const s of FORWARDED) process.removeListener(s, forward);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
  return child;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('Usage: node scripts/child.mjs COMMAND [ARGS...]');
    process.exit(2);
  }
  runInForeground(command, args);
}
