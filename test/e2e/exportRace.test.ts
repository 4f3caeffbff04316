/**
 * The race page's Export menu: every file downloads and is what it says. A PNG is a PNG of the
 * figure's on-screen CSS size × the scale, not blank; the SVG parses as XML with a path per band;
 * the CSV has one row per step per racer; the JSON carries the link; the GIF is an animated
 * GIF89a; the WebM starts with the EBML magic (or the menu says why this browser cannot make one).
 * axe-core checks the open menu.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { screenshotPath, servedBrowser, skipBrowser, waitForRace, watchErrors } from './harness';
import { pixelStats } from './pixels';

const env = servedBrowser('e2e-export-race');

/** Clicks the menu's button named `name` and returns the file it downloads. */
async function download(page: Page, name: string): Promise<{ file: string; bytes: Buffer }> {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return { file: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** Width and height from a PNG's IHDR, after checking its signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The CSS size of the first element matching `selector`. */
const cssSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((e) => ({ width: e.clientWidth, height: e.clientHeight }));

describe.skipIf(skipBrowser)('exporting the race', () => {
  it('saves PNG, SVG, CSV, JSON, GIF and WebM files of what the page shows', async () => {
    const page = await env.browser.newPage({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const errors = watchErrors(page);
    await page.goto(env.app.url + 'race.html?surface=rosenbrock&opt=adam,sgd&steps=40&3d=0');
    await waitForRace(page);
    await page.getByRole('button', { name: 'Export…' }).click();
    const panel = page.getByRole('group', { name: 'Export the race' });
    await panel.waitFor();
    expect(await axeViolations(page, '.export-menu')).toEqual([]);
    await panel.screenshot({ path: screenshotPath('export-menu') });

    // PNG of the contour map at 2×: the figure's CSS size doubled, and a real picture.
    const map = await cssSize(page, '.contour-race .race-frame');
    await page.getByLabel('2×').check();
    const png = await download(page, 'Contour map as PNG');
    expect(png.file).toBe('race-rosenbrock-contour@2x.png');
    expect(pngSize(png.bytes)).toEqual({ width: map.width * 2, height: map.height * 2 });
    writeFileSync(screenshotPath('export-contour@2x'), png.bytes);
    const stats = await pixelStats(page, png.bytes);
    expect(stats.distinct).toBeGreaterThan(100);
    expect(stats.nonBackground / stats.total).toBeGreaterThan(0.3);

    // The loss chart at 4× and 1×.
    const chart = await cssSize(page, '.loss-curves .chart-stack');
    await page.getByLabel('4×').check();
    const loss4 = await download(page, 'Loss curves as PNG');
    expect(loss4.file).toBe('race-rosenbrock-loss@4x.png');
    expect(pngSize(loss4.bytes)).toEqual({ width: chart.width * 4, height: chart.height * 4 });
    await page.getByLabel('1×').check();
    const loss1 = await download(page, 'Loss curves as PNG');
    expect(pngSize(loss1.bytes)).toEqual(chart);
    writeFileSync(screenshotPath('export-loss@1x'), loss1.bytes);
    expect((await pixelStats(page, loss1.bytes)).distinct).toBeGreaterThan(20);

    // SVG: parses as XML, a band path per contour band on the page, no script.
    const bands = Number(await page.locator('.race-bands').getAttribute('data-bands'));
    const svg = await download(page, 'Contour map as SVG');
    expect(svg.file).toBe('race-rosenbrock-contour.svg');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        bands: doc.querySelectorAll('path.band').length,
        trajectories: doc.querySelectorAll('path.trajectory').length,
        scripts: doc.querySelectorAll('script').length,
      };
    }, svg.bytes.toString('utf8'));
    expect(parsed).toEqual({ error: null, bands, trajectories: 2, scripts: 0 });
    const lossSvg = await download(page, 'Loss curves as SVG');
    expect(lossSvg.bytes.toString('utf8')).toContain('class="curve"');

    // CSV: a header, then one row per step per racer (41 rows each: the start and 40 steps).
    const csv = await download(page, 'Runs as CSV');
    expect(csv.file).toBe('race-rosenbrock-runs.csv');
    const rows = csv.bytes.toString('utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe('racer,label,optimizer,step,x,y,loss,lr');
    expect(rows).toHaveLength(1 + 2 * 41);
    expect(rows.filter((r) => r.startsWith('adam,'))).toHaveLength(41);
    expect(rows.filter((r) => r.startsWith('sgd,'))).toHaveLength(41);

    const json = JSON.parse((await download(page, 'Runs as JSON')).bytes.toString('utf8'));
    expect(json.link).toMatch(/^race\.html\?.*surface=rosenbrock.*\bopt=adam,sgd\b/);
    expect(json.racers.map((r: { key: string }) => r.key)).toEqual(['adam', 'sgd']);

    // GIF: the header and more than one frame (a graphic control block per frame).
    const t0 = Date.now();
    const gif = await download(page, 'Animated race as GIF');
    const gifMs = Date.now() - t0;
    expect(gif.file).toBe('race-rosenbrock-animated.gif');
    expect(gif.bytes.toString('latin1', 0, 6)).toBe('GIF89a');
    const frames = gif.bytes.toString('latin1').split('\x21\xf9\x04').length - 1;
    expect(frames).toBe(41);
    // Decoded as a browser shows it (later frames are drawn over the ones before): the last
    // frame has the whole paths, so it differs from the first, and neither is blank.
    const decoded = await page.evaluate(async (b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const decoder = new ImageDecoder({ data, type: 'image/gif' });
      await decoder.tracks.ready;
      const count = decoder.tracks.selectedTrack!.frameCount;
      const look = async (frameIndex: number) => {
        const { image } = await decoder.decode({ frameIndex });
        const c = new OffscreenCanvas(image.displayWidth, image.displayHeight);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        image.close();
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        return { d, colours: new Set(d.filter((_, i) => i % 4 === 0)).size };
      };
      const [a, b] = [await look(0), await look(count - 1)];
      let changed = 0;
      for (let i = 0; i < a.d.length; i += 4)
        if (a.d[i] !== b.d[i] || a.d[i + 2] !== b.d[i + 2]) changed++;
      return { count, first: a.colours, last: b.colours, changed };
    }, gif.bytes.toString('base64'));
    expect(decoded.count).toBe(41);
    expect(decoded.first).toBeGreaterThan(20);
    expect(decoded.last).toBeGreaterThan(20);
    expect(decoded.changed).toBeGreaterThan(100);

    // WebM, where this Chromium can record it; else the menu says so and the button is off.
    const webmButton = page.getByRole('button', { name: 'Animated race as WebM' });
    if (await webmButton.isDisabled()) {
      await expect.poll(() => panel.textContent()).toContain('cannot record WebM');
    } else {
      const webm = await download(page, 'Animated race as WebM');
      expect(webm.file).toBe('race-rosenbrock-animated.webm');
      expect([...webm.bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    }
    console.log(
      `export: contour@2x ${png.bytes.length} B, gif ${gif.bytes.length} B in ${gifMs} ms`,
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('cancels an animation: no file, the menu says so and works again; Escape closes it', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(env.app.url + 'race.html?surface=rosenbrock&opt=adam&steps=400&3d=0');
    await waitForRace(page);
    await page.getByRole('button', { name: 'Export…' }).click();
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Animated race as GIF' }).click();
    const progress = page.getByRole('progressbar', { name: 'Making the GIF' });
    await progress.waitFor();
    expect(await axeViolations(page, '.export-menu')).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('.export-status').textContent()).toBe('Export cancelled.');
    expect(await progress.count()).toBe(0);
    expect(downloads).toBe(0);
    expect(await page.getByRole('button', { name: 'Animated race as GIF' }).isEnabled()).toBe(true);
    // Escape closes the menu and gives the focus back to its button.
    await page.keyboard.press('Escape');
    expect(await page.locator('.export-panel').count()).toBe(0);
    const opener = page.getByRole('button', { name: 'Export…' });
    expect(await opener.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  }, 150_000);
});
