/**
 * Three racers of one optimizer: SGD on Rosenbrock with lr too low (1e-4: it barely leaves the
 * start), right (2e-3: it reaches the minimum) and too high (3e-3: it blows up at step 10). Each
 * draws its trajectory in its own colour; a fourth racer added and the second removed change no
 * one else's colour; the link written then reloads to the same racers, colours and labels.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { racerStyle } from '../../src/core/view/palette';
import {
  LINK_WAIT,
  screenshotPath,
  servedBrowser,
  skipBrowser,
  waitForRace,
  watchErrors,
} from './harness';
import { pixelDelta, settledScreenshot } from './pixels';

const env = servedBrowser('e2e-racers');
const THREE = '?opt=sgd,sgd-2,sgd-3&lr.sgd=0.0001&lr.sgd-2=0.002&lr.sgd-3=0.003&3d=0';

/** The legend as the page shows it: each racer's name and the colour and dash of its swatch. */
const legend = (page: Page) =>
  page.locator('.legend-item').evaluateAll((items) =>
    items.map((li) => {
      const line = li.querySelector('svg line')!;
      return {
        name: li.querySelector('strong')!.textContent,
        colour: line.getAttribute('stroke'),
        dashed: line.hasAttribute('stroke-dasharray'),
      };
    }),
  );

describe.skipIf(skipBrowser)('several racers of one optimizer', () => {
  it('race in their own colours, keep them when racers come and go, and round-trip the link', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(env.app.url + 'race.html' + THREE + '&step=0');
    await waitForRace(page);
    const canvas = page.locator('.race-canvas');
    const starts = await settledScreenshot(page, canvas);
    await page.getByRole('slider', { name: 'Step', exact: true }).fill('300');
    const raced = await settledScreenshot(page, canvas, screenshotPath('racers-three-sgd'));
    // Every racer has a drawn path in its own colour (pixels the starts alone do not have).
    for (const slot of [0, 1, 2]) {
      const { nearCount } = await pixelDelta(page, raced, starts, racerStyle(slot).color);
      expect(nearCount, `slot ${slot}`).toBeGreaterThan(20);
    }
    const first = await legend(page);
    expect(first.map((r) => r.colour)).toEqual([0, 1, 2].map((s) => racerStyle(s).color));
    // Default labels tell the three apart by what differs: the learning rate.
    expect(new Set(first.map((r) => r.name)).size).toBe(3);
    expect(first.every((r) => /^SGD, lr /.test(r.name ?? ''))).toBe(true);
    await expect(page.locator('.legend-item.is-diverged').count()).resolves.toBe(1);

    await page.locator('[data-racer="sgd-3"] input.racer-label').fill('too high');
    await page.getByRole('combobox', { name: 'Optimizer to add' }).selectOption('adam');
    await page.getByRole('button', { name: 'Add racer' }).click();
    await page
      .locator('[data-racer="sgd-2"]')
      .getByRole('button', { name: /^Remove / })
      .click();
    await page.waitForFunction(() => document.querySelectorAll('.legend-item').length === 3);
    const after = await legend(page);
    expect(after).toEqual([
      { name: first[0].name, colour: racerStyle(0).color, dashed: false },
      { name: 'too high', colour: racerStyle(2).color, dashed: false },
      { name: 'Adam', colour: racerStyle(3).color, dashed: false },
    ]);
    await expect
      .poll(() => new URL(page.url()).search, LINK_WAIT)
      .toMatch(/opt=sgd,sgd-3,adam&.*label\.sgd-3=too%20high/);
    const link = page.url();
    expect(link).toContain('color.sgd-3=2');
    expect(link).toContain('color.adam=3');
    await page.screenshot({ path: screenshotPath('racers-after-add-remove'), fullPage: true });

    const again = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors2 = watchErrors(again);
    await again.goto(link);
    await waitForRace(again);
    await expect(legend(again)).resolves.toEqual(after);
    await expect(
      again.locator('[data-racer="sgd-3"] input.racer-label').inputValue(),
    ).resolves.toBe('too high');
    await expect(again.getByRole('alert').count()).resolves.toBe(0);
    expect([...errors, ...errors2]).toEqual([]);
    await page.close();
    await again.close();
  }, 240_000);
});
