/**
 * Lesson 10 (skip connections and width) in a browser: its title, text and formulas (KaTeX, no
 * error), one frame per figure addressed to the embed page by figure id with "Open in
 * playground" on the landscape page in the figure's state (the comparison view for the
 * side-by-side ones), the shipped pairs read in words once their files load, the pair at depth 56
 * and its curvature map drawn inside their frames, and axe-core clean at 1280 px and at 360 px
 * (dark, large type), with no console error.
 */
import { describe, expect, it } from 'vitest';
import { figureEmbedSrc, figurePlaygroundHref } from '../../src/ui/lessons/lessonLink';
import { lessonById } from '../../src/ui/lessons/registry';
import { servedBrowser, skipBrowser, watchErrors } from './harness';
import { drawnFigure, itIsAccessible, openLesson } from './lessonFrames';
import { pixelStats } from './pixels';

const env = servedBrowser('e2e-lesson-skip', ['lesson', 'embed']);
const LESSON = lessonById('skip-connections')!;
const LIGHT = { theme: 'light', large: false } as const;

describe.skipIf(skipBrowser)('lesson 10: skip connections and width', () => {
  it('shows its title, text, formulas, one frame per figure and the shipped pairs in words', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await openLesson(page, env.app.url, LESSON);
    expect(await page.locator('h1').textContent()).toBe('Lesson 10 · Skip connections and width');
    expect(await page.locator('.lesson p').count()).toBeGreaterThan(5);
    expect(await page.locator('.lesson .formula .katex').count()).toBeGreaterThanOrEqual(7);
    expect(await page.locator('.lesson .formula .katex-error').count()).toBe(0);
    for (const f of LESSON.figures) {
      const frame = page.locator(`.lesson-figure[data-figure="${f.id}"]`);
      expect(await frame.locator('iframe').getAttribute('src')).toBe(figureEmbedSrc(f, LIGHT));
      expect(await frame.locator('iframe').getAttribute('title')).toBe(f.caption);
      const open = frame.getByRole('link', { name: 'Open in playground' });
      expect(await open.getAttribute('href')).toBe(figurePlaygroundHref(f, LIGHT));
    }
    expect(
      await page
        .locator('.lesson-figure[data-figure="skip-grid"]')
        .getByRole('link', { name: 'Open in playground' })
        .getAttribute('href'),
    ).toBe('landscape.html?compare=1');
    // The pairs' sentences come from the shipped files, read as the page loads them.
    await page.locator('[data-twin-facts="loaded"]').waitFor({ timeout: 30_000 });
    const pair = page.locator('.lesson-facts li[data-model="resnet-56-ns"]');
    expect(await pair.textContent()).toMatch(
      /^ResNet-56 without skip connections\. The shipped slice of ResNet-56 with skip connections has roughness [\d.]+: this one is [\d.]+× that, (rougher than|smoother than|about as rough as) it/,
    );
    expect(await pair.textContent()).toMatch(/Test accuracy: [\d.]+ % without skip connections/);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('the depth-56 pair and the curvature map draw inside their frames', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await openLesson(page, env.app.url, LESSON);
    for (const id of ['skip-pair-56', 'skip-curvature']) {
      const stats = await pixelStats(page, await drawnFigure(page, id, 0.05));
      expect(stats.nonBackground / stats.total, id).toBeGreaterThan(0.05);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  itIsAccessible(env, [LESSON]);
});
