/**
 * Every figure of every lesson draws inside its frame: the lesson page opened as a student
 * would, each figure's frame scrolled into view (frames load lazily) and shot until it holds
 * real ink (test/e2e/lessonFrames.drawnFigure: > 20 colours and > 1 % of its pixels off the
 * background), with no console error on the page or in its frames. The per-lesson tests check
 * what each figure shows; this one checks that none of them is blank.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/ui/lessons/registry';
import { servedBrowser, skipBrowser, watchErrors } from './harness';
import { drawnFigure, openLesson } from './lessonFrames';

const env = servedBrowser('e2e-lesson-figures', ['lesson', 'embed']);

describe.skipIf(skipBrowser)('every lesson figure draws', () => {
  it('all thirteen lessons are ready', () => {
    expect(LESSONS.filter((l) => l.status === 'ready').map((l) => l.number)).toEqual(
      Array.from({ length: 13 }, (_, i) => i + 1),
    );
  });

  for (const lesson of LESSONS)
    it(`lesson ${lesson.number} (${lesson.id}): ${lesson.figures.length} figure(s)`, async () => {
      const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(page);
      await openLesson(page, env.app.url, lesson);
      for (const f of lesson.figures) await drawnFigure(page, f.id);
      expect(errors).toEqual([]);
      await page.close();
    }, 600_000);
});
