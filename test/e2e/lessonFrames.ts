import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LessonRecord } from '../../src/ui/lessons/types';
import { axeViolations } from './axe';
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
 * has a handful).
 */
export async function drawnFigure(page: Page, id: string): Promise<Buffer> {
  const iframe = page.locator(`.lesson-figure[data-figure="${id}"] iframe`);
  await iframe.scrollIntoViewIfNeeded();
  let shot: Buffer = Buffer.alloc(0);
  await expect
    .poll(
      async () => {
        shot = await iframe.screenshot();
        return (await pixelStats(page, shot)).distinct;
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBeGreaterThan(20);
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
