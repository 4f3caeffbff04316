import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import {
  ARTIFACTS,
  screenshotPath,
  serveStatic,
  servedBrowser,
  skipBrowser,
  watchErrors,
  type App,
} from './harness';
import { pixelStats, waitForPainted } from './pixels';
import { SHARED_LOSS_CEILING } from '../../src/core/view/sharedScale';

/**
 * The landscape family of embed.html's widgets (issue 12): landscape, landscape-compare, line
 * and toy, each at 360 and 1280 px, in an <iframe> of a host page on another origin, driven by
 * postMessage through the host bridge.
 */
const env = servedBrowser('embed-landscape-dist', ['embed']);

// A bare host page on a second origin: one frame, the messages it posts, and a send().
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head>
<body><main><iframe id="w" title="Widget" style="border:0;width:100%;height:95vh"></iframe></main>
<script>
window.received = [];
const frame = document.getElementById('w');
addEventListener('message', (e) => { if (e.source === frame.contentWindow) received.push(e.data); });
let next = 0;
window.send = (c) => { const id = ++next; frame.contentWindow.postMessage({ ...c, id }, '*'); return id; };
</script></body></html>`;
let host: App;
beforeAll(async () => {
  if (skipBrowser) return;
  const dir = resolve(ARTIFACTS, 'embed-landscape-host');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'host.html'), HOST);
  host = await serveStatic(dir);
});
afterAll(async () => {
  await host?.close();
});

type Message = Record<string, unknown> & { type: string };

/** The host page with the widget of `query` in its frame, at `width` CSS pixels. */
async function openWidget(query: string, width: number) {
  const page = await env.browser.newPage({ viewport: { width, height: width > 700 ? 900 : 800 } });
  const errors = watchErrors(page);
  await page.goto(`${host.url}host.html`);
  await page.evaluate((src) => {
    document.querySelector('iframe')!.src = src;
  }, `${env.app.url}embed.html?${query}`);
  const frame = await waitForFrame(page);
  return { page, frame, errors };
}

async function waitForFrame(page: Page): Promise<Frame> {
  for (;;) {
    const f = page.frames().find((x) => x.url().includes('embed.html'));
    if (f) return f;
    await page.waitForTimeout(50);
  }
}

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Message[] }).received);

async function waitForMessage(
  page: Page,
  match: (m: Message) => boolean,
  what: string,
  timeout = 60_000,
): Promise<Message> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const hit = (await received(page)).find(match);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

async function command(page: Page, c: Record<string, unknown>): Promise<Message> {
  const id = await page.evaluate(
    (x) => (window as unknown as { send(c: unknown): number }).send(x),
    c,
  );
  return waitForMessage(page, (m) => m.type === 'reply' && m.id === id, `reply to ${c.type}`);
}

/** The figure is drawn: many colours, mostly not the background. */
async function expectPainted(page: Page, figure: Locator, name: string, share = 0.2) {
  const s = await pixelStats(page, await figure.screenshot({ path: screenshotPath(name) }));
  expect(s.distinct, name).toBeGreaterThan(20);
  expect(s.nonBackground / s.total, name).toBeGreaterThan(share);
}

/** No console errors, and no serious or critical axe violations in the widget's frame. */
async function expectClean(frame: Frame, errors: string[]) {
  expect(errors).toEqual([]);
  // axeViolations evaluates in a page; a Frame evaluates the same way, in its own document.
  expect(await axeViolations(frame as unknown as Page, '.embed-widget')).toEqual([]);
}

/**
 * The colour-bar labels whose box is not inside their SVG's (which clips them there), as
 * "label [box] outside [svg box]"; throws when there are no labels to check.
 */
async function barLabelsOutside(frame: Frame, where: string): Promise<string[]> {
  const boxes = await frame.evaluate(() =>
    [...document.querySelectorAll('.colour-bar text')].map((t) => {
      const b = t.getBoundingClientRect(),
        s = t.closest('svg')!.getBoundingClientRect();
      return {
        text: t.textContent,
        b: [b.left, b.top, b.right, b.bottom],
        s: [s.left, s.top, s.right, s.bottom],
      };
    }),
  );
  if (boxes.length === 0) throw new Error(`${where}: no colour-bar labels drawn`);
  const px = (r: number[]) => `[${r.map(Math.round).join(', ')}]`;
  // Half a pixel for sub-pixel layout.
  return boxes
    .filter(
      ({ b, s }) =>
        b[0] < s[0] - 0.5 || b[1] < s[1] - 0.5 || b[2] > s[2] + 0.5 || b[3] > s[3] + 0.5,
    )
    .map(({ text, b, s }) => `${where}: ${text} ${px(b)} outside ${px(s)}`);
}

const formControls = (frame: Frame) =>
  frame.locator('.embed-widget').locator('input, select, textarea, button').count();

const WIDTHS = [360, 1280] as const;

describe.skipIf(skipBrowser)(
  'landscape widgets in embed.html (issue 12)',
  { timeout: 240_000 },
  () => {
    for (const width of WIDTHS) {
      it(`landscape at ${width} px: the precomputed slice with its colour bar and facts, no controls with controls=none, then 3D by view3d=1`, async () => {
        const { page, frame, errors } = await openWidget(
          'widget=landscape&controls=none&model=resnet-20',
          width,
        );
        const contour = frame.locator('.ls-contour');
        await contour.waitFor({ timeout: 60_000 });
        expect(Number(await contour.getAttribute('data-bands'))).toBeGreaterThan(10);
        expect(
          Number(await frame.locator('.colour-bar').getAttribute('data-levels')),
        ).toBeGreaterThan(2);
        await expect(frame.locator('.lw-facts').textContent()).resolves.toMatch(
          /^loss [\d.]+ … [\d.e+−]+ · test accuracy [\d.]+ % at the centre/,
        );
        await expectPainted(page, contour, `embed-landscape-${width}`);
        expect(await formControls(frame)).toBe(0);
        // done: the slice loaded (said even when it loaded before the bridge subscribed).
        await waitForMessage(page, (m) => m.type === 'done', 'done');
        await expectClean(frame, errors);

        // set speaks the page's link: view3d=1 turns the figure to 3D, and state says so.
        const set = await command(page, { type: 'set', params: { view3d: '1' } });
        expect(set).toMatchObject({
          ok: true,
          result: { params: { model: 'resnet-20', view3d: '1' } },
        });
        const canvas = frame.locator('.ls-three canvas');
        await canvas.waitFor({ timeout: 60_000 });
        await waitForPainted(frame as unknown as Page, canvas);
        await waitForMessage(
          page,
          (m) => m.type === 'state' && (m.params as Record<string, string>).view3d === '1',
          'state with view3d=1',
        );
        expect(errors).toEqual([]);
        await page.close();
      });

      it(`landscape-compare at ${width} px: two labelled maps on one colour scale, side by side when wide, stacked when narrow`, async () => {
        const { page, frame, errors } = await openWidget(
          'widget=landscape-compare&controls=compact&model=resnet-20',
          width,
        );
        const withSkip = frame.getByRole('region', { name: 'ResNet-20 with skip connections' });
        const without = frame.getByRole('region', { name: 'ResNet-20 without skip connections' });
        await without.locator('.ls-contour').waitFor({ timeout: 60_000 });
        await withSkip.locator('.ls-contour').waitFor();
        // One scale: both colour bars end at the larger of the two maxima, or at the shared
        // scale's ceiling (loss 100) when a map rises above it.
        const maxOf = (r: Locator) =>
          r.locator('.ls-contour').getAttribute('data-max').then(Number);
        const ends = await frame
          .locator('.lw-compare')
          .evaluate((e) => [
            Number(e.getAttribute('data-scale-min')),
            Number(e.getAttribute('data-scale-max')),
          ]);
        expect(ends[1]).toBe(
          Math.min(SHARED_LOSS_CEILING, Math.max(await maxOf(withSkip), await maxOf(without))),
        );
        expect(await maxOf(without)).not.toBe(await maxOf(withSkip));
        const bars = await frame.locator('.colour-bar .axes text:last-child').allTextContents();
        expect(bars).toHaveLength(2);
        expect(bars[0]).toBe(bars[1]);
        const [a, b] = [await withSkip.boundingBox(), await without.boundingBox()];
        if (width < 700) expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height);
        else expect(b!.x).toBeGreaterThanOrEqual(a!.x + a!.width);
        await expectPainted(page, withSkip.locator('.ls-contour'), `embed-compare-skip-${width}`);
        await expectPainted(page, without.locator('.ls-contour'), `embed-compare-noskip-${width}`);
        await page.screenshot({ path: screenshotPath(`embed-compare-${width}`) });
        // The compact controls: depth and plane; a click reloads both at the new depth.
        await frame.getByRole('button', { name: 'ResNet-56' }).click();
        await frame
          .getByRole('region', { name: 'ResNet-56 without skip connections' })
          .locator('.ls-contour')
          .waitFor({ timeout: 60_000 });
        await waitForMessage(
          page,
          (m) => m.type === 'state' && (m.params as Record<string, string>).model === 'resnet-56',
          'state with model=resnet-56',
        );
        await expectClean(frame, errors);
        await page.close();
      });

      it(`landscape-grid at ${width} px: every shipped slice drawn on one scale, no controls with controls=none`, async () => {
        const { page, frame, errors } = await openWidget(
          'widget=landscape-grid&controls=none',
          width,
        );
        const maps = frame.locator('.lc-panel .ls-contour');
        // Every random-direction slice the index ships (six ResNets today) gets a panel.
        await maps.nth(5).waitFor({ timeout: 60_000 });
        const scales = await maps.evaluateAll((ms) =>
          ms.map((m) => m.getAttribute('data-scale-max')),
        );
        expect(new Set(scales).size).toBe(1);
        await expectPainted(page, maps.first(), `embed-grid-first-${width}`);
        await expectPainted(page, maps.last(), `embed-grid-last-${width}`);
        // No controls: no form fields and no level switch; each panel's title stays a button
        // that opens it large.
        expect(
          await frame.locator('.embed-widget').locator('input, select, textarea').count(),
        ).toBe(0);
        expect(await frame.getByRole('button', { name: /Paper's levels/ }).count()).toBe(0);
        expect(await frame.locator('.embed-widget button').count()).toBe(await maps.count());
        expect(
          await frame.evaluate(() => document.documentElement.scrollWidth),
        ).toBeLessThanOrEqual(width);
        await expectClean(frame, errors);
        await page.close();
      });

      it(`colour bars at ${width} px, normal and large type: every label inside its figure, ResNet-110's 9.4e+17 at the top too`, async () => {
        // Depth 110 shares a scale up to ResNet-110-NS's walls (9.4e+17), the longest labels;
        // the grid's large view is the landscape page's comparison, opened.
        for (const look of ['', '&large=1'])
          for (const widget of ['landscape-compare&model=resnet-110', 'landscape-grid']) {
            const { page, frame, errors } = await openWidget(`widget=${widget}${look}`, width);
            const maps = frame.locator('.ls-contour[data-bands]');
            await maps.nth(1).waitFor({ timeout: 60_000 });
            const where = `${widget}${look} at ${width} px`;
            expect(await barLabelsOutside(frame, where)).toEqual([]);
            if (widget === 'landscape-grid') {
              await frame
                .getByRole('button', { name: 'ResNet-110 without skip connections' })
                .click();
              await frame.getByRole('dialog').locator('.colour-bar').waitFor({ timeout: 30_000 });
              expect(await barLabelsOutside(frame, `${where}, opened large`)).toEqual([]);
            }
            expect(errors).toEqual([]);
            await page.close();
          }
      });

      it(`line at ${width} px: computes the interpolation when shown and draws it, no controls with controls=none`, async () => {
        const { page, frame, errors } = await openWidget(
          'widget=line&controls=none&model=resnet-20&samples=8',
          width,
        );
        expect(await formControls(frame)).toBe(0);
        await frame.locator('.lw-facts[data-line-status=done]').waitFor({ timeout: 150_000 });
        await waitForMessage(page, (m) => m.type === 'done', 'done');
        await expect(frame.locator('.lw-facts').textContent()).resolves.toMatch(/α = 0 and 1/);
        const chart = frame.locator('.ls-line-chart');
        await expectPainted(page, chart, `embed-line-${width}`, 0.03);
        expect(await formControls(frame)).toBe(0);
        await expectClean(frame, errors);
        await page.close();
      });

      it(`toy at ${width} px: play trains (autoplay when asked), done when trained, and the figures are drawn`, async () => {
        const wide = width > 700;
        const { page, frame, errors } = await openWidget(
          `widget=toy&controls=${wide ? 'compact' : 'none'}&toy=circle&toy.steps=60${wide ? '' : '&autoplay=1'}`,
          width,
        );
        const ready = await waitForMessage(page, (m) => m.type === 'ready', 'ready');
        expect(ready.params).toMatchObject({ toy: 'circle', 'toy.steps': '60' });
        if (wide) {
          // compact: Train and the learning rate, nothing else; play through the bridge.
          await expect(formControls(frame)).resolves.toBe(3);
          expect(await command(page, { type: 'set', params: { 'toy.lr': '0.05' } })).toMatchObject({
            ok: true,
          });
          await expect(
            frame.getByRole('slider', { name: 'Learning rate' }).inputValue(),
          ).resolves.toBeTruthy();
          expect(await command(page, { type: 'play' })).toMatchObject({ ok: true });
        } else expect(await formControls(frame)).toBe(0);
        await waitForMessage(page, (m) => m.type === 'done', 'done', 120_000);
        const map = frame.locator('.ls-toy-map');
        await expectPainted(page, map, `embed-toy-map-${width}`);
        await expectPainted(
          page,
          frame.locator('.ls-toy .ls-contour'),
          `embed-toy-contour-${width}`,
        );
        const got = await command(page, { type: 'get', keys: ['toy', 'toy.lr', 'toy.opt'] });
        expect(got).toMatchObject({
          ok: true,
          result: {
            params: { toy: 'circle', 'toy.lr': wide ? '0.05' : '0.03', 'toy.opt': 'adam' },
          },
        });
        await expectClean(frame, errors);
        await page.close();
      });
    }

    it('set refuses a bad value by naming the key, keeps the rest, and a landscape widget has no play', async () => {
      const { page, frame, errors } = await openWidget(
        'widget=landscape&controls=compact&model=resnet-20',
        1280,
      );
      await frame.locator('.ls-contour').waitFor({ timeout: 60_000 });
      const bad = await command(page, { type: 'set', params: { model: 'resnet-99', skip: 'off' } });
      expect(bad.ok).toBe(false);
      expect(bad.error).toMatch(/'model'.*resnet-20, resnet-56, resnet-110.*; unchanged/);
      // The refused model stays as it was; skip applied. An optional key that is off (view3d) is
      // left out, as the link leaves it out.
      const got = await command(page, { type: 'get', keys: ['model', 'skip', 'view', 'view3d'] });
      expect(got.result).toEqual({ params: { model: 'resnet-20', skip: 'off', view: 'random' } });
      await frame.getByRole('heading', { name: /^ResNet-20 without skip connections/ }).waitFor();
      expect((await command(page, { type: 'play' })).ok).toBe(false);
      // The compact controls: depth, skip, plane, figure; figure_hide=1 would take the last away.
      await expect(frame.getByRole('group', { name: 'Figure' }).count()).resolves.toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);
