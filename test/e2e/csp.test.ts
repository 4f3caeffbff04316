import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../vite.config';
import { ARTIFACTS, launch, PAGES, ROOT, skipBrowser, watchErrors, waitForRace } from './harness';
import { waitForPainted } from './pixels';

/**
 * The built pages under their Content-Security-Policy (issue 16). The site is served with the same
 * policy as a response header too, as a host would send it: a meta tag's policy does not reach the
 * workers (they take the policy of their own script's response), so only the header shows that
 * the workers' tfjs, wasm and h5wasm work under it.
 */
const DIST = 'csp-e2e-dist';
const outDir = resolve(ARTIFACTS, DIST);
let url = '';
let close: () => Promise<void> = async () => {};
let browser: Browser;

beforeAll(async () => {
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: PAGES } },
  });
  if (skipBrowser) return;
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: {
      port: 0,
      host: '127.0.0.1',
      open: false,
      headers: { 'Content-Security-Policy': CSP },
    },
  });
  const { port } = server.httpServer.address() as { port: number };
  url = `http://127.0.0.1:${port}/`;
  close = () => new Promise<void>((res) => server.httpServer.close(() => res()));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await close();
});

/** Opens a page, recording console errors, page errors and every CSP violation event. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = watchErrors(page);
  // Not subject to the page's CSP (DevTools protocol); it only listens.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(
        `Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  await page.goto(url + path);
  return { page, errors };
}

describe('the Content-Security-Policy of the built pages', () => {
  it('ships as a meta tag in both pages, with no unsafe-eval and no inline script', () => {
    const tokens = CSP.split(/[\s;]+/);
    expect(tokens).not.toContain("'unsafe-eval'");
    expect(tokens).not.toContain("'unsafe-inline'");
    expect(CSP).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    for (const file of ['index.html', 'race.html', 'landscape.html', 'lesson.html', 'embed.html']) {
      const html = readFileSync(resolve(outDir, file), 'utf8');
      const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
      expect(meta, file).not.toBeNull();
      expect(meta![1].replaceAll('&#39;', "'")).toBe(CSP);
      // The meta tag comes before any script or stylesheet, so it governs them all.
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, file).toMatch(/\ssrc=/);
      expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    }
  });
});

describe.skipIf(skipBrowser)('the pages under their CSP in headless Chromium', () => {
  it('races, with the 3D view, and no violation', async () => {
    const { page, errors } = await open('race.html?opt=adam,sgd,lion');
    await waitForRace(page);
    await page.waitForSelector('.surface-3d canvas', { timeout: 30_000 });
    await waitForPainted(page, page.locator('.surface-3d canvas'));
    await expect(page.locator('.formula .katex').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a slice, recomputes one, computes a line, opens an .h5 and trains a toy, with no violation', async () => {
    const { page, errors } = await open(
      'landscape.html?model=resnet-20&res=3&samples=8&init=1&line=interpolation&toy=circle&toy.steps=60',
    );
    await page.waitForFunction(
      () => Number(document.querySelector('.ls-contour')?.getAttribute('data-bands')) > 0,
      undefined,
      { timeout: 30_000 },
    );
    await waitForPainted(page, page.locator('.ls-three canvas'));

    await page.getByRole('button', { name: 'Recompute on my GPU' }).click();
    await page.waitForSelector('[data-status=done]', { timeout: 60_000 });

    const line = page.getByRole('region', { name: 'Along a line' });
    await line.getByRole('button', { name: 'Compute', exact: true }).click();
    await page.waitForSelector('[data-line-status=done]', { timeout: 60_000 });

    const toy = page.getByRole('region', { name: 'Train a small network', exact: true });
    await toy.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForSelector('.ls-toy [data-toy-status="done"]', { timeout: 45_000 });

    await page.getByLabel('Open .h5', { exact: true }).setInputFiles({
      name: 'sample_surface.h5',
      mimeType: 'application/x-hdf5',
      buffer: readFileSync(resolve(ROOT, 'test/fixtures/pytorch/sample_surface.h5')),
    });
    await page
      .getByRole('heading', { name: 'sample_surface.h5 · your .h5 file' })
      .waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
