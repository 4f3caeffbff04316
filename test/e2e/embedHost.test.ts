import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { WIDGETS } from '../../src/ui/embed/widgets';
import { ROOT, screenshotPath, serveStatic, servedBrowser, skipBrowser, type App } from './harness';
import { waitForPainted } from './pixels';

/**
 * The example host deck (public/examples/slides.html, docs/EMBED.md) served from a second origin,
 * embedding the site's embed.html twice and driving the widgets by postMessage (issue 12).
 */
const env = servedBrowser('embed-host-dist', ['embed']);
let deckServer: App;
beforeAll(async () => {
  if (!skipBrowser) deckServer = await serveStatic(resolve(ROOT, 'public/examples'));
});
afterAll(async () => {
  await deckServer?.close();
});

interface Received {
  frame: string;
  message: Record<string, unknown> & { type: string };
}

const received = (page: Page): Promise<Received[]> =>
  page.evaluate(() => (window as unknown as { deck: { received: Received[] } }).deck.received);

/** Posts a command through the deck's own `deck.send`; returns its id. */
const send = (page: Page, frame: string, command: Record<string, unknown>): Promise<number> =>
  page.evaluate(
    ([f, c]) =>
      (window as unknown as { deck: { send(f: string, c: unknown): number } }).deck.send(f, c),
    [frame, command] as const,
  );

