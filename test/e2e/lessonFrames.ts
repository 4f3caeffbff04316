import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { LessonRecord } from '../../src/ui/lessons/types';
import { axeViolations } from './axe';
import { watchErrors } from './harness';
import { pixelStats } from './pixels';

/** Opens `lesson.html?id=…` (plus `extra` keys) and waits for its body: every figure's frame. */
export async function openLesson(
  page: Page,
  base: string,
  lesson: LessonRecord,
  extra = '',
): Promise<void> {
  await page.goto(`${base}lesson.html?id=${lesson.id}${extra}`);
  await page.waitForFunction(
    (n) => document.querySelectorAll('.lesson-figure iframe').length === n,
    lesson.figures.length,
    { timeout: 30_000 },
  );
}

/**
 * A lesson figure's frame as a PNG once its widget has drawn: scrolled into view (frames load
 * lazily), then polled until the shot holds more than 20 colours (a blank or placeholder frame
 * has a handful) and more than `ink` of its pixels differ from the background. Both are polled:
 * the axes and labels bring the colours before the worker's first frame brings the ink, and a
 * loaded CI machine can take seconds between the two.
 */
export async function drawnFigure(page: Page, id: string, ink = 0.01): Promise<Buffer> {
  const iframe = page.locator(`.lesson-figure[data-figure="${id}"] iframe`);
  await iframe.scrollIntoViewIfNeeded();
  let shot: Buffer = Buffer.alloc(0);
  await expect
    .poll(
      async () => {
        shot = await iframe.screenshot();
        const s = await pixelStats(page, shot);
        return s.distinct > 20 && s.nonBackground / s.total > ink;
      },
      { timeout: 90_000, interval: 500 },
    )
    .toBe(true);
  return shot;
}

/**
 * Opens each lesson (plus `extra` keys) and checks it as every lesson test does: axe finds no
 * serious or critical violation, and the page, not its figures, sets the width (no sideways scroll).
 */
export async function expectLessonsAccessible(
  page: Page,
  base: string,
  lessons: readonly LessonRecord[],
  extra: string,
): Promise<void> {
  for (const lesson of lessons) {
    await openLesson(page, base, lesson, extra);
    expect(await axeViolations(page, '.lesson-page'), lesson.id).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      lesson.id,
    ).toBe(true);
  }
}

/**
 * The lesson tests' two axe cases, one test each: 1280 px as the page opens, and 360 px in the
 * dark theme with large type (a projector's look on a phone), both with no console error.
 */
export function itIsAccessible(
  env: { readonly app: { url: string }; readonly browser: Browser },
  lessons: readonly LessonRecord[],
): void {
  for (const c of [
    { width: 1280, extra: '' },
    { width: 360, extra: '&theme=dark&large=1' },
  ])
    it(`axe: no serious or critical violation at ${c.width} px${c.extra}`, async () => {
      const page = await env.browser.newPage({ viewport: { width: c.width, height: 900 } });
      const errors = watchErrors(page);
      await expectLessonsAccessible(page, env.app.url, lessons, c.extra);
      expect(errors).toEqual([]);
      await page.close();
    }, 300_000);
}
