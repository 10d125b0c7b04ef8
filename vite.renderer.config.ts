import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is loaded from file:// in Electron and from the local server in
// browser mode, so every asset URL must be relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // Mantine's CSS is large; one stylesheet keeps the CSP simple.
    cssCodeSplit: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, strictPort: false },
});
