/**
 * Regenerates docs/screenshots/race.png (the README's picture of the race) from the production
 * build in headless Chromium: `npx tsx scripts/screenshot-race.ts`.
 */
import { resolve } from 'node:path';
import { buildAndServe, launch, ROOT, waitForRace } from '../test/e2e/harness';

const QUERY =
  '?surface=rosenbrock&opt=sgd,adam,rmsprop,adagrad,lion&momentum.sgd=0.9&lr.sgd=0.0005&steps=400';
const app = await buildAndServe('screenshot-dist');
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  await page.goto(app.url + 'race.html' + QUERY);
  await waitForRace(page);
  await page.waitForSelector('.surface-3d canvas', { timeout: 30_000 });
  await page.waitForTimeout(2500);
  const out = resolve(ROOT, 'docs/screenshots/race.png');
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await app.close();
}
