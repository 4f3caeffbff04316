/**
 * The race draws a racer's second point: Adam inside Lookahead with α = 1 takes exactly Adam's
 * steps (test/core/lookahead.test.ts), so with and without Lookahead the solid line is the same
 * picture, and every pixel in the racer's colour that only the Lookahead race has belongs to the
 * dashed slow weights (with k = 100: chords start → θ₁₀₀ → θ₂₀₀ → θ₃₀₀ across Adam's curve).
 * Ranger's page is looked at too, for the legend and the loss-curve note.
 */
import { describe, expect, it } from 'vitest';
import { racerStyle } from '../../src/core/view/palette';
import { screenshotPath, servedBrowser, skipBrowser, waitForRace, watchErrors } from './harness';
import { pixelDelta, settledScreenshot } from './pixels';

const env = servedBrowser('e2e-shadow');

async function raceCanvas(query: string, shot?: string) {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(env.app.url + 'race.html' + query);
  await waitForRace(page);
  const png = await settledScreenshot(page, page.locator('.race-canvas'));
  if (shot) await page.screenshot({ path: screenshotPath(shot), fullPage: true });
  return { page, errors, png };
}

describe.skipIf(skipBrowser)('the race’s second point', () => {
  it('draws Lookahead’s slow weights dashed in the racer’s colour, off its solid line', async () => {
    const off = await raceCanvas('?opt=adam&3d=0');
    const on = await raceCanvas('?opt=adam&3d=0&la.adam=100,1', 'race-lookahead-slow');
    const colour = racerStyle(0).color;
    const fresh = (await pixelDelta(on.page, on.png, off.png, colour)).nearCount;
    // Chords of 50–300 drawing px, dashed 5 on 4 and 2.25 wide; a solid line that moved would
    // change pixels too, but it cannot: α = 1 is Adam bit for bit. At step 300 the slow weights
    // are θ₃₀₀, so their small head hides under Adam's: what is counted is the dashes (~120 px).
    expect(fresh).toBeGreaterThan(60);
    await expect(on.page.locator('.legend-shadow').textContent()).resolves.toContain(
      'slow weights (Lookahead)',
    );
    expect([...off.errors, ...on.errors]).toEqual([]);
    await off.page.close();
    await on.page.close();
  });

  it('names both of Ranger’s points in the legend and the loss curves', async () => {
    const { page, errors } = await raceCanvas(
      '?opt=ranger,sgdsf&3d=0&step=120',
      'race-ranger-sgdsf',
    );
    const legend = await page.locator('.legend-shadow').allTextContents();
    expect(legend).toEqual([
      expect.stringContaining('slow weights (Lookahead)'),
      expect.stringContaining('x, the average schedule-free evaluates'),
    ]);
    const note = await page.locator('.loss-point').textContent();
    expect(note).toContain('Ranger: loss at the fast weights, where the gradient is taken');
    expect(note).toContain('SGDScheduleFree: loss at y, where the gradient is taken');
    expect(errors).toEqual([]);
    await page.close();
  });
});
