/**
 * "Find the learning rate" in the toy panel of the landscape page: the range test runs on the
 * toy MLP in its worker, its curve and marks are drawn with the suggestion in words, the worker
 * keeps no tensors from one test to the next, and "Use as OneCycle max_lr" makes the toy
 * training's schedule OneCycle peaking there, in the controls and in the link. axe-core checks
 * the section; at 360 px it fits the page.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { LINK_WAIT, screenshotPath, servedBrowser, skipBrowser, watchErrors } from './harness';
import { pixelStats } from './pixels';

const env = servedBrowser('e2e-toy-lrfind', ['landscape']);

describe.skipIf(skipBrowser)('finding the learning rate of the toy network', () => {
  it('runs the range test in a worker, draws it, and makes its suggestion the OneCycle max_lr', async () => {
    for (const width of [1280, 360]) {
      const page = await env.browser.newPage({ viewport: { width, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(`${env.app.url}landscape.html?toy=circle`);
      const section = page.locator('.ls-toy-lrfind');
      const status = section.locator('[data-find-status]');
      const run = async (n: number) => {
        await section.getByRole('button', { name: 'Run range test' }).click();
        await section
          .locator(`[data-find-status="done"][data-find="${n}"]`)
          .waitFor({ state: 'attached', timeout: 45_000 });
        return Number(await status.getAttribute('data-num-tensors'));
      };
      const first = await run(1);
      const curve = section.locator('path.lr-find-smoothed');
      expect(Number(await curve.getAttribute('data-points'))).toBeGreaterThan(30);
      expect(await section.locator('.lr-find-mark').count()).toBeGreaterThanOrEqual(2);
      expect(await section.locator('.lr-find-mark.is-blowUp').count()).toBe(1);
      const sentence = (await section.locator('.lr-find-sentence').textContent())!;
      const m = sentence.match(/OneCycle max_lr ([\d.e−-]+) \(blow-up lr \/ 10\)\.$/);
      expect(m, sentence).not.toBeNull();
      expect(await section.locator('svg[role="img"]').getAttribute('aria-label')).toContain(
        sentence,
      );
      const figure = section.locator('.lr-find-chart svg');
      const shot = await figure.screenshot({ path: screenshotPath(`toy-lrfind-${width}`) });
      const px = await pixelStats(page, shot);
      expect(px.nonBackground / px.total).toBeGreaterThan(0.02);
      // Fits the page at 360 px: the figure is no wider than the viewport.
      expect((await figure.boundingBox())!.width).toBeLessThanOrEqual(width);
      expect(await axeViolations(page, '.ls-toy-lrfind')).toEqual([]);
      // A second test leaves the worker with the tensors the first did.
      expect(await run(2)).toBe(first);

      await section.getByRole('button', { name: 'Use as OneCycle max_lr' }).click();
      const toy = page.getByRole('region', { name: 'Train a small network', exact: true });
      await expect
        .poll(() =>
          toy
            .getByRole('group', { name: 'Schedule' })
            .getByRole('button', { name: 'OneCycle' })
            .getAttribute('aria-pressed'),
        )
        .toBe('true');
      await expect
        .poll(() => new URL(page.url()).searchParams.get('toy.sched'), LINK_WAIT)
        .toBe('onecycle');
      const maxLr = Number(new URL(page.url()).searchParams.get('toy.lr'));
      expect(maxLr).toBe(Number(m![1].replace('−', '-')));
      expect(await section.getByRole('status').last().textContent()).toContain(`max_lr ${m![1]}`);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 120_000);
});
