/**
 * Serving the built renderer from its folder, shared by the desktop app's
 * app:// protocol and browser mode's HTTP server: one containment rule and
 * one table of content types, so the two cannot drift apart.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** By extension; unknown ones are sent as bytes (with nosniff, never run as script). */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root`, or null when it is not one: a
 * malformed escape, a NUL byte, or anything that resolves outside the folder
 * (`..` in any spelling, an absolute or drive-letter path). `/` names index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = normalize(decoded).replace(/^[/\\]+/, '');
  if (isAbsolute(rel)) return null;
  const base = resolve(root);
  const file = resolve(base, rel === '' || rel === '.' ? 'index.html' : rel);
  const inside = relative(base, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return file;
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads what a URL path names (a folder means its index.html); null when there is nothing to serve. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const file = resolveStaticPath(root, urlPath);
  if (file === null) return null;
  try {
    const target = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
    return { body: await readFile(target), contentType: contentTypeFor(target) };
  } catch {
    return null;
  }
}
