/**
 * Every scene through its link (`?scene=<id>`), on one page that navigates from scene to
 * scene: the racers it names are in the legend, its card shows its title and sentences, and
 * the legend bears out its divergence and final-loss claims. Then the menu: one choice applies
 * a scene and keeps the reader's theme, the card says when the race has left the scene and
 * reloads it, closes from the keyboard, axe-core passes on it in both themes, and an unknown id
 * is named.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCENES } from '../../src/core/scenes/scenes';
import { claimRacers, type Scene } from '../../src/core/scenes/sceneSpec';
import { sceneRacerName, sceneSentences } from '../../src/state/sceneText';
import { axeViolations } from './axe';
import { servedBrowser, skipBrowser, waitForRace, watchErrors } from './harness';

const env = servedBrowser('e2e-scenes');

/** Legend rows once every racer has a final status: name → status text. */
async function legend(page: Page): Promise<Map<string, string>> {
  await page.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll('.legend-item')];
      return (
        rows.length > 0 &&
        rows.every((li) => /step \d+/.test(li.querySelector('.legend-status')?.textContent ?? ''))
      );
    },
    undefined,
    { timeout: 30_000 },
  );
  const rows = await page.$$eval('.legend-item', (lis) =>
    lis.map((li) => [
      li.querySelector('strong')?.textContent ?? '',
      li.querySelector('.legend-status')?.textContent ?? '',
    ]),
  );
  return new Map(rows as [string, string][]);
}

/** "loss 1e−9 at step 300" → 1e-9. */
const shownLoss = (status: string) => Number(/loss (\S+)/.exec(status)?.[1].replace('−', '-'));

async function checkScene(page: Page, scene: Scene): Promise<void> {
  await page.goto(`${env.app.url}race.html?scene=${scene.id}&3d=0`);
  await waitForRace(page);
  const rows = await legend(page);
  const name = (key: string) => sceneRacerName(scene, key);
  for (const key of scene.claims.flatMap(claimRacers))
    expect([...rows.keys()]).toContain(name(key));
  const card = page.locator('.scene-card');
  expect(await card.locator('h2').textContent()).toBe(scene.title);
  expect(await card.locator('li').allTextContents()).toEqual(sceneSentences(scene));
  for (const c of scene.claims) {
    if ('diverges' in c) expect(rows.get(name(c.racer))).toMatch(/^diverged at step \d+$/);
    if ('finalLossBelow' in c)
      expect(shownLoss(rows.get(name(c.racer))!)).toBeLessThan(c.finalLossBelow);
    if ('finalLossAbove' in c)
      expect(shownLoss(rows.get(name(c.racer))!)).toBeGreaterThan(c.finalLossAbove);
  }
}

describe.skipIf(skipBrowser)('scenes in the browser', () => {
  it('every scene loads through ?scene= and shows what it claims', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    for (const scene of SCENES) await checkScene(page, scene);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('the menu applies a scene in one choice, keeps the theme; the card notes a change, closes by keyboard; axe passes', async () => {
    const page = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${env.app.url}race.html?3d=0&theme=dark&large=1`);
    await waitForRace(page);
    expect(await page.locator('.scene-card').count()).toBe(0);
    const scene = SCENES.find((s) => s.id === 'warmup')!;
    await page.getByLabel('Scene', { exact: true }).selectOption(scene.id);
    await expect.poll(() => page.locator('.scene-card h2').textContent()).toBe(scene.title);
    const rows = await legend(page);
    expect(rows.get(sceneRacerName(scene, 'sgd'))).toMatch(/^diverged at step/);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => page.evaluate(() => location.search)).toContain('surface=rosenbrock');
    // Nothing in the card may be wider than the 360 px window.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    expect(await axeViolations(page, '.scenes')).toEqual([]);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    expect(await axeViolations(page, '.scenes')).toEqual([]);
    // Leaving the scene is said on the card; "Reload the scene" brings it back.
    await page.getByRole('button', { name: `Remove ${sceneRacerName(scene, 'sgd-2')}` }).click();
    const note = page.locator('.scene-changed');
    await expect.poll(() => note.count()).toBe(1);
    await note.getByRole('button', { name: 'Reload the scene' }).click();
    await expect.poll(() => note.count()).toBe(0);
    expect((await legend(page)).size).toBe(2);
    await page.getByRole('button', { name: 'Close the scene card' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.scene-card').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('names an unknown scene in the link and draws the default race', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.app.url}race.html?scene=no-such-scene&3d=0`);
    await waitForRace(page);
    expect(await page.locator('.url-errors').textContent()).toContain(
      "Invalid URL parameter 'scene': unknown scene 'no-such-scene'",
    );
    expect(await page.locator('.scene-card').count()).toBe(0);
    await page.close();
  }, 60_000);
});
