import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, readStaticFile, resolveStaticPath } from '../../electron/core/static-files';

let base: string;
let root: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'chairside-static-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Chairside</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, '..hidden-but-inside.txt'), 'inside');
  writeFileSync(join(base, 'secret.txt'), 'do not serve');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('static files (app:// and browser mode)', () => {
  it('serves the renderer, / as index.html, with its content type', async () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    const index = await readStaticFile(root, '/');
    expect(index?.body.toString()).toContain('<title>Chairside</title>');
    expect(index?.contentType).toBe('text/html; charset=utf-8');
    expect((await readStaticFile(root, '/assets/'))).toBeNull();
    expect((await readStaticFile(root, '/assets/index-abc.js'))?.contentType).toBe('text/javascript; charset=utf-8');
    expect((await readStaticFile(root, '/assets/style.css'))?.contentType).toBe('text/css; charset=utf-8');
    expect((await readStaticFile(root, '/..hidden-but-inside.txt'))?.body.toString()).toBe('inside');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/../../secret.txt',
    '/..%5csecret.txt',
    '/../renderer-evil/x.js',
    `/${'../'.repeat(12)}etc/passwd`,
    '/%E0%A4%A',
    '/index.html%00.js',
    '/missing.js',
  ])('refuses %s', async (path) => {
    expect(await readStaticFile(root, path)).toBeNull();
  });

  it('treats an absolute path in the URL as relative to the folder, never as the disk root', () => {
    expect(resolveStaticPath(root, '//etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveStaticPath(root, `/${base}/secret.txt`)).toBe(join(root, base, 'secret.txt'));
  });

  it('knows the types the build emits and sends the rest as bytes', () => {
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.SVG')).toBe('image/svg+xml');
    expect(contentTypeFor('a.exe')).toBe('application/octet-stream');
  });
});
