import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

export default defineConfig({
  plugins: [react()],
  // Relative base so the built site works from any folder or an <iframe> on another host.
  base: './',
  worker: { format: 'es' },
  // Two pages: the optimizer race (index.html) and the loss landscapes (landscape.html).
  build: {
    rolldownOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        landscape: resolve(import.meta.dirname, 'landscape.html'),
      },
    },
  },
  test: {
    // Core tests run in plain Node: any DOM access in src/core fails loudly.
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // The second reporter closes the log with the browser tests skipped for want of a Chromium.
    reporters: ['default', './test/browserSkipReporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
