import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

/**
 * The Content-Security-Policy the built pages ship (docs/RELIABILITY.md). No 'unsafe-eval' and no
 * inline scripts: every script is a bundled file from the site itself.
 * - script-src 'wasm-unsafe-eval': tfjs's wasm backend and h5wasm compile WebAssembly.
 * - worker-src, img-src blob:: tfjs-backend-wasm starts its threads from blob: URLs (when a host
 *   makes the page cross-origin isolated), and three.js loads images through them.
 * - style-src 'self' without 'unsafe-inline': stylesheets are bundled files; style attributes
 *   are blocked only in parsed markup (HTML strings), not when set through the DOM's style
 *   properties, as React's `style` props, d3's `.style()`, three.js and KaTeX's `render` (see
 *   src/ui/formula/Formula.tsx: its HTML string, with a style attribute per glyph, was blocked) do.
 * - img-src, font-src data:: small icons and fonts the bundler may inline as data: URLs.
 * - connect-src 'self': the wasm binaries, weights and slices are fetched from the site itself.
 * - frame-ancestors cannot be set from a meta tag: a host that embeds the pages sends it as a header.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Adds the CSP meta tag to the built pages only: the dev server injects inline scripts (React
 * refresh, HMR client) that the policy would block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // Relative base so the built site works from any folder or an <iframe> on another host.
  base: './',
  worker: { format: 'es' },
  // The site: the home page (index.html, a table of contents), the optimizer race (race.html),
  // the loss landscapes (landscape.html), the trainability maps (map.html), one lesson page (lesson.html?id=…) and the widget
  // page for iframes (embed.html?widget=…). The PAGES table in test/e2e/harness.ts names them too.
  build: {
    rolldownOptions: {
      input: {
        home: resolve(import.meta.dirname, 'index.html'),
        main: resolve(import.meta.dirname, 'race.html'),
        landscape: resolve(import.meta.dirname, 'landscape.html'),
        map: resolve(import.meta.dirname, 'map.html'),
        lesson: resolve(import.meta.dirname, 'lesson.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
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
