/**
 * Readable at any size (#11): large type never narrows a slider; a diverged racer does not squash
 * the others' loss curves; every chart's tick text is at least 11 CSS px at 360 px wide (and
 * larger with large type); the pointer readout under both pages' contour maps says the loss the
 * surface (race) or the grid (landscape) has there.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getSurface } from '../../src/core/surfaces/registry';
import { gridValueAt } from '../../src/core/view/pointReadout';
import {
  ROOT,
  screenshotPath,
  servedBrowser,
  skipBrowser,
  waitForRace,
  watchErrors,
} from './harness';

const env = servedBrowser('e2e-legible', ['main', 'landscape']);
/** Each test opens two to four pages; a loaded machine takes up to ~30 s for one. */
const SLOW = 240_000;

async function open(query: string, width: number, height = 1000) {
  const page = await env.browser.newPage({ viewport: { width, height } });
  const errors = watchErrors(page);
  // A race query ('?…') opens race.html; a path ('landscape.html?…') opens that page.
  await page.goto(env.app.url + (query.startsWith('?') ? 'race.html' + query : query));
  return { page, errors };
}

const sliderWidths = (page: Page) =>
  page.$$eval('.slider input[type=range]', (els) =>
    els.map((e) => e.getBoundingClientRect().width),
  );

/** Rendered size (CSS px) of every visible tick label in `scope`: font size × the SVG's scale. */
const tickSizes = (page: Page, scope: string) =>
  page.$$eval(`${scope} svg .axes text`, (els) =>
    els
      .filter((e) => e.getBoundingClientRect().width > 0)
      .map((e) => {
        const m = (e as SVGTextElement).getScreenCTM()!;
        return parseFloat(getComputedStyle(e).fontSize) * Math.hypot(m.a, m.b);
      }),
  );

/** "name value" pairs of a readout ("x 0.5, y -1.25: loss 3.14"), as numbers. */
function readout(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/(x|y|α|β|loss) ([-−\d.e]+)/g))
    out[m[1]] = Number(m[2].replace(/−/g, '-'));
  return out;
}

/**
 * Moves the pointer to (u, v) of `target`'s box (0…1 from its top left) and returns the readout
 * `readoutSel` then shows, parsed, with where the pointer really is (whole pixels) as fractions.
 */
async function hover(page: Page, target: string, readoutSel: string, u: number, v: number) {
  const box = (await page.locator(target).boundingBox())!;
  const px = Math.round(box.x + u * box.width),
    py = Math.round(box.y + v * box.height);
  await page.mouse.move(px, py);
  const text = (await page.locator(readoutSel).textContent())!;
  return { text, r: readout(text), u: (px - box.x) / box.width, v: (py - box.y) / box.height };
}

const landscapeDrawn = (page: Page) =>
  page.waitForFunction(
    () => Number(document.querySelector('.ls-contour')?.getAttribute('data-bands')) > 0,
    undefined,
    { timeout: 60_000 },
  );

