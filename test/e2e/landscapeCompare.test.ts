import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compareGrid } from '../../src/core/view/compareGrid';
import { paperLevels } from '../../src/core/view/contourLevels';
import { parseShippedIndex } from '../../src/io/shippedIndex';
import { axeViolations } from './axe';
import {
  LINK_WAIT,
  ROOT,
  screenshotPath,
  servedBrowser,
  skipBrowser,
  watchErrors,
} from './harness';
import { pixelsAt, pixelStats, waitForPainted } from './pixels';

/**
 * The landscape page's comparison view (issue 10): every shipped random-direction slice as small
 * multiples on one colour scale, a panel opened large (in the link, closed by Esc and by Back),
 * the paper's levels, 3D under one camera, and axe at 1280 and 360 px; and the same grid as the
 * `landscape-grid` embed widget.
 */
const env = servedBrowser('landscape-compare-dist', ['landscape', 'embed']);

const publicJson = (path: string) =>
  JSON.parse(readFileSync(resolve(ROOT, 'public', path), 'utf8')) as Record<string, unknown>;
const GRID = compareGrid(parseShippedIndex(publicJson('landscapes/index.json')).entries!);

async function openCompare(query: string, width: number, height = 900) {
  const page = await env.browser.newPage({ viewport: { width, height } });
  const errors = watchErrors(page);
  await page.goto(`${env.app.url}landscape.html?compare=1${query}`);
  await page
    .locator('.lc-panel .ls-contour')
    .nth(GRID.cells.length - 1)
    .waitFor({ timeout: 60_000 });
  return { page, errors };
}

const panel = (page: Page, model: string) => page.locator(`.lc-panel[data-model="${model}"]`);
const attrs = (page: Page, sel: string, name: string) =>
  page.locator(sel).evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);

/** The band a loss falls in: the last threshold at or below it. */
const bandOf = (levels: readonly number[], v: number) => levels.filter((l) => l <= v).length - 1;

/**
 * Grid nodes of a shipped slice whose whole 3×3 neighbourhood lies in one band (so the pixel at
 * the node is that band's fill), off the map's cross-hairs and edges: band → a node's (α, β).
 */
function solidNodes(model: string, levels: readonly number[]) {
  const j = publicJson(`landscapes/${model}.json`) as {
    xcoordinates: number[];
    ycoordinates: number[];
    train_loss: number[];
  };
  const xs = j.xcoordinates,
    ys = j.ycoordinates,
    nx = xs.length;
  const band = (i: number, k: number) => bandOf(levels, j.train_loss[k * nx + i]);
  const out = new Map<number, { a: number; b: number }>();
  for (let k = 1; k < ys.length - 1; k++)
    for (let i = 1; i < nx - 1; i++) {
      if (Math.abs(xs[i]) < 1e-9 || Math.abs(ys[k]) < 1e-9) continue;
      const b = band(i, k);
      let solid = true;
      for (let dk = -1; dk <= 1; dk++)
        for (let di = -1; di <= 1; di++) if (band(i + di, k + dk) !== b) solid = false;
      if (solid && !out.has(b)) out.set(b, { a: xs[i], b: ys[k] });
    }
  return out;
}

/** The pixel colour at (α, β) of a panel's map, read from a screenshot of its SVG (`shot`). */
async function colourAt(page: Page, map: Locator, shot: Buffer, a: number, b: number) {
  const box = await map.evaluate((svg) => {
    const s = svg.getBoundingClientRect();
    const p = svg.querySelector('.ls-plot-bg')!.getBoundingClientRect();
    return { x: p.left - s.left, y: p.top - s.top, w: p.width, h: p.height };
  });
  const u = (a + 1) / 2,
    v = (b + 1) / 2;
  const [rgb] = await pixelsAt(page, shot, [[box.x + u * box.w, box.y + (1 - v) * box.h]]);
  return rgb;
}

