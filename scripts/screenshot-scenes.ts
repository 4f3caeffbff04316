/**
 * Regenerates docs/screenshots/scene-*.png: four lecture scenes, each at 1280 px in the light
 * theme and at 360 px in the dark theme with large type, from the production build in headless
 * Chromium: `npx tsx scripts/screenshot-scenes.ts`. The 1280 px shots keep the 3D view; the
 * narrow ones show the card, the contour race and the legend: the first two screens of a phone.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAndServe, launch, ROOT, waitForRace } from '../test/e2e/harness';
import { decodePng, toPng8 } from './png8';

const SHOTS = ['lr-sizes', 'momentum-distill', 'saddle-escape', 'sharp-flat-batch'];
const LOOKS = [
  { name: '1280-light', query: '', viewport: { width: 1280, height: 1000 }, threeD: true },
  {
    name: '360-dark',
    query: '&theme=dark&large=1&3d=0',
    viewport: { width: 360, height: 1400 },
    threeD: false,
  },
] as const;

const app = await buildAndServe('screenshot-scenes-dist');
const browser = await launch();
try {
  for (const look of LOOKS) {
    const page = await browser.newPage({ viewport: look.viewport });
    for (const id of SHOTS) {
      await page.goto(`${app.url}race.html?scene=${id}${look.query}`);
      await waitForRace(page);
      await page.waitForSelector('.scene-card');
      if (look.threeD) await page.waitForSelector('.surface-3d canvas', { timeout: 30_000 });
      // The 3D view renders on demand and the legend fills in after the race: let both settle.
      await page.waitForTimeout(look.threeD ? 2500 : 800);
      const out = resolve(ROOT, `docs/screenshots/scene-${id}-${look.name}.png`);
      // A 256-colour palette keeps each picture well under 200 KB (truecolour: ~250 KB).
      const png = toPng8(decodePng(await page.screenshot()));
      writeFileSync(out, png);
      console.log(`wrote ${out} (${Math.round(png.length / 1024)} KB)`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
}
