/**
 * Lessons 7, 8, 9, 11 and 13 in a browser: each renders its title, its text, the formulas of its
 * rules (KaTeX) and one iframe per figure, addressed to the embed page by figure id, with no
 * console error; axe-core finds nothing serious or critical at 1280 px and at 360 px (dark, large
 * type); and a figure of lesson 8 (the schedules' shapes) and one of lesson 9 (the batch-noise
 * race) draw real pixels inside their frames.
 */
import { describe, expect, it } from 'vitest';
import { figureEmbedSrc } from '../../src/ui/lessons/lessonLink';
import { lessonById } from '../../src/ui/lessons/registry';
import { servedBrowser, skipBrowser, watchErrors } from './harness';
import { drawnFigure, itIsAccessible, openLesson } from './lessonFrames';
import { pixelStats } from './pixels';

const env = servedBrowser('e2e-lessons-later', ['lesson', 'embed']);
const MINE = ['curvature', 'schedules', 'batch-size', 'large-batch', 'fair-comparisons'].map((id) =>
  lessonById(id)!,
);
const LIGHT = { theme: 'light', large: false } as const;

describe.skipIf(skipBrowser)('lessons 7, 8, 9, 11, 13', () => {
  it('each shows its title, text, formulas and one frame per figure, with no console error', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    for (const lesson of MINE) {
      await openLesson(page, env.app.url, lesson);
      expect(await page.locator('h1').textContent()).toBe(
        `Lesson ${lesson.number} · ${lesson.title}`,
      );
      expect(await page.locator('.lesson p').count(), lesson.id).toBeGreaterThan(5);
      expect(await page.locator('.lesson .formula .katex').count(), lesson.id).toBeGreaterThan(0);
      expect(await page.locator('.lesson .formula .katex-error').count(), lesson.id).toBe(0);
      for (const f of lesson.figures) {
        const iframe = page.locator(`.lesson-figure[data-figure="${f.id}"] iframe`);
        expect(await iframe.getAttribute('src')).toBe(figureEmbedSrc(f, LIGHT));
        expect(await iframe.getAttribute('title')).toBe(f.caption);
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  itIsAccessible(env, MINE);

  it('lesson 8’s schedule shapes and lesson 9’s batch-noise race draw inside their frames', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    for (const [lesson, figure] of [
      ['schedules', 'schedule-decays'],
      ['batch-size', 'batch-noise'],
    ] as const) {
      await openLesson(page, env.app.url, lessonById(lesson)!);
      const stats = await pixelStats(page, await drawnFigure(page, figure));
      expect(stats.nonBackground / stats.total, figure).toBeGreaterThan(0.01);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
