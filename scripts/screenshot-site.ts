/**
 * Regenerates the home page's pictures and the README's site screenshots from the production
 * build in headless Chromium: `npx tsx scripts/screenshot-site.ts`.
 *
 * * `public/thumbs/<lesson id>.webp`, one per lesson: its first figure where the record has
 *   figures, else the race scene or landscape view in SOURCES; `race.webp` and `landscape.webp`
 *   and `map.webp` for the playgrounds. Each is the figure's panel at 1280 px, scaled to 320 × 200 (centre crop)
 *   and encoded as WebP by the browser itself, at the best quality that stays ≤ 30 KB.
 * * `docs/screenshots/home.png` (1280 px), `docs/screenshots/lesson.png` (the first ready
 *   lesson; left as it is when no lesson is ready) and `docs/screenshots/map.png` (the
 *   trainability map page with a cell's run open), as 256-colour PNGs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { widgetById } from '../src/ui/embed/widgets';
import { LESSONS } from '../src/ui/lessons/registry';
import { ARTIFACTS, buildAndServe, launch, ROOT, waitForRace } from '../test/e2e/harness';
import { decodePng, toPng8 } from './png8';

/** A picture's source: a page (with its query) whose panel is shot. */
interface Source {
  page: 'race.html' | 'landscape.html' | 'embed.html' | 'map.html';
  query: string;
}

const race = (query: string): Source => ({ page: 'race.html', query });
const landscape = (query: string): Source => ({ page: 'landscape.html', query });
const map = (query: string): Source => ({ page: 'map.html', query });

/** For lessons without figures yet: the scene (core/scenes) or view that shows their topic. */
const SOURCES: Record<string, Source> = {
  'learning-rate': race('scene=lr-sizes'),
  momentum: race('scene=momentum-distill'),
  'saddle-points': race('scene=saddle-escape'),
  adaptive: race('scene=adagrad-rmsprop-adam'),
  'weight-decay': race('scene=adam-l2-vs-adamw'),
  'sign-updates': race('scene=lion-vs-adamw'),
  curvature: race('scene=newton-curvature'),
  schedules: race('scene=schedules'),
  'batch-size': race('scene=sharp-flat-batch'),
  'skip-connections': landscape('model=resnet-56&skip=off'),
  'large-batch': race('opt=sgd,lars,lamb'),
  initialisation: landscape('model=resnet-20'),
  'fair-comparisons': race('opt=sgd,adam,rmsprop,lion'),
};

const THUMB = { width: 320, height: 200, maxBytes: 30 * 1024 } as const;

function sourceOf(lessonId: string): Source {
  const figure = LESSONS.find((l) => l.id === lessonId)?.figures[0];
  const family = figure && widgetById(figure.widget)?.family;
  // A toy figure shows its network once trained: its embed, trained there (a few seconds).
  if (figure?.widget === 'toy') return { page: 'embed.html', query: `widget=${figure.id}` };
  if (figure && family) return family === 'race' ? race(figure.query) : landscape(figure.query);
  const s = SOURCES[lessonId];
  if (!s) throw new Error(`scripts/screenshot-site.ts: no picture source for lesson '${lessonId}'`);
  return s;
}

