/**
 * The trainability map in headless Chromium (issue #15): the `map` widget draws both of the
 * paper's colours for the momentum bowl; on the page a click on a cell draws its run and a
 * dragged box zooms (the link's axes become the box; the breadcrumb and Back go back); Cancel stops a
 * long map promptly; bad link parameters are named; no serious axe violation on the page or the
 * widget at 360 and 1280 px. Small maps (48 × 48 runs of 60 steps) keep it quick on WebAssembly.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { buildAndServe, launch, LINK_WAIT, skipBrowser, watchErrors, type App } from './harness';
import { pixelStats } from './pixels';

let app: App;
let browser: Browser;
const SMALL = 'x.n=48&y.n=48&steps=60';

beforeAll(async () => {
  if (skipBrowser) return;
  app = await buildAndServe('map-e2e-dist', ['map', 'embed']);
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(path: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(`${app.url}${path}`);
  return { page, errors };
}
const computed = (page: Page) =>
  page.waitForSelector('.map-frame[data-map-computed="true"]', { timeout: 90_000 });
const link = (page: Page) => new URL(page.url()).searchParams;

/** The page point at fractional position (fx, fy) of the map's plot (fy = 0 is the bottom, the smallest y). */
async function plotPoint(page: Page, fx: number, fy: number) {
  const b = (await page.locator('.map-pixels').boundingBox())!;
  return { x: b.x + fx * b.width, y: b.y + (1 - fy) * b.height };
}

/** Counts the map canvas's pixels that are clearly blue (converged) and clearly red (diverged). */
const colourCounts = (page: Page) =>
  page.locator('.map-pixels').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let blue = 0,
      red = 0;
    for (let k = 0; k < d.length; k += 4) {
      if (d[k + 2] > d[k] + 40) blue++;
      if (d[k] > d[k + 2] + 60 && d[k + 1] < 190) red++;
    }
    return { blue, red, total: d.length / 4 };
  });

describe.skipIf(skipBrowser)('trainability maps in headless Chromium', () => {
  it('the map widget draws both colours for the momentum bowl, on the backend it names', async () => {
    const { page, errors } = await open(`embed.html?widget=map&controls=none&${SMALL}`);
    await computed(page);
    const frame = page.locator('.map-frame');
    const [conv, div] = (await frame.getAttribute('data-map-counts'))!.split(',').map(Number);
    expect(conv).toBeGreaterThan(48);
    expect(div).toBeGreaterThan(48);
    const px = await colourCounts(page);
    // The canvas is in device pixels, so compare shares: each colour covers over 5 % of it.
    expect(px.blue / px.total).toBeGreaterThan(0.05);
    expect(px.red / px.total).toBeGreaterThan(0.05);
    // The counts under the map are the canvas's.
    await expect(page.locator('.map-counts').getAttribute('data-converged')).resolves.toBe(
      String(conv),
    );
    await expect(page.locator('[data-map-backend]').getAttribute('data-map-backend')).resolves.toBe(
      'wasm',
    );
    await expect(page.locator('.ls-backend').innerText()).resolves.toContain('WebAssembly');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a click on a cell draws its run, and a dragged box zooms; the breadcrumb goes back', async () => {
    const { page, errors } = await open(`map.html?${SMALL}`);
    await computed(page);
    // lr ≈ 0.08, μ ≈ 0.6: inside the converged region.
    const c = await plotPoint(page, 0.634, 0.6);
    await page.mouse.click(c.x, c.y);
    const detail = page.locator('.map-cell');
    await expect(detail.getAttribute('data-cell')).resolves.toMatch(/^\d+,\d+$/);
    const cell = (await detail.getAttribute('data-cell'))!;
    await expect.poll(() => link(page).get('cell'), LINK_WAIT).toBe(cell);
    const canvas = detail.locator('canvas');
    await canvas.waitFor();
    const ink = await pixelStats(page, await canvas.screenshot());
    expect(ink.distinct).toBeGreaterThan(8);
    await expect(detail.getByRole('link', { name: 'Open in the race' }).count()).resolves.toBe(1);

    // Drag a box from (0.2, 0.25) to (0.7, 0.8) of the plot (the screenshot scrolled the page).
    await page.evaluate(() => window.scrollTo(0, 0));
    const a = await plotPoint(page, 0.2, 0.25),
      b = await plotPoint(page, 0.7, 0.8);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => link(page).get('x.min'), LINK_WAIT).not.toBeNull();
    const q = link(page);
    const near = (v: string | null, want: number, rel: number) =>
      expect(Math.abs(Number(v) - want)).toBeLessThan(rel * Math.abs(want));
    // lr on a log axis 1e-3 … 1, μ linear 0 … 0.999 (one cell of slack for the pointer's pixels).
    near(q.get('x.min'), 10 ** (-3 + 3 * 0.2), 0.1);
    near(q.get('x.max'), 10 ** (-3 + 3 * 0.7), 0.1);
    near(q.get('y.min'), 0.999 * 0.25, 0.1);
    near(q.get('y.max'), 0.999 * 0.8, 0.05);
    expect(q.get('cell')).toBeNull();
    const crumbs = page.locator('nav[aria-label="Zooms"]');
    await expect(crumbs.getAttribute('data-crumbs')).resolves.toBe('2');
    await expect(crumbs.locator('li').count()).resolves.toBe(2);
    await computed(page);
    // The browser's Back leaves the zoom, as the first crumb does.
    await page.goBack();
    await expect.poll(() => crumbs.getAttribute('data-crumbs'), LINK_WAIT).toBe('1');
    expect(link(page).get('x.min')).toBeNull();
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => crumbs.getAttribute('data-crumbs'), LINK_WAIT).toBe('2');
    await computed(page);
    await crumbs.getByRole('button', { name: /^Whole map/ }).click();
    await expect.poll(() => link(page).get('x.min'), LINK_WAIT).toBeNull();
    await expect(crumbs.getAttribute('data-crumbs')).resolves.toBe('1');
    await computed(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Cancel stops a long map within a second or two', async () => {
    const { page, errors } = await open('map.html?steps=50000');
    await page.waitForSelector('progress[aria-label="Map progress"]', { timeout: 30_000 });
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.waitForSelector('[data-map-status="cancelled"]', { timeout: 10_000 });
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names bad link parameters on the page and in the widget, and still draws the map', async () => {
    const { page } = await open(`map.html?${SMALL}&x.n=5000&mode=rainbow&y.log=1&bogus=1`);
    const alert = page.locator('.url-errors');
    const text = await alert.innerText();
    for (const key of ['x.n', 'mode', 'y.min', 'bogus'])
      expect(text).toContain(`Invalid URL parameter '${key}'`);
    await computed(page);
    await page.close();
    const w = await open(`embed.html?widget=map&${SMALL}&steps=0&preset=nope`);
    const notes = await w.page.locator('.embed-notices').innerText();
    expect(notes).toContain("Invalid URL parameter 'steps'");
    expect(notes).toContain("Invalid URL parameter 'preset'");
    await computed(w.page);
    await w.page.close();
  });

  it.each([360, 1280])(
    'no serious axe violation on the page or the widget at %i px',
    async (width) => {
      for (const path of [
        `map.html?${SMALL}&cell=30,30`,
        `embed.html?widget=map&${SMALL}&controls=full`,
      ]) {
        const { page, errors } = await open(path, width);
        await computed(page);
        expect([path, await axeViolations(page)]).toEqual([path, []]);
        // Nothing wider than the viewport.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
        expect([path, overflow]).toEqual([path, width]);
        expect(errors).toEqual([]);
        await page.close();
      }
    },
  );
});
