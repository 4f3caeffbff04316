/**
 * "Find the learning rate" on the race page: the range test runs for the racer, its curve and
 * marks are drawn with the suggestion in words, and "Use as OneCycle max_lr" makes the race's
 * schedule OneCycleLR with that max_lr, in the schedule menu and in the link. A saddle is
 * refused in words. axe-core checks the panel.
 */
import { describe, expect, it } from 'vitest';
import {
  LINK_WAIT,
  screenshotPath,
  servedBrowser,
  skipBrowser,
  waitForRace,
  watchErrors,
} from './harness';
import { axeViolations } from './axe';

const env = servedBrowser('e2e-lrfind');

describe.skipIf(skipBrowser)('finding the learning rate on the race page', () => {
  it('runs the range test, draws it, and makes its suggestion the OneCycle max_lr', async () => {
    for (const width of [1280, 360]) {
      const page = await env.browser.newPage({ viewport: { width, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(env.app.url + 'race.html?surface=quadratic&opt=sgd&3d=0');
      await waitForRace(page);
      const panel = page.locator('.lr-find');
      await panel.getByRole('button', { name: 'Run range test' }).click();
      const curve = panel.locator('path.lr-find-smoothed');
      await curve.waitFor();
      expect(Number(await curve.getAttribute('data-points'))).toBeGreaterThan(50);
      expect((await curve.getAttribute('d'))!.split('L').length).toBeGreaterThan(50);
      expect(await panel.locator('.lr-find-mark').count()).toBe(3);
      const sentence = (await panel.locator('.lr-find-sentence').textContent())!;
      const m = sentence.match(
        /^Steepest descent at lr ([\d.e−-]+); .*blows up at ([\d.e−-]+); OneCycle max_lr ([\d.e−-]+) \(blow-up lr \/ 10\)\.$/,
      );
      expect(m, sentence).not.toBeNull();
      const maxLr = Number(m![3]);
      expect(maxLr).toBeCloseTo(Number(m![2]) / 10, 2);
      // The chart's text alternative carries the same sentence.
      expect(await panel.locator('svg[role="img"]').getAttribute('aria-label')).toContain(sentence);
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: screenshotPath(`lrfind-${width}`) });
      expect(await axeViolations(page, '.lr-find')).toEqual([]);

      await panel.getByRole('button', { name: 'Use as OneCycle max_lr' }).click();
      const select = page.getByRole('combobox', { name: 'LR schedule' });
      await expect
        .poll(() => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text))
        .toBe('OneCycleLR');
      await expect
        .poll(() => new URL(page.url()).searchParams.get('sched'), LINK_WAIT)
        .toBe('onecycle');
      expect(Number(new URL(page.url()).searchParams.get('sched.max_lr'))).toBe(maxLr);
      // The schedule is not part of what the test ran on: the curve stays.
      expect(await panel.locator('[role="status"]').textContent()).toContain(`max_lr ${m![3]}`);
      expect(await curve.count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 40_000);

  it('says why a saddle cannot take the test, with no button', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(env.app.url + 'race.html?surface=saddle&opt=sgd&3d=0');
    await waitForRace(page);
    const panel = page.locator('.lr-find');
    expect(await panel.locator('.lr-find-refusal').textContent()).toContain(
      'saddle is unbounded below',
    );
    expect(await panel.getByRole('button', { name: 'Run range test' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