/** The page's main figure panel, drawn, as a PNG at 1280 px. */
async function shootPanel(page: Page, base: string, s: Source): Promise<Buffer> {
  await page.goto(`${base}${s.page}?${s.query}${s.page === 'race.html' ? '&3d=0' : ''}`);
  if (s.page === 'embed.html') {
    await page.getByRole('button', { name: 'Train' }).click();
    await page.locator('[data-toy-status="done"]').waitFor({ timeout: 180_000 });
    await page.waitForTimeout(500);
    return page.locator('.ls-toy-map').screenshot();
  }
  if (s.page === 'map.html') {
    // The map computes on opening (WebAssembly here: a few seconds for the default preset).
    await page.waitForSelector('.map-frame[data-map-computed="true"]', { timeout: 180_000 });
    await page.waitForTimeout(500);
    return page.locator('.map-pixels').screenshot();
  }
  if (s.page === 'race.html') {
    await waitForRace(page);
    await page.waitForTimeout(500);
    return page.locator('.contour-race .race-frame').screenshot();
  }
  await page.waitForFunction(
    () => Number(document.querySelector('.ls-contour')?.getAttribute('data-bands')) > 0,
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(500);
  return page.locator('.ls-contour').screenshot();
}

/** A PNG scaled to the thumbnail's size (centre crop) as WebP ≤ THUMB.maxBytes, in the browser. */
async function toThumb(browser: Browser, png: Buffer): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const dataUrls = await page.evaluate(
      async ({ b64, w, h }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const scale = Math.max(w / img.width, h / img.height);
        const sw = w / scale;
        const sh = h / scale;
        const canvas = document.createElement('canvas');
        canvas.width = w;
        canvas.height = h;
        const ctx = canvas.getContext('2d')!;
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(img, (img.width - sw) / 2, (img.height - sh) / 2, sw, sh, 0, 0, w, h);
        return [0.9, 0.8, 0.7, 0.6, 0.5].map((q) => canvas.toDataURL('image/webp', q));
      },
      { b64: png.toString('base64'), w: THUMB.width, h: THUMB.height },
    );
    for (const url of dataUrls) {
      const bytes = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
      if (bytes.length <= THUMB.maxBytes) return bytes;
    }
    throw new Error(`a thumbnail stays over ${THUMB.maxBytes} bytes at quality 0.5`);
  } finally {
    await page.close();
  }
}

const DIST = 'screenshot-site-dist';
const thumbsDir = resolve(ROOT, 'public/thumbs');
// The build copied public/ before the new pictures existed: the home page's shot reads them here.
const servedThumbs = resolve(ARTIFACTS, DIST, 'thumbs');
const ready = LESSONS.find((l) => l.status === 'ready');
const app = await buildAndServe(DIST, [
  'home',
  'main',
  'landscape',
  'embed',
  'map',
  ...(ready ? (['lesson'] as const) : []),
]);
// `ONLY=initialisation,race` redoes those pictures alone (and no screenshots); `SHOTS=map` redoes
// those screenshots alone (and no pictures).
const shotsOnly = process.env.SHOTS?.split(',');
const only = process.env.ONLY?.split(',') ?? (shotsOnly ? [] : undefined);
mkdirSync(thumbsDir, { recursive: true });
mkdirSync(servedThumbs, { recursive: true });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const jobs: [string, Source][] = [
    ...LESSONS.map((l): [string, Source] => [l.id, sourceOf(l.id)]),
    ['race', race('')],
    ['landscape', landscape('')],
    ['map', map('')],
  ].filter(([id]) => !only || only.includes(id));
  for (const [id, source] of jobs) {
    const webp = await toThumb(browser, await shootPanel(page, app.url, source));
    const out = resolve(thumbsDir, `${id}.webp`);
    writeFileSync(out, webp);
    writeFileSync(resolve(servedThumbs, `${id}.webp`), webp);
    console.log(`wrote ${out} (${(webp.length / 1024).toFixed(1)} KB)`);
  }

  const shots: [string, string][] =
    only && !shotsOnly
      ? []
      : [
          ['home', 'index.html'],
          ['map', 'map.html?preset=mlp-fractal&cell=40,28'],
        ];
  if (only && !shotsOnly) console.log('ONLY: no screenshots');
  else if (ready) shots.push(['lesson', `lesson.html?id=${ready.id}`]);
  else console.log('no lesson is ready: docs/screenshots/lesson.png left as it is');
  for (const [name, path] of shots.filter(([n]) => !shotsOnly || shotsOnly.includes(n))) {
    await page.goto(`${app.url}${path}`);
    await page.waitForLoadState('networkidle');
    if (name === 'map')
      await page.waitForSelector('.map-frame[data-map-computed="true"]', { timeout: 180_000 });
    await page.waitForTimeout(2000);
    const png = toPng8(decodePng(await page.screenshot()));
    const out = resolve(ROOT, `docs/screenshots/${name}.png`);
    writeFileSync(out, png);
    console.log(`wrote ${out} (${Math.round(png.length / 1024)} KB)`);
  }
  await page.close();
} finally {
  await browser.close();
  await app.close();
}
