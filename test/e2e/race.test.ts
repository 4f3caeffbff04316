import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAndServe,
  LINK_WAIT,
  launch,
  launchChromium,
  screenshotPath,
  skipBrowser,
  waitForRace,
  watchErrors,
  type App,
} from './harness';
import { pixelDelta, pixelDiff, pixelStats, settledScreenshot, waitForPainted } from './pixels';

let app: App;
let browser: Browser;

beforeAll(async () => {
  if (skipBrowser) return;
  app = await buildAndServe();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(
  query = '',
  viewport = { width: 1440, height: 1000 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = watchErrors(page);
  await page.goto(app.url + 'race.html' + query);
  await waitForRace(page);
  return { page, errors };
}
/** The fingerprint of the drawn trajectories (core/view/polyline.trajectoryFingerprint). */
const racePaths = (page: Page) => page.locator('.race-canvas').getAttribute('data-fingerprint');
/**
 * The fingerprint once it has stopped changing: the worker paints runs, view and step in separate
 * messages, and a loaded machine can leave a fixed wait in between two of them.
 */
async function settledPaths(page: Page): Promise<string | null> {
  let last = await racePaths(page);
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const now = await racePaths(page);
    if (now !== null && now === last) return now;
    last = now;
  }
  return last;
}
const raceSeq = (page: Page) =>
  page.locator('.trajectories').getAttribute('data-race-seq').then(Number);
/** Waits until the race shows a computation newer than `seq`. */
const newerRace = (page: Page, seq: number) =>
  page.waitForFunction(
    (s) => Number(document.querySelector('.trajectories')?.getAttribute('data-race-seq')) > s,
    seq,
  );
/** Waits for the 3D canvas to have been drawn at least once. */
const threeReady = (page: Page) =>
  page
    .waitForSelector('.surface-3d canvas', { timeout: 30_000 })
    .then(() => waitForPainted(page, page.locator('.surface-3d canvas')));

describe.skipIf(skipBrowser)('the optimizer race page in headless Chromium', () => {
  it('loads with no console errors and names its panels', async () => {
    const { page, errors } = await open();
    await threeReady(page);
    await page.screenshot({ path: screenshotPath('race-default'), fullPage: true });
    for (const name of ['Contour race', 'Loss curves'])
      await expect(page.getByRole('group', { name, exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: '3D surface', exact: true }).count()).resolves.toBe(
      1,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws non-blank pixels in the contour and 3D panels', async () => {
    const { page } = await open();
    await threeReady(page);
    const contour = await pixelStats(page, await page.locator('.race-svg').screenshot());
    expect(contour.distinct).toBeGreaterThan(50);
    expect(contour.nonBackground / contour.total).toBeGreaterThan(0.2);
    const shot3d = await page
      .locator('.surface-3d canvas')
      .screenshot({ path: screenshotPath('panel-3d') });
    const three = await pixelStats(page, shot3d);
    expect(three.distinct).toBeGreaterThan(50);
    expect(three.nonBackground / three.total).toBeGreaterThan(0.1);
    // Keyboard orbit: focus the 3D view, turn it with the arrow keys, zoom in with +.
    const view = page.getByRole('img', { name: '3D surface', exact: true });
    await view.focus();
    for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowUp', '+'])
      await view.press(key);
    // The view re-renders on demand after the keys: poll for the turned picture.
    await expect
      .poll(
        async () =>
          pixelDiff(
            page,
            shot3d,
            await page
              .locator('.surface-3d canvas')
              .screenshot({ path: screenshotPath('panel-3d-orbited') }),
          ),
        { timeout: 10_000, interval: 250 },
      )
      .toBeGreaterThan(1000);
    expect(await page.evaluate(() => window.scrollY)).toBe(0); // the arrows turned the view, not the page
    await page.close();
  });

  it('redraws the trajectories when the Learning rate slider moves (paths and pixels)', async () => {
    const { page } = await open();
    const before = await racePaths(page);
    const shot = await page.locator('.race-svg').screenshot();
    const seq = await raceSeq(page);
    const lr = page.getByRole('slider', { name: 'Learning rate (Adam)' });
    await lr.focus();
    for (let i = 0; i < 40; i++) await lr.press('ArrowLeft');
    await newerRace(page, seq);
    // The worker paints after it computes: wait for the drawn picture to change.
    await page.waitForFunction(
      (fp) => document.querySelector('.race-canvas')?.getAttribute('data-fingerprint') !== fp,
      before,
    );
    const after = await settledPaths(page);
    expect(after).not.toEqual(before);
    expect(
      await pixelDiff(
        page,
        shot,
        await page.locator('.race-svg').screenshot({ path: screenshotPath('race-lr-moved') }),
      ),
    ).toBeGreaterThan(100);
    await expect(lr.getAttribute('aria-valuetext')).resolves.not.toBe('0.1');
    await expect.poll(() => page.url(), LINK_WAIT).toMatch(/lr\.adam=0\.0/);
    await page.close();
  });

  it('reproduces the same view from a copied link after reload', async () => {
    const { page } = await open(
      '?surface=himmelblau&opt=adam,sgd,rmsprop&lr.adam=0.05&momentum.sgd=0.5&lr.sgd=0.003&steps=200&sched=cosine&theme=dark&step=120',
    );
    const seq = await raceSeq(page);
    const before = await settledPaths(page);
    const linkBefore = page.url();
    await page.getByRole('slider', { name: 'Momentum (SGD)' }).press('ArrowRight');
    // The race of the new momentum, computed and drawn, not the one before it.
    await newerRace(page, seq);
    await page.waitForFunction(
      (fp) => document.querySelector('.race-canvas')?.getAttribute('data-fingerprint') !== fp,
      before,
    );
    // The link is written 100 ms after the last change: wait for it, however busy the machine.
    await expect.poll(() => page.url(), LINK_WAIT).not.toBe(linkBefore);
    const link = page.url();
    expect(link).toContain('surface=himmelblau');
    expect(link).toContain('sched=cosine');
    const paths = await settledPaths(page);
    const shot = await settledScreenshot(page, page.locator('.race-svg'));
    const second = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await second.goto(link);
    await waitForRace(second);
    expect(await settledPaths(second)).toEqual(paths);
    await expect(second.locator('.counter').textContent()).resolves.toBe('step 120 / 200');
    await expect(second.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe(
      'dark',
    );
    // Same state, same picture: bands and trajectories are canvases painted whole from the state.
    // Under load about 1 run in 8 differed in ~60 edge pixels of the minima's × and the racers'
    // heads, by at most 26 in |ΔR|+|ΔG|+|ΔB| (cause not found); a different state changes
    // thousands of pixels. So: at most 0.1 % of the pixels, each by a faint anti-aliasing step.
    const delta = await pixelDelta(
      second,
      shot,
      await settledScreenshot(second, second.locator('.race-svg')),
    );
    expect(delta.count).toBeLessThanOrEqual(delta.total / 1000);
    expect(delta.max).toBeLessThanOrEqual(60);
    await second.screenshot({ path: screenshotPath('race-from-link-dark'), fullPage: true });
    await page.close();
    await second.close();
  });

  it('draws the same race when the page paints the trajectories itself (no OffscreenCanvas)', async () => {
    const query = '?surface=beale&opt=adam,sgd,lion&steps=250&step=180&3d=0';
    const { page } = await open(query);
    await expect(page.locator('.race-canvas').getAttribute('data-drawn-by')).resolves.toBe(
      'worker',
    );
    const byWorker = await settledScreenshot(page, page.locator('.race-svg'));
    const fallback = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors = watchErrors(fallback);
    // A browser that cannot hand a canvas to a worker: the page paints with the same painter.
    await fallback.addInitScript(() => {
      delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
    });
    await fallback.goto(app.url + 'race.html' + query);
    await waitForRace(fallback);
    await expect(fallback.locator('.race-canvas').getAttribute('data-drawn-by')).resolves.toBe(
      'page',
    );
    expect(await settledPaths(fallback)).toEqual(await settledPaths(page));
    // Same geometry; the page's and the worker's canvases may rasterise with different
    // anti-aliasing (two raster paths), so edges may differ: allow < 1 % of the panel.
    const byPage = await settledScreenshot(
      fallback,
      fallback.locator('.race-svg'),
      screenshotPath('race-page-painter'),
    );
    const { total } = await pixelStats(fallback, byPage);
    expect((await pixelDiff(fallback, byWorker, byPage)) / total).toBeLessThan(0.01);
    expect(errors).toEqual([]);
    await page.close();
    await fallback.close();
  });

  it('races without WebGL (as a locked-down browser): the 3D view says why, nothing throws', async () => {
    // --disable-webgl as enterprise policies do, and no GPU or software rasteriser either.
    const noGl = await launchChromium(['--disable-webgl', '--disable-3d-apis'], { webgl: false });
    try {
      const page = await noGl.newPage({ viewport: { width: 1440, height: 1000 } });
      const errors = watchErrors(page);
      await page.goto(app.url + 'race.html?opt=adam,sgd');
      await waitForRace(page);
      const three = page.getByRole('img', { name: '3D surface' });
      await expect(three.textContent()).resolves.toMatch(
        /3D view \(it needs WebGL\) is not available in this browser: WebGL is turned off/,
      );
      expect(await page.locator('.surface-3d canvas').count()).toBe(0);
      const contour = await pixelStats(page, await page.locator('.race-canvas').screenshot());
      expect(contour.distinct).toBeGreaterThan(50);
      expect(errors).toEqual([]);
      await page.screenshot({ path: screenshotPath('race-no-webgl'), fullPage: true });
    } finally {
      await noGl.close();
    }
  });

  it('names an invalid URL parameter in a visible message and falls back to the default', async () => {
    const { page } = await open('?opt=adam,sgd&lr.adam=-1&steps=banana');
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain("Invalid URL parameter 'lr.adam'");
    await expect(alert.textContent()).resolves.toContain("Invalid URL parameter 'steps'");
    expect(await alert.isVisible()).toBe(true);
    await expect(
      page.getByRole('slider', { name: 'Learning rate (Adam)' }).getAttribute('aria-valuetext'),
    ).resolves.toBe('0.1');
    await page.screenshot({ path: screenshotPath('race-bad-url') });
    await page.close();
  });

  it('shows "diverged at step k" for a racer that blows up while the others go on', async () => {
    const { page, errors } = await open('?opt=sgd,adam&lr.sgd=0.05&momentum.sgd=0');
    const legend = page.getByRole('list', { name: 'Legend' });
    await expect(legend.textContent()).resolves.toMatch(/SGD\s*diverged at step \d+/);
    await expect(legend.textContent()).resolves.toMatch(/Adam\s*loss/);
    await page.screenshot({ path: screenshotPath('race-diverged') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays, pauses, steps and scrubs', async () => {
    const { page } = await open('?step=0');
    await expect(page.locator('.counter').textContent()).resolves.toBe('step 0 / 300');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.locator('.counter').textContent()).resolves.toBe('step 1 / 300');
    const early = await page.locator('.race-svg').screenshot();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Pause' }).click();
    const k = Number((await page.locator('.counter').textContent())!.match(/step (\d+)/)![1]);
    expect(k).toBeGreaterThan(1);
    await page.getByRole('slider', { name: 'Step', exact: true }).fill('150');
    await expect(page.locator('.counter').textContent()).resolves.toBe('step 150 / 300');
    // The trajectory canvas follows the shown step: the played prefix and the heads moved.
    await page.waitForTimeout(200);
    expect(
      await pixelDiff(
        page,
        early,
        await page.locator('.race-svg').screenshot({ path: screenshotPath('race-scrubbed-150') }),
      ),
    ).toBeGreaterThan(100);
    await page.close();
  });

  it('fits a 360 px wide iframe without horizontal scrolling, in large type', async () => {
    const { page, errors } = await open('?large=1', { width: 360, height: 780 });
    await page.waitForTimeout(500);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('race-360px-large'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
