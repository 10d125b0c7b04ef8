/**
 * The one Content-Security-Policy for the renderer, wherever it is served:
 * the desktop app's app:// protocol, browser mode's HTTP server, and the
 * <meta> tag the renderer build writes into index.html.
 *
 * style-src allows inline styles because Mantine sets style attributes at
 * run time; scripts never run inline. Nothing is fetched from anywhere but
 * the app itself, and the page may not be framed, post forms or move its base.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * Browsers ignore these directives in a <meta> policy (and warn about them
 * in the console); they only take effect as a response header.
 */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];

/** The policy as a <meta http-equiv> tag may carry it. */
export function metaContentSecurityPolicy(policy: string = CONTENT_SECURITY_POLICY): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !HEADER_ONLY.includes(d.split(/\s+/)[0]!))
    .join('; ');
}
