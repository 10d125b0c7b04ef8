import { fileURLToPath } from 'node:url';

/**
 * True only for the app's own page: a file: URL that resolves to exactly the
 * renderer's index.html. Used for navigation and for the ipc sender check, so
 * a redirect, another local file or an http page never counts as the app.
 */
export function isAppUrl(raw: string, rendererIndex: string): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return false;
    return fileURLToPath(url) === rendererIndex;
  } catch {
    return false;
  }
}
