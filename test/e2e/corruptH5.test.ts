/**
 * The corrupted `.h5` fixtures (test/fixtures/corrupt/, issue 16) through the landscape page's
 * Open .h5: a good file first, then each file the page refuses. Every refusal names the file and
 * the problem, throws nothing in the page, and leaves the good file's view drawn ("Still
 * showing …"). The odd but readable ones (NaN/∞ losses, int32 losses) are then drawn.
 */
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corruptFixtures, corruptPath, outcomeOf } from '../io/corruptFixtures';
import { referencePath } from '../referencePath';
import { buildAndServe, launch, LINK_WAIT, skipBrowser, watchErrors, type App } from './harness';

let app: App;
let browser: Browser;

beforeAll(async () => {
  if (skipBrowser) return;
  app = await buildAndServe('corrupt-h5-dist', ['landscape']);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const surfaces = corruptFixtures('surface-h5');
const bands = (page: Page) => page.locator('.ls-contour').getAttribute('data-bands').then(Number);

describe.skipIf(skipBrowser)('corrupted .h5 files on the landscape page', () => {
  it('names each bad file and keeps the good one shown', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(`${app.url}landscape.html`);
    const input = page.getByLabel('Open .h5', { exact: true });
    const status = page.locator('.ls-h5');
    await input.setInputFiles(referencePath('sample_surface.h5'));
    await expect.poll(() => status.textContent(), LINK_WAIT).toContain('Showing sample_surface.h5');
    await expect.poll(() => bands(page), LINK_WAIT).toBeGreaterThan(0);
    const goodBands = await bands(page);

    const refused = surfaces.filter((f) => 'error' in outcomeOf(f, 'page'));
    for (const f of refused) {
      await input.setInputFiles(corruptPath(f.file));
      await page.waitForFunction(
        (file) =>
          document
            .querySelector('.ls-h5 [role=alert]')
            ?.textContent?.includes(`Could not open ${file}:`),
        f.file,
        { timeout: 10_000 },
      );
      // One round trip for what the page then shows: the message, the view's source, its bands.
      const shown = await page.evaluate(() => ({
        alert: document.querySelector('.ls-h5 [role=alert]')!.textContent!,
        source: document.body.textContent!.includes('opened from sample_surface.h5'),
        bands: Number(document.querySelector('.ls-contour')?.getAttribute('data-bands')),
      }));
      expect(shown.alert).toMatch(new RegExp((outcomeOf(f, 'page') as { error: string }).error));
      expect(shown.alert).toMatch(/ Still showing sample_surface\.h5\.$/);
      expect(shown, f.file).toMatchObject({ source: true, bands: goodBands });
    }

    for (const f of surfaces.filter((s) => 'ok' in outcomeOf(s, 'page'))) {
      await input.setInputFiles(corruptPath(f.file));
      await expect.poll(() => status.textContent(), LINK_WAIT).toContain(`Showing ${f.file}`);
      await expect.poll(() => bands(page), LINK_WAIT).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
