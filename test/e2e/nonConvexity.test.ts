/**
 * Non-convexity on the landscape page (issue #10): the facts show the share of the slice that
 * curves downward, as index.json has it, with a sentence that quotes the same number; the toggle
 * draws the map over the contour (pixels change), blue exactly where the share does not count a
 * point; `curv=1` in the link brings it back; axe finds nothing serious with it on. The
 * `landscape` embed widget draws the map and its legend from the same link key.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONVEX_COLOUR } from '../../src/core/view/curvatureMap';
import { axeViolations } from './axe';
import {
  LINK_WAIT,
  ROOT,
  screenshotPath,
  servedBrowser,
  skipBrowser,
  watchErrors,
} from './harness';
import { pixelDiff, settledScreenshot } from './pixels';

const env = servedBrowser('e2e-nonconvexity', ['landscape', 'embed']);

const MODEL = 'resnet-56-ns';
const index = JSON.parse(readFileSync(resolve(ROOT, 'public/landscapes/index.json'), 'utf8')) as {
  landscapes: {
    model: string;
    directions: string;
    grid: [number, number];
    roughness: Record<string, number>;
  }[];
};
const entry = index.landscapes.find((e) => e.model === MODEL && e.directions === 'random')!;
/** The map has one cell per interior grid point (the Hessian needs both neighbours). */
const CELLS = (entry.grid[0] - 2) * (entry.grid[1] - 2);

describe.skipIf(skipBrowser)('non-convexity of a slice', () => {
  it('is shown with the index number, drawn as a map on the toggle, kept in the link, axe clean', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(`${env.app.url}landscape.html?model=resnet-56&skip=off`);
    const contour = page.locator('.ls-contour-box').first();
    await page.waitForFunction(
      () => Number(document.querySelector('.ls-contour')?.getAttribute('data-bands')) > 0,
      undefined,
      { timeout: 30_000 },
    );
    const share = `${(100 * entry.roughness.nonConvexShare).toFixed(1)} %`;
    const figure = page.getByTestId('ls-rough-nonConvexShare');
    await expect(figure.textContent()).resolves.toContain(share);
    // The sentence reads the same number, in words its numbers allow.
    const reading = (await page.locator('.ls-reading').textContent())!;
    expect(reading).toContain(`${share} of the slice curves downward`);
    expect(reading).toContain(
      entry.roughness.nonConvexShare >= 0.5 ? 'mostly non-convex' : 'Curvature:',
    );

    const off = await settledScreenshot(page, contour);
    const toggle = page.getByRole('checkbox', { name: 'Non-convexity map' });
    await toggle.check();
    const cells = page.locator('.ls-curvature');
    await expect(cells.getAttribute('data-cells').then(Number)).resolves.toBe(CELLS);
    const on = await settledScreenshot(page, contour, screenshotPath('nonconvexity-map'));
    expect(await pixelDiff(page, off, on)).toBeGreaterThan(10_000);
    // Blue exactly where the share does not count a point.
    const fills = await cells
      .locator('rect')
      .evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')));
    const blue = fills.filter((f) => f === CONVEX_COLOUR).length;
    expect(blue / fills.length).toBeCloseTo(1 - entry.roughness.nonConvexShare, 4);
    await expect(page.locator('.ls-curv-legend').isVisible()).resolves.toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('curv'), LINK_WAIT).toBe('1');
    await page.screenshot({ path: screenshotPath('nonconvexity-page'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // The link brings the map back; unticking takes it away and out of the link.
    await page.goto(page.url());
    await expect(
      page.locator('.ls-curvature').getAttribute('data-cells').then(Number),
    ).resolves.toBe(CELLS);
    await expect(
      page.getByRole('checkbox', { name: 'Non-convexity map' }).isChecked(),
    ).resolves.toBe(true);
    await page.getByRole('checkbox', { name: 'Non-convexity map' }).uncheck();
    await expect(page.locator('.ls-curvature').count()).resolves.toBe(0);
    await expect.poll(() => new URL(page.url()).searchParams.has('curv'), LINK_WAIT).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('the landscape widget draws the map and legend for curv=1 and says the share in its facts line', async () => {
    const page = await env.browser.newPage({ viewport: { width: 640, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(
      `${env.app.url}embed.html?widget=landscape&controls=none&model=resnet-56&skip=off&curv=1`,
    );
    await expect(
      page.locator('.ls-curvature').getAttribute('data-cells', { timeout: 60_000 }).then(Number),
    ).resolves.toBe(CELLS);
    await expect(page.locator('.ls-curv-legend').isVisible()).resolves.toBe(true);
    await expect(page.locator('.lw-facts').textContent()).resolves.toContain(
      `${(100 * entry.roughness.nonConvexShare).toFixed(1)} % non-convex`,
    );
    await expect(page.locator('input, select, button').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('nonconvexity-embed'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
