/**
 * Regenerates docs/screenshots/landscape-compare.png and landscape-compare-paper.png (the
 * README's and docs/SHIPPED.md's pictures of the shipped slices side by side) from the
 * production build in headless Chromium, default settings and upstream's paper levels:
 * `npx tsx scripts/screenshot-compare.ts`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAndServe, launch, ROOT } from '../test/e2e/harness';
import { decodePng, toPng8 } from './png8';

const app = await buildAndServe('screenshot-compare-dist', ['landscape']);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const [query, name] of [
    ['compare=1', 'landscape-compare'],
    ['compare=1&levels=paper', 'landscape-compare-paper'],
  ]) {
    await page.goto(`${app.url}landscape.html?${query}`);
    const maps = page.locator('.lc-panel .ls-contour');
    await maps.last().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    const out = resolve(ROOT, `docs/screenshots/${name}.png`);
    // 256 colours (the contour bands are few): under half the size of the full-colour PNG.
    const png = toPng8(decodePng(await page.screenshot({ fullPage: true })));
    writeFileSync(out, png);
    console.log(`wrote ${out} (${Math.round(png.length / 1024)} KB)`);
  }
} finally {
  await browser.close();
  await app.close();
}
