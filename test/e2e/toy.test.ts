import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAndServe,
  launch,
  LINK_WAIT,
  screenshotPath,
  skipBrowser,
  watchErrors,
  type App,
} from './harness';
import { pixelStats, waitForPainted } from './pixels';

/** "Train a small network" on the landscape page: small runs (150 steps on circle), real Chromium, WebAssembly. */
const DIST = 'toy-e2e-dist';
let app: App;
let browser: Browser;

beforeAll(async () => {
  if (skipBrowser) return;
  app = await buildAndServe(DIST, ['landscape']);
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(
  query: string,
  viewport = { width: 1280, height: 1000 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = watchErrors(page);
  await page.goto(`${app.url}landscape.html${query}`);
  return { page, errors };
}
const toy = (page: Page) =>
  page.getByRole('region', { name: 'Train a small network', exact: true });
/** Presses Train and waits for that run (the panel's `run`-th) to end; returns the status element's attributes. */
async function train(page: Page, run: number, status = 'done'): Promise<{ numTensors: number }> {
  await toy(page).getByRole('button', { name: 'Train', exact: true }).click();
  const sel = `.ls-toy [data-toy-status="${status}"][data-run="${run}"]`;
  await page.waitForSelector(sel, { timeout: 45_000 });
  return { numTensors: Number(await page.locator(sel).getAttribute('data-num-tensors')) };
}
const percent = async (page: Page, id: string) =>
  Number((await page.getByTestId(`toy-${id}`).locator('dd').textContent())!.replace(/[^\d.]/g, ''));

describe.skipIf(skipBrowser)('"Train a small network" in headless Chromium', () => {
  it('opens from the link, trains on WebAssembly, draws the data, the curve and the slice with its trajectory, and leaks no tensors', async () => {
    const { page, errors } = await open('?toy=circle&toy.steps=150');
    await expect(toy(page).getByRole('button', { name: 'Hide' }).count()).resolves.toBe(1);
    const first = await train(page, 1);
    await expect(page.locator('[data-toy-backend]').getAttribute('data-toy-backend')).resolves.toBe(
      'wasm',
    );
    expect(await percent(page, 'test-acc')).toBeGreaterThanOrEqual(85);

    const map = page.locator('.ls-toy-map');
    const m = await pixelStats(page, await map.screenshot({ path: screenshotPath('toy-map') }));
    expect(m.distinct).toBeGreaterThan(50);
    expect(m.nonBackground / m.total).toBeGreaterThan(0.2);
    const contour = page.locator('.ls-toy .ls-contour');
    expect(Number(await contour.getAttribute('data-bands'))).toBeGreaterThan(5);
    const c = await pixelStats(
      page,
      await contour.screenshot({ path: screenshotPath('toy-contour') }),
    );
    expect(c.distinct).toBeGreaterThan(20);
    expect(c.nonBackground / c.total).toBeGreaterThan(0.3);
    expect(await page.locator('.ls-toy .ls-traj-point').count()).toBeGreaterThan(10);
    await expect(
      page.locator('.ls-toy-curve path.ls-line-loss').getAttribute('d'),
    ).resolves.toMatch(/^M[\d.]+ [\d.]+L/);
    // The same slice in 3D, named apart from the page's own 3D view.
    await expect(
      page.getByRole('img', { name: 'Toy landscape 3D', exact: true }).count(),
    ).resolves.toBe(1);
    await waitForPainted(page, page.locator('.ls-toy-3d canvas'));
    const t = await pixelStats(
      page,
      await page.locator('.ls-toy-3d canvas').screenshot({ path: screenshotPath('toy-3d') }),
    );
    expect(t.nonBackground / t.total).toBeGreaterThan(0.1);

    await expect.poll(() => page.url(), LINK_WAIT).toContain('toy=circle&toy.steps=150');
    await page.screenshot({ path: screenshotPath('toy-light'), fullPage: true });

    const second = await train(page, 2);
    expect(second.numTensors).toBe(first.numTensors);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('fits a 360 px iframe in dark theme and large type, and writes a moved knob to the link', async () => {
    const { page, errors } = await open('?toy=xor&toy.steps=60&theme=dark&large=1', {
      width: 360,
      height: 800,
    });
    await toy(page).getByRole('button', { name: 'SGD + momentum' }).click();
    await expect(toy(page).getByRole('slider', { name: 'Momentum' }).count()).resolves.toBe(1);
    await expect
      .poll(() => page.url(), LINK_WAIT)
      .toContain('toy=xor&toy.opt=momentum&toy.steps=60');
    await train(page, 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await toy(page).screenshot({ path: screenshotPath('toy-dark-large-360') });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('says where a learning rate too large for float32 made training diverge, instead of a blank panel', async () => {
    const { page, errors } = await open('?toy=circle&toy.opt=sgd&toy.lr=1e38&toy.steps=20');
    await train(page, 1);
    await expect(toy(page).getByRole('alert').first().textContent()).resolves.toMatch(
      /^Training diverged at step \d+: try a smaller learning rate\.$/,
    );
    await expect(toy(page).getByRole('img', { name: 'Toy landscape' }).count()).resolves.toBe(1);
    await page.screenshot({ path: screenshotPath('toy-diverged'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
