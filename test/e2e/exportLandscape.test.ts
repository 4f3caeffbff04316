/**
 * The landscape page's Export card on the built page: the shown precomputed slice saved as .h5
 * and opened again through "Open .h5" shows the same numbers; the contour and 3D PNGs are valid,
 * of the size asked for and not blank; CSV has a row per point; SVG parses; a 1-D file's line
 * exports; axe finds nothing serious in the card; the console stays clean.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contourFrame } from '../../src/core/view/contourFrame';
import { emptySurfaceGrid, writeSurfaceH5 } from '../../src/io/surfaceFile';
import { contourExportWidth } from '../../src/ui/landscape/export/contourSvg';
import { lineExportSize } from '../../src/ui/landscape/export/lineChartSvg';
import { LANDSCAPE_SIZES } from '../../src/ui/landscape/landscapeTheme';
import { axeViolations } from './axe';
import { ARTIFACTS, screenshotPath, servedBrowser, skipBrowser, watchErrors } from './harness';
import { pixelStats } from './pixels';

const env = servedBrowser('export-landscape-e2e', ['landscape']);

const contourSvgEl = (page: Page) =>
  page.locator('section[aria-label="Contour map"] svg.ls-contour');
const exportCard = (page: Page) => page.locator('section.ls-export');

/** Clicks an Export button and returns the file the browser downloads. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    exportCard(page).getByRole('button', { name: button, exact: true }).click(),
  ]);
  const file = { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
  // Kept to look at: test-artifacts/export-landscape/<name>.
  const dir = resolve(ARTIFACTS, 'export-landscape');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, file.name), file.bytes);
  return file;
}

/** Width and height from a PNG's IHDR, after checking its signature. */
function pngSize(b: Buffer): { width: number; height: number } {
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * What the page shows of the slice: the facts' loss range, the map's range at full precision,
 * and the contour bands' geometry (every band's path), which the values alone decide.
 */
async function readings(page: Page): Promise<string[]> {
  const svg = contourSvgEl(page);
  const paths = await svg
    .locator('.ls-bands path')
    .evaluateAll((ps) => ps.map((p) => `${p.getAttribute('fill')} ${p.getAttribute('d')}`));
  return [
    (await page
      .locator('.ls-numbers div', { hasText: 'Loss on this slice' })
      .locator('dd')
      .textContent())!,
    `${await svg.getAttribute('data-min')} … ${await svg.getAttribute('data-max')}`,
    `${paths.length} bands`,
    ...paths,
  ];
}

async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = watchErrors(page);
  await page.goto(`${env.app.url}landscape.html?model=resnet-20`);
  await page.waitForFunction(
    () =>
      Number(
        document
          .querySelector('section[aria-label="Contour map"] svg.ls-contour')
          ?.getAttribute('data-bands'),
      ) > 0,
    undefined,
    { timeout: 60_000 },
  );
  return { page, errors };
}

