import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import renderer from './vite.renderer.config';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main.ts'),
          // Emitted beside index.js; worker/jobs.ts loads it from there.
          'readonly.worker': resolve('electron/core/worker/readonly.worker.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...renderer,
    root: resolve('renderer'),
    build: {
      ...renderer.build,
      // electron-vite leaves the renderer unminified by default; ship (and test) what browser mode ships.
      minify: true,
      outDir: resolve('out/renderer'),
      // rolldownOptions, not rollupOptions: electron-vite overwrites the
      // latter with the former, which would drop the vendor chunk groups.
      rolldownOptions: { ...renderer.build?.rolldownOptions, input: resolve('renderer/index.html') },
    },
  },
});