/** Waits for the first message from `frame` that `match` accepts, and returns it. */
async function waitFor(
  page: Page,
  frame: string,
  match: (m: Received['message']) => boolean,
  what: string,
  timeout = 30_000,
): Promise<Received['message']> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const hit = (await received(page)).find((r) => r.frame === frame && match(r.message));
    if (hit) return hit.message;
    if (Date.now() > deadline) throw new Error(`no ${what} from ${frame} within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

const replyTo = (page: Page, frame: string, id: number) =>
  waitFor(page, frame, (m) => m.type === 'reply' && m.id === id, `reply #${id}`);

const stepsFrom = async (page: Page, frame: string) =>
  (await received(page)).filter((r) => r.frame === frame && r.message.type === 'step');

const LIGHT = encodeURIComponent('widget=contour&scene=lr-sizes&controls=none');
const CURVES = encodeURIComponent('widget=loss-curves&scene=lr-sizes');

async function openDeck(query: string, hash = '#2') {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const site = encodeURIComponent(env.app.url);
  await page.goto(`${deckServer.url}slides.html?site=${site}${query}${hash}`);
  return { page, errors };
}

describe.skipIf(skipBrowser)('embed host deck (issue 12)', () => {
  it('is served from another origin than the site', () => {
    expect(new URL(deckServer.url).origin).not.toBe(new URL(env.app.url).origin);
  });

  it('both widgets say ready; play, set, seek and get drive them; bad commands are named', async () => {
    const { page, errors } = await openDeck('');
    const race = await waitFor(page, 'race', (m) => m.type === 'ready', 'ready');
    const curves = await waitFor(page, 'curves', (m) => m.type === 'ready', 'ready');
    expect(race.widget).toBe('race');
    expect(curves.widget).toBe('loss-curves');
    expect((race.params as Record<string, string>).opt).toBe('sgd,sgd-2,sgd-3,sgd-4');
    expect(await axeViolations(page)).toEqual([]);

    // play from the deck's button: replies, then step events that move forward.
    await send(page, 'race', { type: 'seek', step: 0 });
    await page.locator('.slide:not([hidden]) [data-send=play]').click();
    await waitFor(page, 'race', (m) => m.type === 'reply' && m.command === 'play', 'play reply');
    await expect
      .poll(async () => (await stepsFrom(page, 'race')).length, { timeout: 20_000 })
      .toBeGreaterThan(2);
    const steps = (await stepsFrom(page, 'race')).map((r) => r.message.step as number);
    expect(steps[steps.length - 1]).toBeGreaterThan(steps[0]);

    // set, from the deck's form: the widget takes the lr, a state event and a get say so.
    await page.locator('.slide:not([hidden]) .set-form [name=value]').fill('0.02');
    await page.locator('.slide:not([hidden]) .set-form button').click();
    const setReply = await waitFor(
      page,
      'race',
      (m) => m.type === 'reply' && m.command === 'set',
      'set reply',
    );
    expect(setReply).toMatchObject({ ok: true, result: { params: { 'lr.sgd': '0.02' } } });
    await send(page, 'race', { type: 'pause' });
    const state = await waitFor(
      page,
      'race',
      (m) => m.type === 'state' && (m.params as Record<string, string>)['lr.sgd'] === '0.02',
      'state with lr.sgd=0.02',
    );
    expect(state.params).toMatchObject({ opt: 'sgd,sgd-2,sgd-3,sgd-4' });

    // seek: a step event at that step, and get answers it.
    await page.locator('.slide:not([hidden]) .seek-form [name=step]').fill('120');
    await page.locator('.slide:not([hidden]) .seek-form button').click();
    await waitFor(page, 'race', (m) => m.type === 'step' && m.step === 120, 'step 120');
    const got = await replyTo(
      page,
      'race',
      await send(page, 'race', { type: 'get', keys: ['step', 'lr.sgd'] }),
    );
    expect(got).toMatchObject({ ok: true, result: { params: { step: '120', 'lr.sgd': '0.02' } } });

    // A malformed command: an error reply naming the field, with the id.
    const badId = await send(page, 'race', { type: 'seek', step: -1 });
    const bad = await replyTo(page, 'race', badId);
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/field 'step'/);
    // A key that would reach a prototype, as JSON and structured clone deliver it (own property).
    await page.evaluate(
      ([site]) =>
        document
          .querySelector<HTMLIFrameElement>('[data-name=race] iframe')!
          .contentWindow!.postMessage(
            JSON.parse('{"type":"set","id":"proto","params":{"__proto__":{"x":1}}}'),
            site,
          ),
      [new URL(env.app.url).origin],
    );
    const proto = await waitFor(page, 'race', (m) => m.id === 'proto', 'reply proto');
    expect(proto.error).toMatch(/'params.__proto__': "__proto__" is not a link key/);

    // Messages are plain data, and the frames sized themselves from resize events.
    for (const r of await received(page))
      expect(JSON.parse(JSON.stringify(r.message))).toEqual(r.message);
    await waitFor(page, 'race', (m) => m.type === 'resize' && Number(m.height) > 100, 'resize');
    await page.screenshot({ path: screenshotPath('embed-host-deck-1280') });
    // The deck at a phone's width: frame and buttons stacked, nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(360);
    // The frame follows the widget's resize events and settles: no growth round after round.
    const resizes = async () =>
      (await received(page)).filter((r) => r.frame === 'race' && r.message.type === 'resize')
        .length;
    let settled = -1;
    await expect
      .poll(
        async () => {
          const was = settled;
          settled = await resizes();
          return settled === was;
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(true);
    expect(settled).toBeLessThan(10);
    await page.screenshot({ path: screenshotPath('embed-host-deck-360'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it('a widget on a hidden slide waits to play until shown, and pauses when hidden again', async () => {
    // ?w=: the deck's slides for two lighter widgets (no 3D): w1 on slide 2, w2 on slide 3.
    const { page } = await openDeck(`&w=${LIGHT}&w=${CURVES}`, '#2');
    await waitFor(page, 'w2', (m) => m.type === 'ready', 'ready');
    await send(page, 'w2', { type: 'seek', step: 0 });
    const play = await replyTo(page, 'w2', await send(page, 'w2', { type: 'play' }));
    expect(play).toMatchObject({ ok: true, result: { deferred: true } });
    await page.waitForTimeout(500);
    expect((await stepsFrom(page, 'w2')).filter((r) => Number(r.message.step) > 0)).toEqual([]);

    await page.locator('#next').click(); // slide 3: the loss curves
    await expect
      .poll(async () => (await stepsFrom(page, 'w2')).length, { timeout: 20_000 })
      .toBeGreaterThan(2);

    await page.locator('#prev').click(); // hidden again: it pauses
    await page.waitForTimeout(400);
    const at = (await stepsFrom(page, 'w2')).length;
    const shown = await replyTo(
      page,
      'w2',
      await send(page, 'w2', { type: 'get', keys: ['step'] }),
    );
    await page.waitForTimeout(800);
    expect((await stepsFrom(page, 'w2')).length).toBe(at);
    expect(Number((shown.result as { params: { step: string } }).params.step)).toBeLessThan(300);
    await page.close();
  }, 150_000);

  it('with allowedOrigins naming another origin, the deck can neither command nor hear', async () => {
    const { page } = await openDeck(
      `&w=${LIGHT}&allowedOrigins=${encodeURIComponent('https://elsewhere.example')}`,
    );
    const frame = page.frameLocator('.slide:not([hidden]) iframe');
    // The widget is up (its race drawn) before the deck tries.
    await frame
      .locator('.trajectories[data-race-seq]:not([data-race-seq="0"])')
      .waitFor({ timeout: 90_000 });
    const src = await page.locator('.slide:not([hidden]) iframe').getAttribute('src');
    expect(new URL(src!).searchParams.get('allowedOrigins')).toBe('https://elsewhere.example');
    await send(page, 'w1', { type: 'play' });
    await send(page, 'w1', { type: 'seek', step: -1 });
    await page.waitForTimeout(1500);
    expect(await received(page)).toEqual([]);
    await page.close();
  }, 150_000);

  // The landscape kinds are drawn in another origin's frame by embedLandscape.test.ts.
  for (const width of [360, 1280])
    it(`every race-family widget draws in the deck's frame from another origin at ${width} px`, async () => {
      const kinds = WIDGETS.filter((w) => w.family === 'race').map((w) => w.id);
      const query = kinds
        .map((k) => `&w=${encodeURIComponent(`widget=${k}&scene=lr-sizes&controls=none`)}`)
        .join('');
      const { page, errors } = await openDeck(query, '#2');
      await page.setViewportSize({ width, height: 900 });
      for (const [i, kind] of kinds.entries()) {
        // Slide 2 + i holds widget i + 1; a shown slide's frame draws (hidden ones wait).
        if (i > 0) await page.locator('#next').click();
        await waitFor(page, `w${i + 1}`, (m) => m.type === 'ready' && m.widget === kind, 'ready');
        const iframe = page.locator('.slide:not([hidden]) iframe');
        await waitForPainted(page, iframe, 50, 60_000);
      }
      expect(errors).toEqual([]);
      await page.close();
    }, 300_000);
});
