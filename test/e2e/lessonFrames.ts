import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LessonRecord } from '../../src/ui/lessons/types';
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
