import { execFileSync } from 'node:child_process';

/** The e2e tests drive the built renderer, as browser mode serves it. */
export default function globalSetup() {
  if (process.env.CHAIRSIDE_SKIP_BUILD === '1') return;
  execFileSync('npm', ['run', 'build:renderer', '--silent'], { stdio: 'inherit' });
}
