import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexHtmlTransformHook, Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, metaContentSecurityPolicy } from '../../shared/csp';
import rendererConfig from '../../vite.renderer.config';

const root = join(import.meta.dirname, '../..');

describe('one Content-Security-Policy', () => {
  it('is the policy the issue asks for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('the renderer build writes it into index.html, minus what a <meta> policy ignores', async () => {
    const plugin = (rendererConfig.plugins ?? []).flat().find((p): p is Plugin => !!p && typeof p === 'object' && 'name' in p && p.name === 'chairside-csp-meta');
    expect(plugin?.apply).toBe('build');
    const hook = plugin?.transformIndexHtml as { handler: IndexHtmlTransformHook } | undefined;
    const tags = await hook?.handler.call({} as never, '<html><head></head></html>', {} as never);
    expect(tags).toEqual([
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '') },
        injectTo: 'head-prepend',
      },
    ]);
  });

  it('index.html carries no hand-written copy', () => {
    expect(readFileSync(join(root, 'renderer/index.html'), 'utf8')).not.toMatch(/http-equiv="Content-Security-Policy"/i);
  });

  it('the meta form drops only header-only directives', () => {
    expect(metaContentSecurityPolicy("default-src 'none'; frame-ancestors 'none'; sandbox; report-uri /r; img-src data:")).toBe("default-src 'none'; img-src data:");
  });
});
