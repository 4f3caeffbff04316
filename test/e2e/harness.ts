import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { launchChromium } from './browser';

export { skipBrowser, launchChromium } from './browser';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = resolve(ROOT, 'test-artifacts');

const freePort = () =>
  new Promise<number>((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });

export interface App {
  url: string;
  close(): Promise<void>;
}

/** Builds the site once (into test-artifacts/) and serves it with `vite preview` on a free port. */
export async function buildAndServe(name = 'e2e-dist'): Promise<App> {
  const outDir = resolve(ARTIFACTS, name);
  // Only the race page: these tests do not depend on other pages of the site being in place.
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: resolve(ROOT, 'index.html') } },
  });
  const port = await freePort();
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((res) => server.httpServer.close(() => res())),
  };
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
