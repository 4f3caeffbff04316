import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../src/ui/embed/widgets';
import { LESSONS } from '../../src/ui/lessons/registry';
import { axeViolations } from './axe';
import { screenshotPath, servedBrowser, skipBrowser, watchErrors } from './harness';
import { pixelStats, waitForPainted } from './pixels';

const env = servedBrowser('e2e-embed-race', ['embed']);

const RACE_KINDS = WIDGETS.filter((w) => w.family === 'race').map((w) => w.id);

/** Form controls a frame shows (the footer link is a link, not one of them). */
const FORM_CONTROLS = 'input, button, select, textarea, [role="slider"], [role="button"]';

async function open(query: string, width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage({ viewport: { width, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(`${env.app.url}embed.html?${query}`);
  return { page, errors };
}

/** The element that shows a kind's picture once the race is computed and drawn. */
async function drawnFigure(page: Page, kind: string) {
  const target = {
    race: '.contour-race .race-svg',
    contour: '.contour-race .race-svg',
    surface3d: '.surface-3d canvas',
    'loss-curves': '.loss-curves .chart-stack',
    schedule: '.lr-plot svg',
  }[kind]!;
  await page.waitForSelector(target, { timeout: 30_000 });
  if (kind === 'race' || kind === 'contour')
    await page.waitForFunction(
      () => Number(document.querySelector('.race-bands')?.getAttribute('data-bands')) > 0,
      undefined,
      { timeout: 30_000 },
    );
  if (kind === 'loss-curves')
    await page.waitForFunction(
      () => Number(document.querySelector('.loss-canvas')?.getAttribute('data-curves')) > 0,
      undefined,
      { timeout: 30_000 },
    );
  if (kind === 'schedule')
    await page.waitForSelector('.lr-plot path.curve', { state: 'attached', timeout: 30_000 });
  const figure = page.locator(target).first();
  await waitForPainted(page, figure, 8);
  return figure;
}

describe.skipIf(skipBrowser)('embed.html race-family widgets', () => {
  for (const kind of RACE_KINDS)
    it(`${kind}: draws at 360 px with controls=none (no form control) and at 1280 px with compact controls, no console errors, axe clean`, async () => {
      const narrow = await open(`widget=${kind}&controls=none`, 360);
      const figure = await drawnFigure(narrow.page, kind);
      const stats = await pixelStats(
        narrow.page,
        await figure.screenshot({ path: screenshotPath(`embed-${kind}-360`) }),
      );
      expect(stats.distinct).toBeGreaterThan(8);
      expect(stats.nonBackground / stats.total).toBeGreaterThan(0.02);
      expect(await narrow.page.locator(FORM_CONTROLS).count()).toBe(0);
      const links = narrow.page.locator('a');
      expect(await links.count()).toBe(1);
      expect(await links.getAttribute('target')).toBe('_blank');
      expect(await links.getAttribute('rel')).toBe('noopener');
      expect(await links.getAttribute('href')).toMatch(/^race\.html\?/);
      // Nothing wider than the frame.
      expect(
        await narrow.page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(360);
      expect(await axeViolations(narrow.page)).toEqual([]);
      expect(narrow.errors).toEqual([]);
      await narrow.page.close();

      const wide = await open(`widget=${kind}`, 1280);
      const wideFigure = await drawnFigure(wide.page, kind);
      expect((await pixelStats(wide.page, await wideFigure.screenshot())).distinct).toBeGreaterThan(
        8,
      );
      await wide.page.screenshot({ path: screenshotPath(`embed-${kind}-1280`) });
      for (const name of WIDGETS.find((w) => w.id === kind)!.controls)
        expect(await wide.page.locator(`[data-control="${name}"]`).count()).toBe(1);
      expect(await axeViolations(wide.page)).toEqual([]);
      expect(wide.errors).toEqual([]);
      await wide.page.close();
    }, 120_000);

  it('controls=full shows the race page’s column and transport; theme and large reach the page', async () => {
    const { page, errors } = await open('widget=race&controls=full&theme=dark&large=1', 1280);
    await drawnFigure(page, 'race');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => document.documentElement.classList.contains('large'))).toBe(
      true,
    );
    await expect(page.getByRole('complementary', { name: 'Controls' }).count()).resolves.toBe(1);
    await expect(page.getByRole('group', { name: 'Playback' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Add racer' }).count()).resolves.toBe(1);
    expect(await page.locator('a').getAttribute('href')).toMatch(
      /theme=dark.*large=1|large=1.*theme=dark/,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('hides a control named by <name>_hide=1, and autoplay plays the race from the start', async () => {
    const { page, errors } = await open('widget=contour&lr_hide=1&autoplay=1&steps=2000', 1280);
    await drawnFigure(page, 'contour');
    expect(await page.locator('[data-control="lr"]').count()).toBe(0);
    expect(await page.locator('[data-control="play"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 30_000 });
    const step = page.locator('[data-control="step"]');
    const first = Number(await step.inputValue());
    await expect
      .poll(async () => Number(await step.inputValue()), { timeout: 20_000, interval: 200 })
      .toBeGreaterThan(first);
    expect(first).toBeLessThan(2000);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('names a bad link value in plain text and still draws the figure at its default', async () => {
    const { page, errors } = await open(
      'widget=contour&controls=bogus&lr.sgd=-1&lr_hide=<b>x</b>&steps=50',
      360,
    );
    await drawnFigure(page, 'contour');
    const notices = page.getByRole('list', { name: "Problems with this widget's link" });
    const text = await notices.innerText();
    expect(text).toContain("'controls'");
    expect(text).toContain("'lr.sgd'");
    expect(await notices.locator('b').count()).toBe(0); // text, never markup from the link
    // compact is the default: the controls show.
    expect(await page.locator('[data-control="play"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  const figure = LESSONS.flatMap((l) => l.figures).find(
    (f) => WIDGETS.find((w) => w.id === f.widget)?.family === 'race',
  );
  it.skipIf(!figure)(
    'draws a lesson figure by its id, with no notice',
    async () => {
      const { page, errors } = await open(`widget=${figure!.id}&controls=none`, 1280);
      await drawnFigure(page, figure!.widget);
      expect(await page.locator('.embed-notices').count()).toBe(0);
      expect(await page.locator('a').getAttribute('href')).toMatch(/^race\.html\?.*opt=/);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );
});
