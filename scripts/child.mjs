// Runs the one long-lived child of `npm start` / `npm run serve` as if it
// were this process: signals sent here reach the child, losing this
// process's parent stops it too, and this process ends when, and as, the
// child does, so stopping npm never leaves the server running.
import { spawn } from 'node:child_process';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function runInForeground(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of FORWARDED) process.on(signal, forward);
  // npm runs scripts through `sh -c`, and a SIGTERM to npm kills that shell
  // without passing it on: this process is orphaned instead of signalled.
  // Noticing the new parent is the portable way to hear about it.
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) forward('SIGTERM');
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