describe.skipIf(skipBrowser)('exports on the landscape page', () => {
  it('saves the shown precomputed slice as .h5 that "Open .h5" shows with the same values', async () => {
    const { page, errors } = await openPage();
    expect(await axeViolations(page, 'section.ls-export')).toEqual([]);
    const before = await readings(page);
    expect(before.length).toBeGreaterThan(10);
    const h5 = await download(page, 'Slice .h5');
    expect(h5.name).toBe('resnet-20-41x41.h5');
    await expect(exportCard(page).getByRole('status').textContent()).resolves.toMatch(
      /^Saved resnet-20-41x41\.h5 \(\d/,
    );
    await page.getByLabel('Open .h5', { exact: true }).setInputFiles({
      name: h5.name,
      mimeType: 'application/x-hdf5',
      buffer: h5.bytes,
    });
    await page
      .getByRole('heading', { name: `${h5.name} · your .h5 file` })
      .waitFor({ timeout: 30_000 });
    expect(await readings(page)).toEqual(before);
    await page.screenshot({ path: screenshotPath('export-landscape-reopened'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('saves the contour map and the 3D view as non-blank PNGs of the size asked for, CSV and SVG', async () => {
    const { page, errors } = await openPage();
    await exportCard(page).getByLabel('4×').check();
    const png4 = await download(page, 'Contour PNG');
    expect(png4.name).toBe('resnet-20-41x41-contour@4x.png');
    const width = contourExportWidth(LANDSCAPE_SIZES.normal.tickFont);
    const frame = contourFrame(width, 1, LANDSCAPE_SIZES.normal.tickFont);
    expect(pngSize(png4.bytes)).toEqual({ width: 4 * width, height: 4 * frame.height });
    const px = await pixelStats(page, png4.bytes);
    expect(px.distinct).toBeGreaterThan(50);
    expect(px.nonBackground / px.total).toBeGreaterThan(0.3);

    await exportCard(page).getByLabel('2×').check();
    const canvas = page.locator('section[aria-label="3D surface panel"] canvas');
    await canvas.waitFor({ timeout: 60_000 });
    const css = await canvas.evaluate((c) => c.getBoundingClientRect().toJSON() as DOMRect);
    const three = await download(page, '3D PNG');
    expect(three.name).toBe('resnet-20-41x41-3d@2x.png');
    // Rendered again at two pixels per CSS pixel (whole pixels of a fractional box).
    const got = pngSize(three.bytes);
    expect(Math.abs(got.width - 2 * css.width)).toBeLessThan(2);
    expect(Math.abs(got.height - 2 * css.height)).toBeLessThan(2);
    expect((await pixelStats(page, three.bytes)).distinct).toBeGreaterThan(50);

    const csv = (await download(page, 'Slice CSV')).bytes.toString('utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('x,y,loss,acc');
    expect(csv.length - 1).toBe(41 * 41);
    expect(csv.slice(1).every((l) => /^[-\d.e]+,[-\d.e]+,[\d.e+-]+,[\d.e+-]*$/.test(l))).toBe(true);

    const svg = (await download(page, 'Contour SVG')).bytes.toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        paths: doc.querySelectorAll('path').length,
        scripts: doc.querySelectorAll('script').length,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.scripts).toBe(0);
    expect(parsed.paths).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it("exports a 1-D file's line as CSV and a PNG of the chart", async () => {
    const { page, errors } = await openPage();
    const xs = Float64Array.from({ length: 21 }, (_, i) => -0.5 + i / 10);
    const grid = emptySurfaceGrid(xs, null, ['train_loss', 'train_acc']);
    xs.forEach((a, i) => {
      grid.values.train_loss[i] = 0.4 + 2 * (a - 1) ** 2;
      grid.values.train_acc![i] = 90 - 30 * (a - 1) ** 2;
    });
    await page.getByLabel('Open .h5', { exact: true }).setInputFiles({
      name: 'line.h5',
      mimeType: 'application/x-hdf5',
      buffer: Buffer.from(await writeSurfaceH5(grid)),
    });
    await exportCard(page)
      .getByRole('button', { name: 'Line CSV', exact: true })
      .waitFor({ timeout: 30_000 });
    expect(await axeViolations(page, 'section.ls-export')).toEqual([]);
    const csv = (await download(page, 'Line CSV')).bytes.toString('utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('alpha,loss,acc');
    expect(csv.length - 1).toBe(21);
    expect(Number(csv[16].split(',')[1])).toBeCloseTo(0.4, 12); // α = 1
    const png = await download(page, 'Line PNG');
    const size = lineExportSize(LANDSCAPE_SIZES.normal.lineFont);
    expect(pngSize(png.bytes)).toEqual({ width: 2 * size.width, height: 2 * size.height });
    expect((await pixelStats(page, png.bytes)).distinct).toBeGreaterThan(20);
    await exportCard(page).screenshot({ path: screenshotPath('export-landscape-card') });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
