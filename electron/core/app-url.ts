/**
 * The desktop app serves its renderer from its own scheme, app://chairside/,
 * rather than file:// — a file: page shares its origin with every other
 * local file, app://chairside/ with nothing.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'chairside';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The only paths that are the app's page; every screen is a hash route on it. */
const PAGE_PATHS = new Set(['/', '/index.html']);

/**
 * True only for the app's own page: app://chairside/ or
 * app://chairside/index.html, with any hash route. Used for navigation and
 * for the ipc sender check, so another host, a port, credentials, a query,
 * another page of the bundle, file: or an http page never counts as the app.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    PAGE_PATHS.has(url.pathname)
  );
}
