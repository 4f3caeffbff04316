/**
 * A cancelled recompute draws no loss where none was computed: the rows it did not reach are an
 * opaque grey hatch on the contour (no band colour, no high-loss wall), the rows it did reach
 * are bands. Pixels measured on the built page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, servedBrowser, skipBrowser, watchErrors } from './harness';

const env = servedBrowser('landscape-cancel-e2e-dist', ['landscape']);

/**
 * Points per side, and images per point: a row takes seconds on WASM, so Cancel lands mid-grid
 * on a fast machine too, and a loaded one still reads the click before the grid is done.
 */
const RES = 41,
  SAMPLES = 64;

/** Pixels of a page region: how many, how many are coloured (a band), and their distinct greys. */
async function regionColours(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
): Promise<{ total: number; coloured: number; greys: number }> {
  const png = await page.screenshot({ clip });
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    let coloured = 0;
    const greys = new Set<number>();
    for (let i = 0; i < d.length; i += 4) {
      // Every band colour is viridis, whose channels differ by ≥ 60; the hatch is greys.
      const spread = Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]);
      if (spread > 24) coloured++;
      else greys.add(d[i]);
    }
    return { total: d.length / 4, coloured, greys: greys.size };
  }, png.toString('base64'));
}

/** A box shrunk by `m` CSS pixels on every side (away from antialiased edges). */
const inset = (b: { x: number; y: number; width: number; height: number }, m: number) => ({
  x: b.x + m,
  y: b.y + m,
  width: b.width - 2 * m,
  height: b.height - 2 * m,
});

describe.skipIf(skipBrowser)('a cancelled recompute on the landscape page', () => {
  it('hatches the rows it did not compute (no band colour there) and draws bands where it did', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = watchErrors(page);
    // init=1: fresh weights (the test does not depend on shipped ones).
    await page.goto(
      `${env.app.url}landscape.html?model=resnet-20&res=${RES}&samples=${SAMPLES}&init=1`,
    );
    await page.getByRole('button', { name: 'Recompute on my GPU' }).click();
    // Past the 7×7 preview and at least two rows into the full grid, then Cancel.
    await page.waitForFunction(
      (rows) => {
        const m = document
          .querySelector('.ls-progress span')
          ?.textContent?.match(/full grid (\d+)/);
        return m !== null && m !== undefined && Number(m[1]) >= rows;
      },
      2 * RES,
      { timeout: 180_000, polling: 50 },
    );
    // A page shared with a busy machine can take many seconds to take the click.
    await page.getByRole('button', { name: 'Cancel' }).click({ timeout: 120_000 });
    await page.waitForSelector('[data-status=cancelled]', { timeout: 60_000 });
    const [done, total] = await page
      .locator('progress')
      .evaluate((p: HTMLProgressElement) => [p.value, p.max]);
    expect(done).toBeGreaterThanOrEqual(2 * RES);
    expect(done).toBeLessThan(total);
    // The worker stopped with no tensor left over (the status line reports its count).
    const svg = page.getByRole('img', { name: 'Landscape contour', exact: true });
    await expect(svg.locator('.ls-not-computed').count()).resolves.toBe(1);
    // No coarse preview stands in any more: nothing is marked "preview".
    await expect(svg.locator('.ls-pending').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('landscape-cancel'), fullPage: true });

    // The hatch: the rectangles of the missing rows. The tallest is the rows never started.
    const boxes = await svg.locator('.ls-not-computed rect[fill^="url"]').evaluateAll((rs) =>
      rs.map((r) => {
        const b = r.getBoundingClientRect();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(1);
    const missing = boxes.reduce((a, b) => (b.height > a.height ? b : a));
    const rowsLeft = RES - Math.floor(done / RES);
    const plot = (await svg.locator('.ls-plot-bg').boundingBox())!;
    // The hatch spans the plot's width and the rows not computed (rows grow upwards from β = −1).
    expect(missing.width).toBeCloseTo(plot.width, 0);
    expect(missing.height / plot.height).toBeGreaterThan((rowsLeft - 1.5) / (RES - 1));
    const hatch = await regionColours(page, inset(missing, 3));
    expect(hatch.coloured, 'band-coloured pixels in the not-computed rows').toBe(0);
    expect(hatch.greys, 'the hatch is drawn (more than one grey)').toBeGreaterThan(1);

    // The computed rows, below the hatch: bands, coloured.
    const computedBox = {
      x: plot.x,
      y: missing.y + missing.height,
      width: plot.width,
      height: plot.y + plot.height - (missing.y + missing.height),
    };
    expect(computedBox.height).toBeGreaterThan(4);
    const computed = await regionColours(page, inset(computedBox, 2));
    expect(computed.coloured / computed.total).toBeGreaterThan(0.8);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
