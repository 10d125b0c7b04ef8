import { execFileSync } from 'node:child_process';

/**
 * The e2e tests drive the built renderer, as browser mode serves it: built
 * here only when out/renderer is stale, and not at all when npm test has
 * just built it (CHAIRSIDE_SKIP_BUILD=1).
 */
export default function globalSetup() {
  if (process.env.CHAIRSIDE_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build-renderer.mjs'], { stdio: 'inherit' });
}
