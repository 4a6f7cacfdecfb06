/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  base: './',
  worker: { format: 'es' },
  // React and Recharts make one ~200 KB (gzip) chunk; splitting it would not load anything sooner.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 800 },
  preview: { port: 4173, strictPort: false },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'test/core/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/worker/**/*.test.ts',
            'test/scripts/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['test/components/**/*.test.tsx', 'test/store/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['test/setup.ts'],
          // Whole analyses in jsdom: generous, since a busy machine may run them several times slower.
          testTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'reference',
          include: ['test/reference/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
