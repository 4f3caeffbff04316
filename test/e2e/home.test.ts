/**
 * The home page (issue #12): a table of contents of every lesson and both playgrounds, links that
 * resolve, planned lessons without one, old `/?…` race links forwarded to race.html, the look in
 * its link, axe-clean at 360 and 1280 px in both themes, and a first page free of the heavy
 * libraries (bench/firstPage walks the built HTML's import graph).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_PAGE_BOUND_KB, HEAVY_MARKERS, pageWeight } from '../../bench/firstPage';
import { LESSONS } from '../../src/ui/lessons/registry';
import { axeViolations } from './axe';
import { ARTIFACTS, LINK_WAIT, servedBrowser, skipBrowser, watchErrors } from './harness';

const DIST = 'e2e-home';
// The landscape page too: its build holds every heavy library, so the markers' own check can fail.
const env = servedBrowser(DIST, ['home', 'main', 'landscape', 'lesson']);

async function openHome(query = '', width = 1280) {
  const page = await env.browser.newPage({ viewport: { width, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(`${env.app.url}index.html${query}`);
  await page.waitForSelector('#lessons li');
  return { page, errors };
}

describe.skipIf(skipBrowser)('the home page', () => {
  it('lists every lesson in order: ready ones link to their page, planned ones say so', async () => {
    const { page, errors } = await openHome();
    const entries = await page.locator('#lessons li').evaluateAll((lis) =>
      lis.map((li) => ({
        id: li.getAttribute('data-lesson'),
        heading: li.querySelector('h3')?.textContent,
        promise: li.querySelector('p')?.textContent,
        href: li.querySelector('a')?.getAttribute('href') ?? null,
        coming: li.querySelector('.home-coming')?.textContent ?? null,
        thumb: li.querySelector('img')?.getAttribute('src'),
      })),
    );
    expect(entries).toHaveLength(LESSONS.length);
    LESSONS.forEach((lesson, i) => {
      const e = entries[i];
      expect(e.id).toBe(lesson.id);
      expect(e.heading).toBe(`${lesson.number}. ${lesson.title}`);
      expect(e.promise).toBe(lesson.promise);
      expect(e.thumb).toBe(`thumbs/${lesson.id}.webp`);
      if (lesson.status === 'ready') {
        expect(e.href).toBe(`./lesson.html?id=${lesson.id}`);
        expect(e.coming).toBeNull();
      } else {
        expect(e.href).toBeNull();
        expect(e.coming).toContain('Coming soon');
      }
    });
    // Every picture is served (they load lazily, so ask for them rather than scroll).
    const thumbs = [
      ...entries.map((e) => e.thumb!),
      'thumbs/race.webp',
      'thumbs/landscape.webp',
      'thumbs/map.webp',
    ];
    for (const src of thumbs) {
      const res = await page.request.get(`${env.app.url}${src}`);
      expect([src, res.status(), res.headers()['content-type']]).toEqual([src, 200, 'image/webp']);
    }
    const playgrounds = page.getByRole('region', { name: 'Playgrounds' });
    await expect(
      playgrounds.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).resolves.toEqual(['./race.html', './landscape.html', './map.html']);
    await expect(
      page.locator('nav[aria-label="Site"] [aria-current="page"]').textContent(),
    ).resolves.toBe('Home');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a ready lesson's link opens its lesson page", async () => {
    const ready = LESSONS.find((l) => l.status === 'ready');
    if (!ready) return; // none written yet: nothing to follow
    const { page, errors } = await openHome();
    await page.getByRole('link', { name: ready.title, exact: true }).click();
    await page.waitForURL(/lesson\.html\?id=/);
    expect(new URL(page.url()).searchParams.get('id')).toBe(ready.id);
    await page.getByRole('heading', { level: 1, name: ready.title }).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('forwards an old race link (/?opt=adam) to race.html with its query and hash', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.app.url}?opt=adam&lr.adam=0.01#x`);
    await page.waitForURL(/race\.html/);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/race.html');
    expect(url.search).toBe('?opt=adam&lr.adam=0.01');
    expect(url.hash).toBe('#x');
    await page.close();
  });

  it('keeps its look in its link and carries it onto the site links', async () => {
    const { page, errors } = await openHome('?theme=dark');
    expect(new URL(page.url()).pathname).toBe('/index.html');
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await page.getByRole('button', { name: 'Large type' }).click();
    await expect.poll(() => new URL(page.url()).search, LINK_WAIT).toBe('?theme=dark&large=1');
    await expect(
      page.getByRole('link', { name: 'Optimizer race' }).first().getAttribute('href'),
    ).resolves.toBe('./race.html?theme=dark&large=1');
    await page.getByRole('button', { name: '☀ Light' }).click();
    await expect.poll(() => new URL(page.url()).search, LINK_WAIT).toBe('?large=1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is reachable by keyboard: Tab walks the nav, then the lessons in order', async () => {
    const { page } = await openHome();
    const focused: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(focused.slice(0, 4)).toEqual(['Home', 'Lessons', 'Optimizer race', 'Loss landscapes']);
    const firstReady = LESSONS.find((l) => l.status === 'ready');
    if (firstReady) expect(focused.slice(4)).toContain(firstReady.title);
    await page.close();
  });

  for (const [width, query] of [
    [360, ''],
    [360, '?theme=dark&large=1'],
    [1280, ''],
    [1280, '?theme=dark'],
  ] as const)
    it(`axe: no serious or critical violation at ${width} px ${query || '(light)'}`, async () => {
      const { page, errors } = await openHome(query, width);
      expect(await axeViolations(page)).toEqual([]);
      // Nothing wider than the window.
      await expect(
        page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).resolves.toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });

  it(`loads no tfjs, three.js, h5wasm or KaTeX, within ${FIRST_PAGE_BOUND_KB} KB gzipped`, () => {
    const home = pageWeight(resolve(ARTIFACTS, DIST), 'index.html');
    expect(home.files.length).toBeGreaterThan(0);
    expect(home.heavy).toEqual([]);
    expect(home.gzipKb).toBeLessThanOrEqual(FIRST_PAGE_BOUND_KB);
    // Each marker is found where its library is: the check can fail.
    const assets = resolve(ARTIFACTS, DIST, 'assets');
    const code = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(resolve(assets, f), 'utf8'));
    for (const [lib, marker] of Object.entries(HEAVY_MARKERS))
      expect([lib, code.some((c) => c.includes(marker))]).toEqual([lib, true]);
  });
});
