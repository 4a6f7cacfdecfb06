/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { offlinePlugin } from './scripts/vite/offlinePlugin.ts';
import { SECURITY_HEADERS } from './src/offline/policy.ts';

export default defineConfig({
  plugins: [react(), offlinePlugin(join(import.meta.dirname, 'public'))],
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The page is one ~230 KB (gzip) chunk (React, i18next, the app); splitting it would not load
    // anything sooner.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // The service worker is an entry of its own, at the root, so its scope is the whole page.
      input: { index: 'index.html', sw: 'src/offline/serviceWorker.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
        // V8's compile hint: compile the page's every function as the script streams in, off the
        // main thread, rather than each one on its first call, in the middle of an analysis.
        postBanner: (chunk) => (chunk.name === 'index' ? '//# allFunctionsCalledOnLoad' : ''),
      },
    },
  },
  // `npm start` serves every file with the page's security headers (workers take their policy
  // from their own response, not from the page's meta tag).
  preview: { port: 4173, strictPort: false, headers: { ...SECURITY_HEADERS } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'test/core/**/*.test.ts',
            'test/i18n/**/*.test.ts',
            'test/offline/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/worker/**/*.test.ts',
            'test/pool/**/*.test.ts',
            'test/scripts/**/*.test.ts',
            'test/bench/**/*.test.ts',
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
