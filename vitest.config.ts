import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // scrypt and real files: give slow CI machines room.
          testTimeout: 30_000,
        },
      },
      {
        // Components, hooks and stores in a simulated DOM, with api.ts mocked
        // per test: the renderer's behaviour without a main process.
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/renderer/setup.ts'],
          // Mantine modals and user-event typing are slower than plain functions.
          testTimeout: 15_000,
        },
      },
    ],
  },
});
