/**
 * The batch-size tools on the race page (issue #14): with a scaling rule on, moving the batch
 * slider moves the lr slider by the rule (linear ×2, √ ×√2, none ×1 per doubling); the rule is
 * in the link. axe-core checks the race settings card.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { positionToValue, valueToPosition } from '../../src/core/view/sliderScale';
import { RACE_RANGES } from '../../src/core/view/controlRanges';
import {
  LINK_WAIT,
  screenshotPath,
  servedBrowser,
  skipBrowser,
  waitForRace,
  watchErrors,
} from './harness';
import { axeViolations } from './axe';

const env = servedBrowser('e2e-batch-tools');
const SAMPLES = 256;

/** The number the lr slider announces (aria-valuetext, 3 significant digits). */
const lrShown = async (page: Page) =>
  Number(
    (await page
      .getByRole('slider', { name: 'Learning rate (SGD)' })
      .getAttribute('aria-valuetext'))!.replace('−', '-'),
  );
const lrInLink = (page: Page) => Number(new URL(page.url()).searchParams.get('lr.sgd'));

/** Moves the batch slider to B (a position the log scale maps back to B exactly). */
async function setBatch(page: Page, b: number) {
  const scale = RACE_RANGES.batch(SAMPLES);
  const pos = valueToPosition(scale, b);
  expect(positionToValue(scale, pos)).toBe(b);
  await page.getByRole('slider', { name: 'Batch size' }).fill(String(pos));
  await expect.poll(() => new URL(page.url()).searchParams.get('batch'), LINK_WAIT).toBe(String(b));
}

describe.skipIf(skipBrowser)('the batch-size scaling rule on the race page', () => {
  it('moves the lr slider by the rule when the batch slider doubles B', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(
      env.app.url + `?surface=quadratic&opt=sgd&lr.sgd=0.01&samples=${SAMPLES}&batch=32&3d=0`,
    );
    await waitForRace(page);
    const card = page.locator('.race-controls');
    for (const [rule, label, factor] of [
      ['linear', 'Linear', 2],
      ['sqrt', '√B', Math.SQRT2],
      ['none', 'None', 1],
    ] as const) {
      await setBatch(page, 32);
      const before = lrInLink(page);
      await card.getByRole('radio', { name: label }).check();
      await expect
        .poll(() => new URL(page.url()).searchParams.get('batch.rule') ?? 'none', LINK_WAIT)
        .toBe(rule);
      if (rule !== 'none') {
        expect(
          await card.getByText(/per doubling of B, from the lr set at B₀ = 32/).isVisible(),
        ).toBe(true);
        await card.getByRole('spinbutton', { name: 'Warm-up steps' }).fill('20');
        await expect
          .poll(() => new URL(page.url()).searchParams.get('batch.warmup'), LINK_WAIT)
          .toBe('20');
      }
      const shownBefore = await lrShown(page);
      await setBatch(page, 64);
      await expect.poll(() => lrInLink(page), LINK_WAIT).toBeCloseTo(before * factor, 5);
      expect(await lrShown(page)).toBeCloseTo(shownBefore * factor, 2);
      if (rule === 'linear') {
        await card.scrollIntoViewIfNeeded();
        await card.screenshot({ path: screenshotPath('batch-rule-1280') });
      }
    }
    expect(await axeViolations(page, '.race-controls')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
