import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { metaContentSecurityPolicy } from './shared/csp.ts';

/**
 * Writes the one shared CSP (shared/csp.ts) into index.html, so the page
 * carries it even where no header does, and no hand-written copy can drift.
 * The meta form drops the directives a <meta> policy ignores
 * (frame-ancestors); the app:// protocol and browser mode send those as a
 * header. Build only: the dev server's React refresh runs an inline script
 * the policy refuses.
 */
export function cspMeta(): Plugin {
  return {
    name: 'chairside-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() }, injectTo: 'head-prepend' },
      ],
    },
  };
}

// Asset URLs are relative so one build serves both app://chairside/ in
// Electron and the local server in browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // Mantine's CSS is large; one stylesheet keeps the CSP simple.
    cssCodeSplit: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, strictPort: false },
});
