import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAndServe, launch, skipBrowser, watchErrors, waitForRace, type App } from './harness';

/**
 * Issue 16: `steps=10000&samples=100000&batch=99999` computed for 82 s before anything was drawn.
 * The cap on steps × batch (src/state/raceState.ts) reduces the batch and names it; the race draws
 * in seconds: within 10 s of a cheap link of as many steps (the uncapped link took over a minute).
 */
let app: App;
let browser: Browser;

beforeAll(async () => {
  if (skipBrowser) return;
  app = await buildAndServe('race-cap-e2e-dist');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe.skipIf(skipBrowser)('a runaway race link', () => {
  it('draws within seconds with a reduced batch, naming steps × batch and the cap', async () => {
    // The time a cheap link of the same length takes is the baseline: page start-up on this machine.
    const drawSeconds = async (query: string) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(page);
      const t0 = Date.now();
      await page.goto(app.url + 'race.html' + query);
      await waitForRace(page);
      return { page, errors, seconds: (Date.now() - t0) / 1000 };
    };
    const base = await drawSeconds('?steps=10000');
    await base.page.close();
    const { page, errors, seconds } = await drawSeconds('?steps=10000&samples=100000&batch=99999');
    console.info(
      `[race cap] the capped link drew in ${seconds.toFixed(1)} s (a full-batch link of as many steps: ${base.seconds.toFixed(1)} s)`,
    );
    expect(seconds).toBeLessThan(base.seconds + 10);
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain(
      "Invalid URL parameter 'batch': steps × batch = 10000 × 99999 sampled gradients per optimizer is over the cap of 20480000 (5000 × 4096); using batch=2048",
    );
    expect(await alert.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
