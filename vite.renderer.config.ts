import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
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

const modules = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);

/**
 * Vendor chunks, beside the one chunk per screen that App.tsx's lazy routes
 * make. Each group is a library that changes on its own schedule, so an app
 * update leaves the others' files (and their cached parse) as they were.
 * React and Mantine are on the first paint anyway; the table and form
 * libraries load with the first screen that uses them. What no group takes
 * (date-fns, react-number-format, ...) is split automatically by who uses it.
 * Higher priority claims a module first: Mantine would otherwise pull React
 * into its chunk, as each group takes its modules' dependencies along.
 */
export const vendorChunks: Rolldown.CodeSplittingOptions = {
  groups: [
    { name: 'react', test: modules('react|react-dom|scheduler|use-sync-external-store'), priority: 40 },
    { name: 'mantine', test: modules('@mantine|@floating-ui'), tags: ['$initial'], priority: 30 },
    { name: 'mantine-more', test: modules('@mantine|@floating-ui'), priority: 25 },
    { name: 'zod', test: modules('zod'), priority: 20 },
    // Query is on the first paint (App.tsx holds the client); tables and virtual lists wait for a list screen.
    { name: 'query', test: modules('@tanstack/(query-core|react-query)'), priority: 22 },
    { name: 'tanstack', test: modules('@tanstack'), priority: 20 },
    { name: 'forms', test: modules('react-hook-form|@hookform'), priority: 20 },
    // One small chunk rather than one per icon.
    { name: 'icons', test: modules('@tabler'), priority: 20 },
  ],
};

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
    chunkSizeWarningLimit: 500,
    rolldownOptions: { output: { codeSplitting: vendorChunks } },
  },
  server: { port: 5173, strictPort: false },
});
