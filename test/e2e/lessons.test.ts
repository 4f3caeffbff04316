/**
 * The lesson page in a browser, on lessons 1–6 (test/e2e/lessonsLater.test.ts covers the later
 * ones): each renders its title, text, the formulas of its rules and one iframe per figure (the
 * embed page by figure id, titled by its caption) with previous / next links and no console
 * error; axe-core passes at 360 and 1280 px; an unknown or missing id is named as text above the
 * list of lessons; a figure's frame takes its height from its own widget's resize message only.
 */
import { describe, expect, it } from 'vitest';
import { figureEmbedSrc } from '../../src/ui/lessons/lessonLink';
import { LESSONS } from '../../src/ui/lessons/registry';
import { axeViolations } from './axe';
import { servedBrowser, skipBrowser, watchErrors } from './harness';
import { drawnFigure, expectLessonsAccessible, openLesson } from './lessonFrames';
import { pixelStats } from './pixels';

const env = servedBrowser('e2e-lessons', ['lesson', 'embed']);
const FIRST_SIX = LESSONS.slice(0, 6);
const READY = LESSONS.filter((l) => l.status === 'ready');
const LIGHT = { theme: 'light', large: false } as const;

describe.skipIf(skipBrowser)('lesson pages', () => {
  it('lessons 1–6 show their title, text, formulas and one frame per figure', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    for (const lesson of FIRST_SIX) {
      await openLesson(page, env.app.url, lesson);
      expect(await page.locator('h1').textContent()).toBe(
        `Lesson ${lesson.number} · ${lesson.title}`,
      );
      expect(await page.title()).toContain(lesson.title);
      // Text beyond the promise, and at least one rule rendered by KaTeX.
      expect(await page.locator('.lesson p').count()).toBeGreaterThan(3);
      expect(await page.locator('.lesson .formula .katex').count()).toBeGreaterThan(0);
      for (const f of lesson.figures) {
        const frame = page.locator(`.lesson-figure[data-figure="${f.id}"]`);
        const iframe = frame.locator('iframe');
        expect(await iframe.getAttribute('src')).toBe(figureEmbedSrc(f, LIGHT));
        expect(await iframe.getAttribute('title')).toBe(f.caption);
        expect(await frame.locator('figcaption').textContent()).toContain(f.caption);
        const open = frame.getByRole('link', { name: 'Open in playground' });
        expect(await open.getAttribute('href')).toMatch(/^(race|landscape)\.html\?/);
      }
      // Previous and next lessons, in course order.
      const i = LESSONS.indexOf(lesson);
      if (i > 0)
        expect(await page.locator('a[rel="prev"]').getAttribute('href')).toBe(
          `lesson.html?id=${LESSONS[i - 1].id}`,
        );
      if (i < LESSONS.length - 1)
        expect(await page.locator('a[rel="next"]').getAttribute('href')).toBe(
          `lesson.html?id=${LESSONS[i + 1].id}`,
        );
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  for (const c of [
    { width: 1280, extra: '' },
    { width: 360, extra: '&theme=dark&large=1' },
  ])
    it(`axe: no serious or critical violation at ${c.width} px${c.extra}`, async () => {
      const page = await env.browser.newPage({ viewport: { width: c.width, height: 900 } });
      const errors = watchErrors(page);
      await expectLessonsAccessible(page, env.app.url, FIRST_SIX, c.extra);
      if (c.extra) {
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
        const src = await page.locator('.lesson-figure iframe').first().getAttribute('src');
        expect(src).toContain('&theme=dark&large=1');
      }
      expect(errors).toEqual([]);
      await page.close();
    }, 300_000);

  it('an unknown id is named as text, with the list of lessons; none at all is named too', async () => {
    const page = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${env.app.url}lesson.html?id=${encodeURIComponent('<b>nope</b>')}`);
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').textContent()).toBe('No such lesson');
    const message = page.locator('.lesson-missing');
    expect(await message.textContent()).toContain('There is no lesson “<b>nope</b>”');
    expect(await message.locator('b').count()).toBe(0);
    expect(await page.locator('.lesson-list li').count()).toBe(LESSONS.length);
    expect(await page.locator('.lesson-list a').count()).toBe(READY.length);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${env.app.url}lesson.html`);
    await page.locator('h1').waitFor();
    expect(await page.locator('.lesson-missing').textContent()).toContain('names no lesson');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('Share / Embed on a figure gives its link on the lesson and an iframe snippet by figure id', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await openLesson(page, env.app.url, FIRST_SIX[0]);
    const f = FIRST_SIX[0].figures[0];
    await page
      .locator(`.lesson-figure[data-figure="${f.id}"]`)
      .getByRole('button', { name: 'Share / Embed' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByLabel('Link', { exact: true }).inputValue()).toBe(
      `${env.app.url}lesson.html?id=${FIRST_SIX[0].id}#figure-${f.id}`,
    );
    expect(await dialog.getByLabel('Embed code', { exact: true }).inputValue()).toContain(
      `embed.html?widget=${f.id}`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a frame takes its height from its own widget’s resize message, clamped, and no other', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const lesson = FIRST_SIX[0];
    await openLesson(page, env.app.url, lesson);
    const iframe = page.locator('.lesson-figure iframe').first();
    const frame = await (await iframe.elementHandle())!.contentFrame();
    await frame!.waitForLoadState();
    // The widget reports its own height as its content draws; inject only once that has settled,
    // or its next report (e.g. 835) lands after ours.
    await settledHeight(iframe);
    // Another window (here the lesson page itself) cannot size it.
    await page.evaluate(() => window.postMessage({ type: 'resize', height: 777 }, '*'));
    await frame!.evaluate(() => parent.postMessage({ type: 'resize', height: 'tall' }, '*'));
    await page.waitForTimeout(200);
    expect(await iframe.getAttribute('height')).not.toBe('777');
    // The widget answers each new frame size with its own report (its root fills the frame), which
    // may land right after ours: record every height the frame takes rather than read the last.
    await iframe.evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { frameHeights: string[] }).frameHeights = seen;
      // Old values too: two changes within one task reach the observer as one batch.
      new MutationObserver((records) => {
        for (const r of records) seen.push(r.oldValue ?? '');
        seen.push(el.getAttribute('height') ?? '');
      }).observe(el, { attributes: true, attributeFilter: ['height'], attributeOldValue: true });
    });
    const heights = () =>
      page.evaluate(() => (window as unknown as { frameHeights: string[] }).frameHeights.slice());
    await frame!.evaluate(() => parent.postMessage({ type: 'resize', height: 1e6 }, '*'));
    await expect.poll(async () => (await heights()).includes('2000')).toBe(true);
    await frame!.evaluate(() => parent.postMessage({ type: 'resize', height: 333.3 }, '*'));
    await expect.poll(async () => (await heights()).includes('333')).toBe(true);
    expect(await heights()).not.toContain('777');
    expect((await heights()).every((h) => Number(h) >= 120 && Number(h) <= 2000)).toBe(true);
    await page.close();
  }, 120_000);

  it('lesson 1’s figures draw inside their frames (the contour race and its loss curves)', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await openLesson(page, env.app.url, FIRST_SIX[0]);
    for (const f of FIRST_SIX[0].figures) {
      const stats = await pixelStats(page, await drawnFigure(page, f.id, 0.02));
      // Drawn, not a blank or one-colour frame: many colours and much ink off the background.
      expect(stats.distinct, f.id).toBeGreaterThan(20);
      expect(stats.nonBackground / stats.total, f.id).toBeGreaterThan(0.02);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});

/** Polls the frame's height attribute until it has not changed for 1.5 s, and returns it. */
async function settledHeight(iframe: import('playwright-core').Locator): Promise<string | null> {
  let last = await iframe.getAttribute('height');
  let since = Date.now();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await iframe.getAttribute('height');
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= 1500) return now;
  }
  throw new Error(`the frame's height never settled (last ${last})`);
}
