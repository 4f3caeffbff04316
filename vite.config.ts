import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Relative base so the built site works from any folder or an <iframe> on another host.
  base: './',
  worker: { format: 'es' },
  test: {
    // Core tests run in plain Node: any DOM access in src/core fails loudly.
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
