/**
 * The batch-size tools on the race page (issue #14): with a scaling rule on, moving the batch
 * slider moves the lr slider by the rule (linear ×2, √ ×√2, none ×1 per doubling); the rule is
 * in the link. The critical batch size B_noise is the core's exact value; the batch-size schedule
 * is plotted and checked. "Tune the racers fairly" shows its result with its budget, puts both in
 * the link, and the link alone reproduces them. axe-core checks every card.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { positionToValue, valueToPosition } from '../../src/core/view/sliderScale';
import { RACE_RANGES } from '../../src/core/view/controlRanges';
import { formatNoiseScale, noiseScaleAt } from '../../src/core/view/criticalBatch';
import { defaultRaceState } from '../../src/state/raceState';
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
      env.app.url +
        `race.html?surface=quadratic&opt=sgd&lr.sgd=0.01&samples=${SAMPLES}&batch=32&3d=0`,
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

  it('shows the critical batch size and the batch-size schedule, readable at 360 px in dark', async () => {
    const page = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(
      env.app.url +
        'race.html?surface=quadratic&opt=sgd,adam&batch=16&batch.at=100,200&theme=dark&large=1&3d=0',
    );
    await waitForRace(page);
    const race = defaultRaceState('quadratic');
    const at = noiseScaleAt({ ...race, ...race.batch });
    const start = page.getByTestId('bnoise-start');
    expect(await start.textContent()).toBe(formatNoiseScale(at(...race.start)));
    const card = page.locator('.race-controls');
    expect(await card.getAttribute('title')).toBeNull();
    expect(await page.locator('.critical-batch').getAttribute('title')).toMatch(/tr\(Σ\)/);
    // At the shown step (the whole race) each racer has its own B_noise.
    expect(await page.locator('.critical-batch [data-racer="adam"]').textContent()).toMatch(
      /^, Adam [\d,.∞]+/,
    );
    const plot = page.locator('.batch-plot svg');
    expect(await plot.getAttribute('data-changes')).toBe('3');
    expect(await plot.getAttribute('aria-label')).toContain(
      '16 from step 1, 32 from step 101, 64 from step 201',
    );
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: screenshotPath('batch-critical-360-dark') });
    const sched = page.locator('.batch-schedule');
    await sched.scrollIntoViewIfNeeded();
    await sched.screenshot({ path: screenshotPath('batch-schedule-360-dark') });
    // Bad milestones are named and leave the schedule as it was.
    await sched.getByRole('textbox', { name: 'Milestones (steps)' }).fill('200, 100');
    expect(await sched.getByRole('alert').textContent()).toMatch(
      /^Milestones: .*strictly increasing/,
    );
    expect(new URL(page.url()).searchParams.get('batch.at')).toBe('100,200');
    await sched.getByRole('radio', { name: /Divide the lr instead/ }).check();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('batch.change'), LINK_WAIT)
      .toBe('lr');
    for (const sel of ['.race-controls', '.batch-schedule'])
      expect(await axeViolations(page, sel)).toEqual([]);
    // Scrollable horizontally? The cards fit the 360 px page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('tunes the racers fairly: result and budget shown and in the link, reproduced on reload', async () => {
    const page = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(env.app.url + 'race.html?surface=quadratic&opt=sgd,adam&3d=0');
    await waitForRace(page);
    const panel = page.locator('.tune-panel');
    await panel.getByRole('spinbutton', { name: 'Trials' }).fill('9');
    await panel.getByRole('spinbutton', { name: 'Steps per trial' }).fill('60');
    await panel.getByRole('spinbutton', { name: 'Target loss' }).fill('0.01');
    await panel.getByRole('button', { name: 'Tune' }).click();
    const budget = panel.locator('.tune-budget');
    await budget.waitFor({ timeout: 60_000 });
    await expect.poll(() => panel.locator('.tune-rows li').count(), { timeout: 60_000 }).toBe(2);
    expect(await budget.textContent()).toMatch(
      /^Budget per racer: 9 trials × 60 steps \(540 step-units\), successive halving.*criterion final loss \(target 0\.01\), seed 1\.$/,
    );
    const rows = async () => panel.locator('.tune-rows li').allTextContents();
    const tuned = await rows();
    expect(tuned[0]).toMatch(
      /^SGD: lr [\d.e−]+ · final loss [\d.e−]+ · \d\/9 trials · [\d,]+\/540 steps/,
    );
    expect(tuned[1]).toMatch(/vs SGD\)$|target not reached$|\(SGD does not reach it\)$/);
    await expect
      .poll(() => new URL(page.url()).searchParams.get('tune'), LINK_WAIT)
      .toBe('9,60,halving,final,1');
    expect(new URL(page.url()).searchParams.get('tune.target')).toBe('0.01');
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: screenshotPath('tune-360') });
    expect(await axeViolations(page, '.tune-panel')).toEqual([]);

    // The link alone reproduces the tune.
    const link = page.url();
    const again = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await again.goto(link);
    await waitForRace(again);
    const panel2 = again.locator('.tune-panel');
    await expect
      .poll(() => panel2.locator('.tune-rows li').allTextContents(), { timeout: 60_000 })
      .toEqual(tuned);
    expect(await panel2.locator('.tune-budget').textContent()).toBe(await budget.textContent());
    await again.close();

    // Apply: each racer's lr slider takes its tuned lr.
    const sgdLr = await panel.locator('[data-racer="sgd"] .tuned-lr').textContent();
    await panel.getByRole('button', { name: 'Apply tuned lr' }).click();
    await expect
      .poll(
        () =>
          page.getByRole('slider', { name: 'Learning rate (SGD)' }).getAttribute('aria-valuetext'),
        LINK_WAIT,
      )
      .toBe(sgdLr);
    // Applying the lrs does not change what was tuned: the result stays in the link.
    await page.waitForTimeout(500);
    expect(new URL(page.url()).searchParams.get('tune')).toBe('9,60,halving,final,1');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('maps sharp vs flat by batch size and lr on sharp_flat', async () => {
    const page = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(env.app.url + 'race.html?surface=sharp_flat&opt=sgd&steps=100&samples=64&3d=0');
    await waitForRace(page);
    const panel = page.locator('.basin-map');
    await panel.getByRole('spinbutton', { name: 'Seeds per cell' }).fill('2');
    await panel.getByRole('button', { name: 'Map the basins' }).click();
    const table = panel.locator('table.basin-table');
    await table.waitFor({ timeout: 60_000 });
    // N = 64: batches 4, 16 and 64.
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await table.locator('td.basin-cell').count()).toBe(15);
    expect(await table.locator('td.basin-cell').first().textContent()).toMatch(/^[0-2]\/2$/);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: screenshotPath('basin-map-360') });
    expect(await axeViolations(page, '.basin-map')).toEqual([]);
    // Only on sharp_flat.
    await page.goto(env.app.url + 'race.html?surface=quadratic&opt=sgd&3d=0');
    await waitForRace(page);
    expect(await page.locator('.basin-map').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
