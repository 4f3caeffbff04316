import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, skipBrowser } from './browser';

export { skipBrowser, launchChromium } from './browser';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = resolve(ROOT, 'test-artifacts');

export interface App {
  url: string;
  close(): Promise<void>;
}

/** The site's pages, by rolldown input name. */
export const PAGES = {
  home: resolve(ROOT, 'index.html'),
  main: resolve(ROOT, 'race.html'),
  landscape: resolve(ROOT, 'landscape.html'),
  map: resolve(ROOT, 'map.html'),
  lesson: resolve(ROOT, 'lesson.html'),
  embed: resolve(ROOT, 'embed.html'),
} as const;

/**
 * Builds the given pages (default: the race page alone) into test-artifacts/`name` and serves
 * them with `vite preview` on a free port. Tests build only the pages they open, since a build
 * is most of a test file's start-up time; the race links to the landscape page and back, so a
 * test that follows those links builds both.
 */
export async function buildAndServe(
  name = 'e2e-dist',
  pages: readonly (keyof typeof PAGES)[] = ['main'],
): Promise<App> {
  const outDir = resolve(ARTIFACTS, name);
  const input = Object.fromEntries(pages.map((p) => [p, PAGES[p]]));
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    // Vite deep-merges an inline `input` with vite.config's pages, so every test file built
    // the whole site; a config hook may replace it instead.
    plugins: [
      {
        name: 'e2e-only-these-pages',
        config(config) {
          config.build!.rolldownOptions!.input = input;
        },
      },
    ],
  });
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  const { port } = server.httpServer.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((res) => server.httpServer.close(() => res())),
  };
}

/**
 * A test file's site and browser: built, served and started before its tests (unless the
 * browser tests are skipped), closed after them. Read `app` and `browser` inside the tests.
 */
export function servedBrowser(
  name: string,
  pages: readonly (keyof typeof PAGES)[] = ['main'],
): { readonly app: App; readonly browser: Browser } {
  const env = {} as { app: App; browser: Browser };
  beforeAll(async () => {
    if (skipBrowser) return;
    env.app = await buildAndServe(name, pages);
    env.browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.app?.close();
  });
  return env;
}

/** Headless Chromium; WebGL runs on SwiftShader unless `extraArgs` says otherwise. */
export function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  return launchChromium(extraArgs);
}

/** Collects console errors and page errors; tests assert the list is empty. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Waits until the race shows results and the contour bands are drawn. */
export async function waitForRace(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const g = document.querySelector('.trajectories');
      return (
        g &&
        Number(g.getAttribute('data-race-seq')) > 0 &&
        Number(document.querySelector('.race-bands')?.getAttribute('data-bands')) > 0
      );
    },
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * How long to poll for the address bar to catch up: the pages write the link 100 ms after the
 * last change, and a loaded CI machine can take far longer than that to get there.
 */
export const LINK_WAIT = { timeout: 10_000, interval: 100 } as const;

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return resolve(ARTIFACTS, `${name}.png`);
}

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * Serves the files of `dir` (GET only, no listing) on another free port of 127.0.0.1: a second
 * origin, for a host page that embeds the site's widgets from elsewhere (test/e2e/embedHost).
 */
export async function serveStatic(dir: string): Promise<App> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let file = '';
    try {
      file = normalize(
        join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)),
      );
    } catch {
      // A malformed escape: no such file.
    }
    if (req.method !== 'GET' || !file.startsWith(root + sep)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, {
            'Content-Type': STATIC_TYPES[extname(file)] ?? 'application/octet-stream',
          })
          .end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((res) => server.close(() => res())),
  };
}
