/**
 * axe-core on both pages as a user first sees them, in both themes and in large type at 360 px:
 * no serious or critical violation (the brief's bar for every page).
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { servedBrowser, skipBrowser, waitForRace, watchErrors } from './harness';

const env = servedBrowser('e2e-a11y', ['main', 'landscape']);

const CASES = [
  { name: 'race, light', path: 'race.html?3d=0', width: 1280 },
  { name: 'race, dark, large type, 360 px', path: 'race.html?3d=0&theme=dark&large=1', width: 360 },
  { name: 'landscapes, light', path: 'landscape.html', width: 1280 },
  { name: 'landscapes, dark, 360 px', path: 'landscape.html?theme=dark', width: 360 },
];

describe.skipIf(skipBrowser)('accessibility (axe-core)', () => {
  it('reports what it should: an image without alt text is critical', async () => {
    const page = await env.browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><img src="x.png"></html>',
    );
    expect(await axeViolations(page)).toEqual(['image-alt: img']);
    await page.close();
  });

  for (const c of CASES)
    it(`${c.name}: no serious or critical violation`, async () => {
      const page = await env.browser.newPage({ viewport: { width: c.width, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(env.app.url + c.path);
      if (c.path.startsWith('race.html')) await waitForRace(page);
      else
        await page.waitForFunction(
          () => Number(document.querySelector('.ls-contour')?.getAttribute('data-bands')) > 0,
          undefined,
          { timeout: 60_000 },
        );
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
});