describe.skipIf(skipBrowser)('the comparison view (issue 10)', { timeout: 300_000 }, () => {
  it('draws every shipped slice on one colour scale: equal levels everywhere, and the same loss in the same colour', async () => {
    const { page, errors } = await openCompare('', 1280);
    expect(GRID.cells.length).toBeGreaterThanOrEqual(6);
    const models = await attrs(page, '.lc-panel:not(.lc-empty)', 'data-model');
    expect(models).toEqual(GRID.cells.map((c) => c.model));
    // A row whose twin is not shipped keeps its place and says so.
    const gaps = GRID.groups.flatMap((g) =>
      g.rows.flatMap((r) => r.cells.flatMap((c, i) => (c ? [] : [`${r.label} ${i}`]))),
    );
    await expect(page.locator('.lc-empty').count()).resolves.toBe(gaps.length);
    for (const t of await page.locator('.lc-empty').allTextContents())
      expect(t).toMatch(/: no slice shipped\.$/);
    // Every panel drew: many colours, mostly not the background.
    for (const c of GRID.cells)
      await expect(panel(page, c.model).locator('.lc-acc').textContent()).resolves.toBe(
        `${c.testAccuracy!.toFixed(1)} % test accuracy`,
      );
    // One screenshot per map (a tall page's element shot takes seconds), kept for the colours below.
    const shots = new Map<string, Buffer>();
    for (const m of models) {
      shots.set(m!, await panel(page, m!).locator('.ls-contour').screenshot());
      const s = await pixelStats(page, shots.get(m!)!);
      expect(s.distinct, m!).toBeGreaterThan(20);
      expect(s.nonBackground / s.total, m!).toBeGreaterThan(0.2);
    }
    // One scale: every map's range and levels are the grid's, and its one colour bar's.
    for (const a of ['data-scale-min', 'data-scale-max', 'data-levels'])
      expect(new Set(await attrs(page, '.lc-panel .ls-contour', a)).size, a).toBe(1);
    const levelsText = await page.locator('.lc-bar-svg').getAttribute('data-levels');
    expect(await attrs(page, '.lc-panel .ls-contour', 'data-levels')).toContain(levelsText);
    expect(await page.locator('.lc-panel .colour-bar').count()).toBe(0);
    const levels = levelsText!.split(' ').map(Number);
    expect(levels.length).toBeGreaterThan(10);

    // The same band in two panels is the same colour on screen.
    const first = solidNodes(models[0]!, levels);
    let compared = 0;
    for (const m of models.slice(1)) {
      const other = solidNodes(m!, levels);
      const shared = [...first.keys()].find((b) => other.has(b));
      if (shared === undefined) continue;
      const p = first.get(shared)!,
        q = other.get(shared)!;
      const map = (k: string) => panel(page, k).locator('.ls-contour');
      const c0 = await colourAt(page, map(models[0]!), shots.get(models[0]!)!, p.a, p.b);
      const c1 = await colourAt(page, map(m!), shots.get(m!)!, q.a, q.b);
      const d = Math.abs(c0[0] - c1[0]) + Math.abs(c0[1] - c1[1]) + Math.abs(c0[2] - c1[2]);
      expect(d, `band ${shared}: ${models[0]} ${c0} vs ${m} ${c1}`).toBeLessThanOrEqual(6);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(2);
    // At the top, where the sticky colour bar sits in its place (element shots scrolled).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('landscape-compare-1280'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // The paper's levels: upstream's fixed 0.1 … 10 (over a 0 floor), the same in every panel.
    await page.getByRole('button', { name: /Paper's levels/ }).click();
    await expect.poll(() => page.url(), LINK_WAIT).toContain('levels=paper');
    const paper = ['0', ...paperLevels().map(String)].join(' ');
    await expect
      .poll(async () => [...new Set(await attrs(page, '.lc-panel .ls-contour', 'data-levels'))])
      .toEqual([paper]);
    expect(await page.locator('.lc-bar-svg').getAttribute('data-levels')).toBe(paper);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('landscape-compare-paper-1280'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
    // A guard, not a measure: nine element screenshots of a tall page take 100–200 s here.
  }, 600_000);

  it('a click opens one panel large, in the link; Esc and Back return to the grid', async () => {
    const { page, errors } = await openCompare('', 1280);
    const dialog = page.getByRole('dialog');
    const ns = GRID.cells.find((c) => !c.key.skip)!;
    await panel(page, ns.model).locator('.lc-figure').click();
    await dialog.waitFor();
    expect(await dialog.getAttribute('data-model')).toBe(ns.model);
    await expect.poll(() => page.url(), LINK_WAIT).toContain(`open=${ns.model}`);
    await expect(dialog.locator('h2').textContent()).resolves.toContain(ns.label);
    // Its sentence reads the numbers the panel shows (core/view/sliceReading).
    const tv = (publicJson(ns.file) as { roughness: { tvLogLoss: number } }).roughness.tvLogLoss;
    const tvText = Number(tv.toPrecision(3)).toString();
    await expect(dialog.locator('.lc-reading').textContent()).resolves.toContain(
      `roughness ${tvText}`,
    );
    await expect(panel(page, ns.model).locator('.lc-numbers').textContent()).resolves.toContain(
      `TV of log loss${tvText}`,
    );
    await waitForPainted(page, dialog.locator('.ls-contour'));
    await page.screenshot({ path: screenshotPath('landscape-compare-open-1280') });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.url(), LINK_WAIT).not.toContain('open=');
    expect(page.url()).toContain('compare=1');
    // Focus is back on the title of the panel that was open.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(ns.label);

    // Keyboard: Enter on a focused panel's title opens it; Back closes it.
    const other = GRID.cells[0];
    await panel(page, other.model).getByRole('button', { name: other.label }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.getAttribute('data-model')).toBe(other.model);
    await expect.poll(() => page.url(), LINK_WAIT).toContain(`open=${other.model}`);
    await page.goBack();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.url(), LINK_WAIT).not.toContain('open=');
    expect(page.url()).toContain('compare=1');
    expect(await page.locator('.lc-panel:not(.lc-empty)').count()).toBe(GRID.cells.length);

    // From the large view to the single-model view of that model; Back returns to the grid.
    await panel(page, ns.model).locator('.lc-figure').click();
    await dialog.getByRole('button', { name: 'Open in the single-model view' }).click();
    await page.getByRole('region', { name: 'Contour map' }).waitFor();
    await expect.poll(() => page.url(), LINK_WAIT).toContain(`model=resnet-${ns.key.depth}`);
    expect(page.url()).not.toContain('compare=1');
    expect(page.url()).toContain('skip=off');
    await page.goBack();
    await page.locator('.lc-panel').first().waitFor();
    expect(await dialog.count()).toBe(0);

    // A link straight to an open panel opens it.
    await page.goto(`${env.app.url}landscape.html?compare=1&open=${ns.model}`);
    await dialog.waitFor({ timeout: 60_000 });
    expect(await dialog.getAttribute('data-model')).toBe(ns.model);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at 360 px, dark and large type: one column, no sideways scroll, axe clean', async () => {
    const { page, errors } = await openCompare('&theme=dark&large=1', 360, 800);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    const xs = await page
      .locator('.lc-panel')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(new Set(xs).size).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('landscape-compare-360-dark') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('3D: every panel in 3D, and turning one turns them all (one camera)', async () => {
    const { page, errors } = await openCompare('', 1280);
    await page.getByRole('checkbox', { name: '3D, one camera for all' }).check();
    await expect.poll(() => page.url(), LINK_WAIT).toContain('view3d=1');
    const views = page.locator('.lc-panel .surface3d-view');
    await expect.poll(() => views.count(), { timeout: 60_000 }).toBe(GRID.cells.length);
    await waitForPainted(page, views.first().locator('canvas'));
    const cams = () => attrs(page, '.lc-panel .surface3d-view', 'data-camera');
    await expect.poll(async () => new Set(await cams()).size, { timeout: 60_000 }).toBe(1);
    const before = (await cams())[0];
    await views.nth(1).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await expect
      .poll(async () => {
        const c = await cams();
        return new Set(c).size === 1 && c[0] !== before;
      }, LINK_WAIT)
      .toBe(true);
    // The moved camera reaches the link as cam=.
    await expect.poll(() => page.url(), LINK_WAIT).toContain('cam=');
    await waitForPainted(page, views.last().locator('canvas'));
    await page.screenshot({ path: screenshotPath('landscape-compare-3d-1280'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the landscape-grid widget at 360 px: every panel on one scale, its own controls, a panel opens without touching history', async () => {
    const page = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(
      `${env.app.url}embed.html?widget=landscape-grid&levels=paper&figure_hide=1&theme=dark`,
    );
    const maps = page.locator('.lc-panel .ls-contour');
    await maps.nth(GRID.cells.length - 1).waitFor({ timeout: 60_000 });
    const paper = ['0', ...paperLevels().map(String)].join(' ');
    expect([...new Set(await attrs(page, '.lc-panel .ls-contour', 'data-levels'))]).toEqual([
      paper,
    ]);
    expect(new Set(await attrs(page, '.lc-panel .ls-contour', 'data-scale-max')).size).toBe(1);
    await waitForPainted(page, maps.first());
    // levels is offered, figure hidden by figure_hide=1.
    expect(await page.getByRole('button', { name: /Paper's levels/ }).count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: /3D/ }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(await axeViolations(page)).toEqual([]);
    const before = await page.evaluate(() => history.length);
    await panel(page, GRID.cells[1].model).getByRole('button').first().click();
    await page.getByRole('dialog').waitFor();
    expect(await page.evaluate(() => history.length)).toBe(before);
    expect(await page.getByRole('button', { name: /single-model view/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.screenshot({ path: screenshotPath('landscape-grid-widget-360'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
