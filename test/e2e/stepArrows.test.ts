/**
 * "Anatomy of a step": with arrows on, the race draws the gradient, momentum and update arrows
 * at the racer's shown point; the link says `arrows=1`, the key explains them, and turning the
 * toggle off takes them away (the picture is the arrows-off one again).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseRunConfig } from '../../src/core/config';
import { getSurface } from '../../src/core/surfaces/registry';
import { run } from '../../src/core/trajectory';
import { racerStyle } from '../../src/core/view/palette';
import { raceDrawingSize, viewScales } from '../../src/core/view/viewScales';
import { axeViolations } from './axe';
import {
  LINK_WAIT,
  screenshotPath,
  servedBrowser,
  skipBrowser,
  waitForRace,
  watchErrors,
} from './harness';
import { pixelDelta, settledScreenshot } from './pixels';

const env = servedBrowser('e2e-step-arrows');

// SGD with momentum 0.9 on Rosenbrock, spelled out so the test knows where θ₂₀ is.
const RACE = 'opt=sgd&surface=rosenbrock&start=-1.5,2&steps=300&lr.sgd=0.001&momentum.sgd=0.9';
const STEP = 20;

/** θ₂₀ of that race in CSS pixels of the race canvas (width × height on screen). */
function pointOnCanvas(width: number, height: number): [number, number] {
  const parsed = parseRunConfig({
    surface: 'rosenbrock',
    start: [-1.5, 2],
    steps: 300,
    optimizer: { type: 'SGD', lr: 0.001, momentum: 0.9 },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const r = run(parsed.value);
  const { domain } = getSurface('rosenbrock', {});
  const size = raceDrawingSize(domain);
  const s = viewScales(domain, size.width, size.height);
  return [
    (s.x(r.params[2 * STEP - 2]) / size.width) * width,
    (s.y(r.params[2 * STEP - 1]) / size.height) * height,
  ];
}

/** The box around every pixel where two same-sized PNGs differ. */
async function diffBox(page: Page, a: Buffer, b: Buffer) {
  return page.evaluate(
    async ([a64, b64]) => {
      const load = async (s: string) => {
        const bytes = Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
        const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const c = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(bmp, 0, 0);
        return { w: bmp.width, d: ctx.getImageData(0, 0, bmp.width, bmp.height).data };
      };
      const [A, B] = await Promise.all([load(a64), load(b64)]);
      let x0 = Infinity,
        y0 = Infinity,
        x1 = -Infinity,
        y1 = -Infinity;
      for (let i = 0; i < A.d.length; i += 4) {
        const diff =
          Math.abs(A.d[i] - B.d[i]) +
          Math.abs(A.d[i + 1] - B.d[i + 1]) +
          Math.abs(A.d[i + 2] - B.d[i + 2]);
        if (diff <= 30) continue;
        const x = (i / 4) % A.w,
          y = Math.floor(i / 4 / A.w);
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
      return { x0, y0, x1, y1 };
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

async function open(query: string, width = 1280) {
  const page = await env.browser.newPage({ viewport: { width, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(`${env.app.url}race.html?${query}`);
  await waitForRace(page);
  return { page, errors };
}

describe.skipIf(skipBrowser)('anatomy of a step', () => {
  it('draws the step arrows at the racer’s point, explains them, links them and takes them away', async () => {
    const off = await open(`${RACE}&3d=0&step=${STEP}`);
    const offPng = await settledScreenshot(off.page, off.page.locator('.race-canvas'));
    await expect(off.page.locator('.step-key').count()).resolves.toBe(0);

    const { page, errors } = await open(`${RACE}&3d=0&step=${STEP}&arrows=1`);
    const canvas = page.locator('.race-canvas');
    const onPng = await settledScreenshot(page, canvas, screenshotPath('race-step-arrows-canvas'));
    await page.screenshot({ path: screenshotPath('race-step-arrows-1280'), fullPage: true });
    await page
      .locator('.step-anatomy')
      .screenshot({ path: screenshotPath('race-step-arrows-key') });

    // New pixels in the racer's colour: the arrows' shafts and heads (≥ 60 drawing units, about
    // 33 px on this 330 px canvas; the update hides the moment arrow, −lr·b for SGD).
    const colour = racerStyle(0).color;
    const delta = await pixelDelta(page, onPng, offPng, colour);
    expect(delta.nearCount).toBeGreaterThan(60);
    // All of them start at θ₂₀: the box of what changed holds that point, and stays near it.
    const box = (await canvas.boundingBox())!;
    const [px, py] = pointOnCanvas(box.width, box.height);
    const changed = await diffBox(page, onPng, offPng);
    const pad = 12;
    expect(changed.x0).toBeLessThanOrEqual(px + pad);
    expect(changed.x1).toBeGreaterThanOrEqual(px - pad);
    expect(changed.y0).toBeLessThanOrEqual(py + pad);
    expect(changed.y1).toBeGreaterThanOrEqual(py - pad);
    expect(Math.max(changed.x1 - changed.x0, changed.y1 - changed.y0)).toBeLessThan(box.width / 2);

    // The key names the three arrows and the racer's buffer; the toggle is on; axe has nothing serious.
    const key = page.locator('.step-key');
    await expect(key.textContent()).resolves.toMatch(/−lr·g.*−lr·m.*θₜ₊₁ − θₜ/);
    await expect(key.textContent()).resolves.toContain('momentum buffer b');
    await expect(key.locator('.step-key-zoom').textContent()).resolves.toContain(
      `step ${STEP + 1}`,
    );
    const toggle = page.getByRole('checkbox', { name: 'Anatomy of a step' });
    await expect(toggle.isChecked()).resolves.toBe(true);
    expect(await axeViolations(page, '.step-anatomy')).toEqual([]);
    expect(page.url()).toContain('arrows=1');

    // Off again: no key, no arrows in the link, and the picture is the one without arrows.
    await toggle.uncheck();
    await expect(key.count()).resolves.toBe(0);
    await expect.poll(() => page.url(), LINK_WAIT).not.toContain('arrows=');
    const back = await settledScreenshot(page, canvas);
    expect((await pixelDelta(page, back, offPng)).count).toBe(0);
    // And on by the checkbox: the link says so.
    await toggle.check();
    await expect.poll(() => page.url(), LINK_WAIT).toContain('arrows=1');

    expect([...errors, ...off.errors]).toEqual([]);
    await page.close();
    await off.page.close();
  }, 240_000);

  it('fits a 360 px screen: the key wraps, axe finds nothing serious', async () => {
    const { page, errors } = await open(`${RACE}&3d=0&step=${STEP}&arrows=1`, 360);
    await settledScreenshot(page, page.locator('.race-canvas'));
    await page.screenshot({ path: screenshotPath('race-step-arrows-360'), fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page, '.step-anatomy')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
