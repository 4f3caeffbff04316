/**
 * Screenshots of the landscape page's "Along a line" panel (light and dark, desktop and a 360 px
 * phone in large type) after a real init → trained run on the CPU backend (no WebGL, as on a
 * machine without a GPU), from the production build: `npx tsx scripts/screenshot-line.ts`.
 * Writes test-artifacts/line-*.png and prints how long the first points and the whole run took.
 */
import { resolve } from 'node:path';
import { build, preview } from 'vite';
import { ARTIFACTS, launchChromium, ROOT } from '../test/e2e/harness';

const outDir = resolve(ARTIFACTS, 'screenshot-line-dist');
await build({
  root: ROOT,
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: { input: { landscape: resolve(ROOT, 'landscape.html') } },
  },
});
const server = await preview({
  root: ROOT,
  logLevel: 'warn',
  build: { outDir },
  preview: { port: 0, host: '127.0.0.1', open: false },
});
const { port } = server.httpServer.address() as { port: number };
const browser = await launchChromium([], { webgl: false });
try {
  const shots: [string, string, { width: number; height: number }][] = [
    ['line-light', '', { width: 1440, height: 1100 }],
    ['line-dark', '&theme=dark', { width: 1440, height: 1100 }],
    ['line-360-large-dark', '&theme=dark&large=1', { width: 360, height: 900 }],
    ['line-random-light', '&line=random', { width: 1440, height: 1100 }],
  ];
  for (const [name, extra, viewport] of shots) {
    const page = await browser.newPage({ viewport });
    const q = extra.includes('line=') ? extra : `&line=interpolation${extra}`;
    await page.goto(`http://127.0.0.1:${port}/landscape.html?model=resnet-20${q}`);
    await page.getByRole('button', { name: 'Compute', exact: true }).click();
    const t0 = Date.now();
    await page.waitForFunction(
      () => Number(document.querySelector('.ls-line-chart')?.getAttribute('data-computed')) > 0,
      undefined,
      { timeout: 120_000 },
    );
    const first = (Date.now() - t0) / 1000;
    await page.waitForSelector('[data-line-status=done]', { timeout: 120_000 });
    const text = await page.locator('[data-line-status=done]').textContent();
    console.log(
      `${name}: first points after ${first.toFixed(1)} s (wall, from the click), ${text}`,
    );
    const panel = page.getByRole('region', { name: 'Along a line' });
    await panel.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await panel.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  await new Promise<void>((res) => server.httpServer.close(() => res()));
}