describe.skipIf(skipBrowser)('readable at any size', () => {
  it(
    'large type makes no slider narrower at 1280 and 1920 px',
    async () => {
      for (const width of [1280, 1920]) {
        const widths: number[][] = [];
        for (const q of ['?3d=0', '?3d=0&large=1']) {
          const { page, errors } = await open(q, width);
          await waitForRace(page);
          widths.push(await sliderWidths(page));
          expect(errors).toEqual([]);
          await page.close();
        }
        const [normal, large] = widths;
        expect(normal.length).toBeGreaterThan(5);
        expect(large).toHaveLength(normal.length);
        for (let i = 0; i < normal.length; i++)
          expect(large[i], `slider ${i} at ${width} px`).toBeGreaterThanOrEqual(normal[i] - 0.5);
      }
    },
    SLOW,
  );

  it(
    'a diverged racer leaves the other curves where they were, and is marked where it left',
    async () => {
      const extentOf = async (q: string, id: string) => {
        const { page, errors } = await open(q, 1280);
        await waitForRace(page);
        const canvas = page.locator('.loss-canvas');
        await page.waitForFunction(
          (n) => Number(document.querySelector('.loss-canvas')?.getAttribute('data-curves')) === n,
          q.split('opt=')[1].split('&')[0].split(',').length,
        );
        const all = (await canvas.getAttribute('data-extents'))!;
        const m = all.match(new RegExp(`(?:^| )${id}:([\\d.]+)-([\\d.]+)`));
        expect(m, all).not.toBeNull();
        return { page, errors, extent: Number(m![2]) - Number(m![1]) };
      };
      const alone = await extentOf('?3d=0&opt=adam', 'adam');
      await alone.page.close();
      const both = await extentOf('?3d=0&opt=adam,sgd&lr.sgd=0.05', 'adam');
      expect(alone.extent).toBeGreaterThan(20);
      expect(Math.abs(both.extent - alone.extent) / alone.extent).toBeLessThan(0.1);
      const mark = both.page.locator('.diverged-mark');
      await expect(mark.count()).resolves.toBe(1);
      await expect(mark.getAttribute('data-racer')).resolves.toBe('sgd');
      await expect(mark.locator('title').textContent()).resolves.toMatch(/diverged at step \d+/);
      await expect(both.page.locator('.diverged-note').textContent()).resolves.toMatch(
        /✕ .*diverged at step \d+/,
      );
      await both.page
        .locator('.loss-curves')
        .screenshot({ path: screenshotPath('legible-diverged-loss') });
      expect(alone.errors).toEqual([]);
      expect(both.errors).toEqual([]);
      await both.page.close();
    },
    SLOW,
  );

  it(
    'draws every chart tick at 11 px or more at 360 px, and larger in large type',
    async () => {
      const sizes: Record<string, number[]> = {};
      for (const large of [false, true]) {
        const tag = large ? 'large' : 'normal';
        const { page, errors } = await open(`?3d=0&opt=sgd,adam${large ? '&large=1' : ''}`, 360);
        await waitForRace(page);
        await page.locator('.lr-find').getByRole('button', { name: 'Run range test' }).click();
        await page.locator('path.lr-find-smoothed').waitFor();
        for (const scope of ['.contour-race', '.loss-curves', '.lr-plot', '.lr-find']) {
          const s = await tickSizes(page, scope);
          expect(s.length, `${scope} ${tag}`).toBeGreaterThan(3);
          sizes[`${scope} ${tag}`] = s;
        }
        const ls = await open(`landscape.html?model=resnet-20${large ? '&large=1' : ''}`, 360);
        await landscapeDrawn(ls.page);
        sizes[`.ls-contour ${tag}`] = await tickSizes(ls.page, '.ls-contour-box');
        expect(sizes[`.ls-contour ${tag}`].length).toBeGreaterThan(3);
        expect([...errors, ...ls.errors]).toEqual([]);
        await ls.page.close();
        await page.close();
      }
      for (const [k, s] of Object.entries(sizes))
        for (const px of s) expect(px, k).toBeGreaterThanOrEqual(11);
      for (const scope of ['.contour-race', '.loss-curves', '.lr-plot', '.lr-find', '.ls-contour'])
        expect(Math.min(...sizes[`${scope} large`])).toBeGreaterThan(
          Math.max(...sizes[`${scope} normal`]),
        );
    },
    SLOW,
  );

  it(
    'reads (x, y, loss) under the pointer on the race contour from the surface itself',
    async () => {
      const { page, errors } = await open('?3d=0&surface=rosenbrock', 1280);
      await waitForRace(page);
      const surface = getSurface('rosenbrock');
      const { xmin, xmax, ymin, ymax } = surface.domain;
      for (const [u0, v0] of [
        [0.3, 0.4],
        [0.75, 0.8],
      ]) {
        const { text, r, u, v } = await hover(
          page,
          '.race-svg',
          '.contour-race .pointer-readout',
          u0,
          v0,
        );
        const x = xmin + u * (xmax - xmin),
          y = ymax - v * (ymax - ymin);
        expect(r.x, text).toBeCloseTo(x, 1);
        expect(r.y, text).toBeCloseTo(y, 1);
        expect(Math.abs(r.loss / surface.value(x, y) - 1), text).toBeLessThan(0.02);
      }
      await expect(
        page.locator('.contour-race .pointer-readout').getAttribute('aria-live'),
      ).resolves.toBe('polite');
      expect(errors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  it(
    'reads (α, β, loss) under the pointer on the landscape contour from its grid',
    async () => {
      const { page, errors } = await open('landscape.html?model=resnet-20', 1280);
      await landscapeDrawn(page);
      const json = JSON.parse(
        readFileSync(resolve(ROOT, 'public/landscapes/resnet-20.json'), 'utf8'),
      ) as { xcoordinates: number[]; ycoordinates: number[]; train_loss: number[] };
      const grid = { xs: json.xcoordinates, ys: json.ycoordinates, values: json.train_loss };
      for (const [u0, v0] of [
        [0.31, 0.62],
        [0.5, 0.5],
      ]) {
        const { text, r, u, v } = await hover(
          page,
          '.ls-contour .ls-plot-bg',
          '.ls-contour-box .pointer-readout',
          u0,
          v0,
        );
        const a = -1 + u * 2,
          b = 1 - v * 2;
        expect(r.α, text).toBeCloseTo(a, 1);
        expect(r.β, text).toBeCloseTo(b, 1);
        expect(Math.abs(r.loss / gridValueAt(grid, a, b) - 1), text).toBeLessThan(0.02);
      }
      await page
        .locator('.ls-contour-box')
        .screenshot({ path: screenshotPath('legible-ls-readout') });
      expect(errors).toEqual([]);
      await page.close();
    },
    SLOW,
  );
});
