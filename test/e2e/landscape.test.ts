import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LANDSCAPE_JSON_FORMAT,
  parseLandscapeJson,
  type LandscapeJson,
} from '../../src/io/landscapeJson';
import { roughness } from '../../src/core/view/roughness';
import { emptySurfaceGrid, writeSurfaceH5 } from '../../src/io/surfaceFile';
import {
  ARTIFACTS,
  buildAndServe,
  launch,
  launchChromium,
  LINK_WAIT,
  ROOT,
  screenshotPath,
  skipBrowser,
  watchErrors,
  type App,
} from './harness';
import { pixelDiff, pixelStats, waitForPainted } from './pixels';
import { initBackend } from '../../src/gpu/backend';
import { evaluate } from '../../src/gpu/landscape/evaluate';
import { buildModel, modelPreset } from '../../src/gpu/modelZoo';
import { initBuffers, initParams } from '../../src/gpu/nets/params';
import { loadLandscapeData } from '../../src/cli/landscapeOptions';

const DIST = 'landscape-e2e-dist';
let app: App;
let browser: Browser;

/**
 * A small landscape in the shipped format, for builds where public/landscapes/ has no real file
 * yet: a smooth bowl (with skip connections) or the same bowl with rough, non-convex walls (without).
 */
function fixture(model: string, pca: boolean): LandscapeJson {
  const n = 21,
    xs = Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
  const rough = model.endsWith('-ns');
  const loss: number[] = [],
    acc: number[] = [];
  for (const b of xs)
    for (const a of xs) {
      const r2 = a * a + b * b;
      const l =
        0.3 +
        2.5 * r2 +
        (rough
          ? 1.5 * r2 * (1 + Math.sin(9 * a) * Math.cos(7 * b)) + 0.8 * Math.abs(Math.sin(5 * a * b))
          : 0);
      loss.push(l);
      acc.push(Math.max(10, 90 - 30 * l));
    }
  const json: LandscapeJson = {
    format: LANDSCAPE_JSON_FORMAT,
    model,
    directions: {
      kind: pca ? 'pca' : 'random',
      norm: 'filter',
      ignore: 'biasbn',
      orthogonal: false,
      seed: pca ? null : 1,
    },
    data: { dataset: 'fashion-mnist-7', split: 'test', samples: 256 },
    xcoordinates: xs,
    ycoordinates: xs,
    train_loss: loss,
    train_acc: acc,
    centre: { loss: 0.3, acc: rough ? 81.5 : 86.2 },
    meta: { generatedBy: 'test fixture (landscape.test.ts)', backend: 'none', seconds: 0 },
  };
  const r = roughness({ xcoordinates: xs, ycoordinates: xs, loss });
  json.roughness = { tvLogLoss: r.tvLogLoss, localMinima: r.localMinima, basinWidth: r.basinWidth };
  if (pca) {
    json.trajectory = {
      steps: [0, 100, 200, 300, 400, 500],
      x: [-0.9, -0.6, -0.35, -0.15, -0.05, 0],
      y: [0.8, 0.4, 0.3, 0.1, 0.02, 0],
      relativeResidual: [0.7, 0.4, 0.2, 0.1, 0.05, 0],
      explainedVariance: [0.71, 0.16],
    };
  }
  if (!parseLandscapeJson(json).ok)
    throw new Error('the fixture does not match the landscape format');
  return json;
}

/** Writes fixtures into the built site (never into public/) for the files the build does not ship. */
function addFixtures(outDir: string): string[] {
  const added: string[] = [];
  mkdirSync(resolve(outDir, 'landscapes'), { recursive: true });
  for (const d of [20, 56, 110])
    for (const ns of ['', '-ns'])
      for (const pca of [false, true]) {
        const model = `resnet-${d}${ns}`,
          file = `${model}${pca ? '-pca' : ''}.json`;
        if (existsSync(resolve(ROOT, 'public/landscapes', file))) continue;
        writeFileSync(resolve(outDir, 'landscapes', file), JSON.stringify(fixture(model, pca)));
        added.push(file);
      }
  return added;
}

beforeAll(async () => {
  if (skipBrowser) return;
  app = await buildAndServe(DIST, ['main', 'landscape']);
  const added = addFixtures(resolve(ARTIFACTS, DIST));
  if (added.length)
    console.info(
      `[landscape e2e] fixtures for ${added.length} slices not shipped in public/landscapes/`,
    );
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(
  query = '',
  viewport = { width: 1440, height: 1100 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = watchErrors(page);
  await page.goto(`${app.url}landscape.html${query}`);
  return { page, errors };
}
/** Waits until the contour bands are drawn and the 3D canvas has rendered. */
async function drawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => Number(document.querySelector('.ls-contour')?.getAttribute('data-bands')) > 0,
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForSelector('.ls-three canvas', { timeout: 30_000 });
  await waitForPainted(page, page.locator('.ls-three canvas'));
}
/**
 * How many distinct contour bands lie under a 9×9 grid of points spanning [from, to] of the plot
 * in both directions (elementFromPoint; the crosshair, centre and trajectory marks are skipped).
 */
async function bandsUnder(page: Page, from: number, to: number): Promise<number> {
  return page.locator('.ls-contour .ls-plot-bg').evaluate(
    (bg, [a, b]) => {
      const r = bg.getBoundingClientRect();
      const fills = new Set<string>();
      for (let i = 0; i < 9; i++)
        for (let j = 0; j < 9; j++) {
          const x = r.left + r.width * (a + ((b - a) * i) / 8),
            y = r.top + r.height * (a + ((b - a) * j) / 8);
          const hit = document.elementFromPoint(x, y);
          if (hit?.parentElement?.classList.contains('ls-bands'))
            fills.add(hit.getAttribute('fill') ?? '');
        }
      return fills.size;
    },
    [from, to],
  );
}
const contour = (page: Page) => page.getByRole('img', { name: 'Landscape contour', exact: true });
const three = (page: Page) => page.locator('.ls-three canvas');

/** Relative luminance (0 = black … 1 = white) of one CSS colour, as the page computes it. */
const cssLuminance = (page: Page, selector: string, prop: 'backgroundColor' | 'color') =>
  page.evaluate(
    ([sel, p]) => {
      const m = getComputedStyle(document.querySelector(sel)!)
        [p].match(/[\d.]+/g)!
        .map(Number);
      return (0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]) / 255;
    },
    [selector, prop] as const,
  );

/** Mean luminance of a PNG (0 … 1) and the share of its pixels darker than mid-grey. */
async function luminance(page: Page, png: Buffer): Promise<{ mean: number; darkShare: number }> {
  return page.evaluate(async (b64) => {
    const bmp = await createImageBitmap(
      new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }),
    );
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    let sum = 0,
      dark = 0;
    for (let i = 0; i < d.length; i += 4) {
      const y = (0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]) / 255;
      sum += y;
      if (y < 0.5) dark++;
    }
    return { mean: sum / (d.length / 4), darkShare: dark / (d.length / 4) };
  }, png.toString('base64'));
}
const contourPanel = (page: Page) => page.getByRole('region', { name: 'Contour map', exact: true });
const themeOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

describe.skipIf(skipBrowser)('the loss-landscapes page in headless Chromium', () => {
  it('loads with no console errors, names its panels and links to the race', async () => {
    const { page, errors } = await open();
    await drawn(page);
    await page.screenshot({ path: screenshotPath('landscape-default'), fullPage: true });
    await expect(contour(page).count()).resolves.toBe(1);
    await expect(
      page.getByRole('img', { name: 'Landscape 3D', exact: true }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('link', { name: 'Optimizer race' }).getAttribute('href'),
    ).resolves.toBe('./race.html');
    await expect(page.getByRole('button', { name: 'Recompute on my GPU' }).count()).resolves.toBe(
      1,
    );
    await expect(page.getByRole('button', { name: 'Cancel' }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws non-blank pixels in the contour and 3D panels', async () => {
    const { page } = await open();
    await drawn(page);
    const c = await pixelStats(
      page,
      await contour(page).screenshot({ path: screenshotPath('landscape-contour') }),
    );
    expect(c.distinct).toBeGreaterThan(20);
    expect(c.nonBackground / c.total).toBeGreaterThan(0.3);
    const t = await pixelStats(
      page,
      await three(page).screenshot({ path: screenshotPath('landscape-3d') }),
    );
    expect(t.distinct).toBeGreaterThan(50);
    expect(t.nonBackground / t.total).toBeGreaterThan(0.1);
    await page.close();
  });

  it('changes the drawn landscape when skip connections are toggled, and writes it to the link', async () => {
    const { page, errors } = await open('?model=resnet-56&skip=on');
    await drawn(page);
    // The shipped model's λmax, as `landscape-lab sharpness` wrote it, shown beside the roughness.
    const lambdaMax = (name: string) => {
      const v = JSON.parse(
        readFileSync(resolve(ROOT, `public/models/${name}/sharpness.json`), 'utf8'),
      ).eigenvalues[0] as number;
      return Number(v.toPrecision(4)).toString();
    };
    const sharpness = page.getByTestId('ls-sharpness');
    await sharpness.waitFor();
    await expect(sharpness.textContent()).resolves.toMatch(
      new RegExp(
        `Sharpness λmax${lambdaMax('resnet-56').replace('.', '\\.')} \\(λ₂ [\\d.]+; 100 test images\\)`,
      ),
    );
    const before = await contour(page).screenshot();
    const beforeMax = await contour(page).getAttribute('data-max');
    await page.getByRole('checkbox', { name: 'Skip connections' }).uncheck();
    await page.waitForFunction((m) => {
      const svg = document.querySelector('.ls-contour');
      return (
        svg && svg.getAttribute('data-max') !== m && Number(svg.getAttribute('data-bands')) > 0
      );
    }, beforeMax);
    await page.waitForTimeout(1000);
    const after = await contour(page).screenshot({
      path: screenshotPath('landscape-contour-noskip'),
    });
    expect(await pixelDiff(page, before, after)).toBeGreaterThan(1000);
    await page.screenshot({ path: screenshotPath('landscape-noskip'), fullPage: true });
    // Its loss climbs three decades and more above the centre at the edges, yet the basin (the
    // middle half of the plot) is drawn in many bands, not one: the levels are geometric in the
    // loss (contourLevels 'logValue').
    const ns = JSON.parse(
      readFileSync(resolve(ROOT, 'public/landscapes/resnet-56-ns.json'), 'utf8'),
    ) as { train_loss: number[]; centre: { loss: number } };
    const nsMax = Math.max(...ns.train_loss.filter(Number.isFinite));
    expect(nsMax / ns.centre.loss).toBeGreaterThan(1e3);
    expect(Number(await contour(page).getAttribute('data-max'))).toBeCloseTo(nsMax, 0);
    expect(await bandsUnder(page, 0.25, 0.75)).toBeGreaterThanOrEqual(5);
    await expect.poll(() => page.url(), LINK_WAIT).toContain('skip=off');
    await expect(sharpness.textContent()).resolves.toContain(`λmax${lambdaMax('resnet-56-ns')} `);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the PCA plane with the trajectory, explained variance and far-from-plane warning', async () => {
    const { page, errors } = await open('?model=resnet-20&view=pca');
    await drawn(page);
    await expect(page.locator('.ls-traj-point').count()).resolves.toBeGreaterThan(1);
    await expect(page.getByText(/explain .* of the trajectory's variance/).count()).resolves.toBe(
      1,
    );
    await page.screenshot({ path: screenshotPath('landscape-pca'), fullPage: true });
    if ((await page.locator('.ls-traj-point.far').count()) > 0) {
      await expect(page.locator('.ls-pca .ls-warning').textContent()).resolves.toMatch(
        /the contour under th(is point|ese points) is misleading/,
      );
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names a bad link value, and uses the default instead', async () => {
    const { page } = await open('?model=resnet-99&res=abc');
    await drawn(page);
    const alert = page.getByRole('alert').first();
    await expect(alert.textContent()).resolves.toMatch(
      /Invalid URL parameter 'model': must be one of resnet-20, resnet-56, resnet-110 \(got 'resnet-99'\); using the default/,
    );
    await expect(alert.textContent()).resolves.toMatch(
      /Invalid URL parameter 'res': must be a whole number from 3 to 61 \(got 'abc'\); using the default/,
    );
    await page.close();
  });

  it('shows the error of a bad .h5 file', async () => {
    const { page } = await open();
    await drawn(page);
    // A good file first: a bad one after it must leave it shown (it used to fall back).
    await page
      .getByLabel('Open .h5', { exact: true })
      .setInputFiles(resolve(ROOT, 'test/fixtures/pytorch/sample_surface.h5'));
    await expect
      .poll(() => page.locator('.ls-h5').textContent(), LINK_WAIT)
      .toContain('Showing sample_surface.h5');
    await page.getByLabel('Open .h5', { exact: true }).setInputFiles({
      name: 'broken.h5',
      mimeType: 'application/x-hdf5',
      buffer: Buffer.from('this is not an HDF5 file'),
    });
    const alert = page.locator('.ls-h5 [role=alert]');
    await alert.waitFor({ timeout: 30_000 });
    await expect(alert.textContent()).resolves.toMatch(
      /Could not open broken\.h5: .+ Still showing sample_surface\.h5\./,
    );
    await page.screenshot({ path: screenshotPath('landscape-bad-h5'), fullPage: true });
    // The panels keep the slice they showed.
    await expect(contour(page).getAttribute('data-bands').then(Number)).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it("draws a user's .h5 surface (upstream layout) in the same panels", async () => {
    const { page, errors } = await open();
    await drawn(page);
    const xs = Float64Array.from({ length: 11 }, (_, i) => -1 + i / 5);
    const grid = emptySurfaceGrid(xs, xs, ['train_loss', 'train_acc']);
    xs.forEach((b, j) =>
      xs.forEach((a, i) => {
        grid.values.train_loss[j * 11 + i] = 0.5 + (a - 0.2) ** 2 + 3 * b * b;
        grid.values.train_acc![j * 11 + i] = 50;
      }),
    );
    const bytes = await writeSurfaceH5(grid);
    await page.getByLabel('Open .h5', { exact: true }).setInputFiles({
      name: 'surface.h5',
      mimeType: 'application/x-hdf5',
      buffer: Buffer.from(bytes),
    });
    await page
      .getByRole('heading', { name: 'surface.h5 · your .h5 file' })
      .waitFor({ timeout: 30_000 });
    await expect(contour(page).getAttribute('data-min').then(Number)).resolves.toBeCloseTo(0.5, 6);
    await page.waitForTimeout(1000);
    const t = await pixelStats(page, await three(page).screenshot());
    expect(t.distinct).toBeGreaterThan(50);
    await page.screenshot({ path: screenshotPath('landscape-h5'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('recomputes a tiny slice in the worker (on WASM: WebGL here is SwiftShader), and Cancel stops a run', async () => {
    // init=1: freshly initialised weights, so the test runs whether or not weights are shipped.
    const { page, errors } = await open('?model=resnet-20&res=3&samples=8&init=1');
    await drawn(page);
    await page.getByRole('button', { name: 'Recompute on my GPU' }).click();
    await page.waitForSelector('[data-status=done]', { timeout: 120_000 });
    // The test browser's WebGL is software (SwiftShader): the worker tells it from a GPU and
    // takes WebAssembly, the faster for this job, and says why instead of warning of a fallback.
    const note = page.locator('.ls-backend');
    await expect(note.getAttribute('data-backend')).resolves.toBe('wasm');
    await expect(note.getAttribute('data-software-webgl')).resolves.toBe('SwiftShader');
    await expect(note.textContent()).resolves.toContain(
      'WebGL (SwiftShader is software, skipped) → WebAssembly',
    );
    await expect(note.textContent()).resolves.not.toContain('not available');
    await expect(
      page.locator('.ls-contour').getAttribute('data-bands').then(Number),
    ).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('landscape-recomputed'), fullPage: true });
    // The worker's BN-folded forward gives the plain forward's loss on wasm here (the
    // same seeded init, the same 8 test images); the page shows it to 4 significant digits.
    await initBackend(['wasm', 'cpu']);
    const net = buildModel(modelPreset('resnet-20'));
    const params = initParams(net, { seed: 1 }),
      buffers = initBuffers(net);
    const { batches } = await loadLandscapeData(modelPreset('resnet-20'), 8, 8);
    const expected = (await evaluate(net, params, buffers, batches)).loss;
    const shown = (await page.locator('.ls-facts').textContent())!.match(
      /\(loss ([\d.e+-]+) on 8 test images\)/,
    );
    expect(shown, 'the centre loss in the facts').not.toBeNull();
    expect(Math.abs(Number(shown![1]) - expected) / expected).toBeLessThan(1e-3);

    // A run long enough that a Cancel always lands inside it, even on a loaded machine (61² points
    // of 8 images could end before the Cancel reached the worker), cancelled as soon as it starts.
    await page.goto(`${app.url}landscape.html?model=resnet-20&res=61&samples=256&init=1`);
    await drawn(page);
    await page.getByRole('button', { name: 'Recompute on my GPU' }).click();
    // On this fresh page a progress bar is this run's (CI once waited on the last run's, still
    // shown, and clicked a disabled Cancel for 30 s); Cancel is enabled while the run is under way.
    await page.waitForSelector('progress', { timeout: 60_000 });
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await expect.poll(() => cancel.isEnabled(), { timeout: 60_000, interval: 20 }).toBe(true);
    await cancel.click();
    await page.waitForSelector('[data-status=cancelled]', { timeout: 60_000 });
    const progress = await page
      .locator('progress')
      .evaluate((p: HTMLProgressElement) => [p.value, p.max]);
    expect(progress[0]).toBeLessThan(progress[1]);
    await page.screenshot({ path: screenshotPath('landscape-cancelled'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
    // Two runs and a wasm evaluation in Node: ~40 s alone, more on a machine shared with other jobs.
  }, 180_000);
});

describe.skipIf(skipBrowser)('the loss-landscapes page on a projector and in an iframe', () => {
  it('draws a dark page, contour and 3D view with ?theme=dark (pixels measured)', async () => {
    const light = await open('?model=resnet-20&view=pca');
    await drawn(light.page);
    const lightContour = await luminance(light.page, await contourPanel(light.page).screenshot());
    await light.page.close();

    const { page, errors } = await open('?model=resnet-20&view=pca&theme=dark');
    await drawn(page);
    await expect(themeOf(page)).resolves.toBe('dark');
    // The page: its background and a screenshot's corner (no light canvas left around the panels).
    expect(await cssLuminance(page, 'body', 'backgroundColor')).toBeLessThan(0.1);
    const whole = await page.screenshot({ path: screenshotPath('landscape-dark'), fullPage: true });
    expect((await luminance(page, whole)).darkShare).toBeGreaterThan(0.85);
    // The contour panel: card, plot and bands are dark; the light page's were not.
    const c = await luminance(
      page,
      await contourPanel(page).screenshot({ path: screenshotPath('landscape-contour-dark') }),
    );
    expect(c.darkShare).toBeGreaterThan(0.8);
    expect(c.mean).toBeLessThan(0.3);
    expect(c.mean).toBeLessThan(lightContour.mean - 0.2);
    // Still a picture, not a black square: many colours, the trajectory on it.
    const stats = await pixelStats(page, await contour(page).screenshot());
    expect(stats.distinct).toBeGreaterThan(20);
    await expect(page.locator('.ls-traj-point').count()).resolves.toBeGreaterThan(1);
    // The 3D view's background is the dark scene colour, not white.
    const t = await luminance(
      page,
      await three(page).screenshot({ path: screenshotPath('landscape-3d-dark') }),
    );
    expect(t.darkShare).toBeGreaterThan(0.6);
    // The text stays readable: light on dark.
    expect(await cssLuminance(page, '.ls-facts h3', 'color')).toBeGreaterThan(0.6);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches theme and type size with the header buttons, and writes them to the link', async () => {
    const { page, errors } = await open();
    await drawn(page);
    const themeButton = page.getByRole('button', { name: '☾ Dark', exact: true });
    await expect(themeButton.getAttribute('aria-pressed')).resolves.toBe('false');
    const before = await luminance(page, await contourPanel(page).screenshot());
    await themeButton.click();
    await expect(themeOf(page)).resolves.toBe('dark');
    const lightButton = page.getByRole('button', { name: '☀ Light', exact: true });
    await expect(lightButton.getAttribute('aria-pressed')).resolves.toBe('true');
    // The link is written 100 ms after the last change: wait for it, however busy the machine.
    await expect.poll(() => page.url(), LINK_WAIT).toContain('theme=dark');
    expect(await cssLuminance(page, 'body', 'backgroundColor')).toBeLessThan(0.1);
    const after = await luminance(page, await contourPanel(page).screenshot());
    expect(after.mean).toBeLessThan(before.mean - 0.2);

    const large = page.getByRole('button', { name: 'Large type', exact: true });
    await large.click();
    await expect(large.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => page.url(), LINK_WAIT).toMatch(/theme=dark&large=1/);

    await lightButton.click();
    await large.click();
    await expect(themeOf(page)).resolves.toBe('light');
    await expect.poll(() => page.url(), LINK_WAIT).not.toMatch(/theme=|large=/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('makes the type larger with large=1, and fits a 360 px wide iframe without horizontal scrolling', async () => {
    const normal = await open('?model=resnet-20&view=pca');
    await drawn(normal.page);
    const rootFont = (page: Page) =>
      page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const tickHeight = (page: Page) =>
      page
        .locator('.ls-contour .axes text')
        .first()
        .evaluate((e) => e.getBoundingClientRect().height);
    const lineWidth = (page: Page) =>
      page.locator('.ls-traj-line').evaluate((e) => parseFloat(getComputedStyle(e).strokeWidth));
    const [font0, tick0, line0] = [
      await rootFont(normal.page),
      await tickHeight(normal.page),
      await lineWidth(normal.page),
    ];
    await normal.page.close();

    const { page, errors } = await open('?model=resnet-20&view=pca&large=1');
    await drawn(page);
    expect(await rootFont(page)).toBeGreaterThanOrEqual(1.3 * font0);
    expect(await tickHeight(page)).toBeGreaterThanOrEqual(1.6 * tick0);
    expect(await lineWidth(page)).toBeGreaterThanOrEqual(1.6 * line0);
    await expect(
      page.getByRole('button', { name: 'Large type', exact: true }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.screenshot({ path: screenshotPath('landscape-large'), fullPage: true });
    await page.close();

    for (const theme of ['light', 'dark']) {
      const narrow = await open(
        `?model=resnet-20&view=pca&large=1&theme=${theme}&line=interpolation`,
        { width: 360, height: 780 },
      );
      await drawn(narrow.page);
      const overflow = await narrow.page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      // Every control is reachable within the width (nothing cut off at the right edge).
      const widest = await narrow.page.evaluate(() =>
        Math.max(
          ...[...document.querySelectorAll('button, input, select, a, svg, canvas')].map(
            (e) => e.getBoundingClientRect().right,
          ),
        ),
      );
      expect(widest).toBeLessThanOrEqual(360);
      await narrow.page.screenshot({
        path: screenshotPath(`landscape-360px-large-${theme}`),
        fullPage: true,
      });
      expect(narrow.errors).toEqual([]);
      await narrow.page.close();
    }
    expect(errors).toEqual([]);
  });

  it('names a bad theme in the link message and stays light', async () => {
    const { page } = await open('?theme=purple&large=huge');
    await drawn(page);
    const alert = page.getByRole('alert').first();
    expect(await alert.isVisible()).toBe(true);
    await expect(alert.textContent()).resolves.toContain(
      "Invalid URL parameter 'theme': must be light or dark (got 'purple'); using the default",
    );
    await expect(alert.textContent()).resolves.toContain(
      "Invalid URL parameter 'large': must be 1 or 0 (got 'huge'); using the default",
    );
    await expect(themeOf(page)).resolves.toBe('light');
    await expect(
      page.evaluate(() => document.documentElement.classList.contains('large')),
    ).resolves.toBe(false);
    await page.screenshot({ path: screenshotPath('landscape-bad-theme') });
    await page.close();
  });
});

describe.skipIf(skipBrowser)('the loss-landscapes page without WebGL', () => {
  it('falls back to a CPU backend, says so, and keeps every panel explained', async () => {
    // No GPU and no software rasteriser: no WebGL in the page or in workers.
    const noGl = await launchChromium([], { webgl: false });
    try {
      const page = await noGl.newPage({ viewport: { width: 1440, height: 1100 } });
      await page.goto(`${app.url}landscape.html?model=resnet-20&res=3&samples=8&init=1`);
      await page.waitForFunction(
        () => Number(document.querySelector('.ls-contour')?.getAttribute('data-bands')) > 0,
        undefined,
        { timeout: 30_000 },
      );
      await page.getByRole('button', { name: 'Recompute on my GPU' }).click();
      await page.waitForSelector('[data-status=done]', { timeout: 120_000 });
      const backend = await page.locator('.ls-backend').getAttribute('data-backend');
      expect(['wasm', 'cpu']).toContain(backend);
      await expect(page.locator('[data-backend-reason]').textContent()).resolves.toMatch(
        /WebGL: could not start here → (WebAssembly|plain JavaScript)$/,
      );
      await expect(page.getByRole('img', { name: 'Landscape 3D' }).textContent()).resolves.toMatch(
        /3D view \(it needs WebGL\) is not available/,
      );
      await page.screenshot({ path: screenshotPath('landscape-no-webgl'), fullPage: true });
    } finally {
      await noGl.close();
    }
  });
});

describe.skipIf(skipBrowser)('the "Along a line" panel', () => {
  const chart = (page: Page) => page.locator('.ls-line-chart');
  const markLoss = (page: Page, alpha: number) =>
    page.locator(`.ls-line-mark[data-alpha="${alpha}"]`).getAttribute('data-loss').then(Number);

  it('interpolates ResNet-20 from its initialisation to the trained weights on the CPU backend, streaming, with no tensor left behind', async () => {
    // No WebGL (as the fallback test): wasm is the backend a machine without a GPU gets, and fast here.
    const noGl = await launchChromium([], { webgl: false });
    try {
      const page = await noGl.newPage({ viewport: { width: 1440, height: 1100 } });
      const errors = watchErrors(page);
      await page.goto(`${app.url}landscape.html?model=resnet-20&samples=16&line=interpolation`);
      const panel = page.getByRole('region', { name: 'Along a line' });
      await expect(
        panel.getByRole('img', { name: 'Loss along the line' }).textContent(),
      ).resolves.toMatch(/Press Compute to evaluate 41 points/);
      await panel.getByRole('button', { name: 'Compute', exact: true }).click();
      await page.waitForSelector('[data-line-status=done]', { timeout: 120_000 });
      await expect(chart(page).getAttribute('data-computed')).resolves.toBe('41');
      await expect(
        page.locator('[data-line-backend]').getAttribute('data-line-backend'),
      ).resolves.toMatch(/^(wasm|cpu)$/);
      // The trained end is far better than the initialisation it started from.
      const [init, trained] = [await markLoss(page, 0), await markLoss(page, 1)];
      expect(Number.isFinite(trained)).toBe(true);
      expect(trained).toBeLessThan(init - 0.5);
      await expect(panel.textContent()).resolves.toMatch(
        /running statistics do not describe the initial weights.*Each point: 16 test images/,
      );
      await expect(panel.locator('.ls-line-summary').textContent()).resolves.toMatch(
        /^Between α = 0 and 1 the loss/,
      );
      const px = await pixelStats(
        page,
        await chart(page).screenshot({ path: screenshotPath('landscape-line-interpolation') }),
      );
      expect(px.distinct).toBeGreaterThan(20);
      expect(px.nonBackground / px.total).toBeGreaterThan(0.3);
      await expect.poll(() => page.url(), LINK_WAIT).toContain('line=interpolation');

      // Again: the worker's tensor count is where the first run left it.
      const tensors = await page
        .locator('[data-line-status=done]')
        .getAttribute('data-num-tensors');
      await panel.getByRole('button', { name: 'Compute', exact: true }).click();
      await page.waitForSelector('[data-line-status=running]');
      await page.waitForSelector('[data-line-status=done]', { timeout: 120_000 });
      await expect(
        page.locator('[data-line-status=done]').getAttribute('data-num-tensors'),
      ).resolves.toBe(tensors);
      // three.js's complaint that it has no WebGL here is the 3D panel's (explained there), not ours.
      expect(errors.filter((e) => !/WebGL/.test(e))).toEqual([]);
    } finally {
      await noGl.close();
    }
  });

  it("draws a user's 1-D .h5 (plot_1D layout) in the panel, its NaN as a gap, and says so in the 2-D panels", async () => {
    const { page, errors } = await open('?model=resnet-20');
    await drawn(page);
    await expect(page.getByRole('button', { name: 'Show the 1D slices' }).count()).resolves.toBe(1);
    const xs = Float64Array.from({ length: 21 }, (_, i) => -0.5 + i / 10);
    const grid = emptySurfaceGrid(xs, null, ['train_loss', 'train_acc']);
    xs.forEach((a, i) => {
      grid.values.train_loss[i] = a > 1.35 ? NaN : 0.4 + 2 * (a - 1) ** 2;
      grid.values.train_acc![i] = 90 - 30 * (a - 1) ** 2;
    });
    // As `landscape-lab interpolate` writes it: its extra datasets name the ends.
    const bytes = await writeSurfaceH5(grid, {
      path: 'interpolation',
      interpolation_from: 'init (seed 0)',
      interpolation_to: 'weights.json',
      bn: 'batch',
    });
    await page.getByLabel('Open .h5', { exact: true }).setInputFiles({
      name: 'line.h5',
      mimeType: 'application/x-hdf5',
      buffer: Buffer.from(bytes),
    });
    await page
      .getByRole('heading', { name: 'line.h5 · your .h5 file' })
      .waitFor({ timeout: 30_000 });
    await expect(chart(page).getAttribute('data-computed')).resolves.toBe('21');
    await expect(chart(page).getAttribute('data-nonfinite')).resolves.toBe('2');
    await expect(markLoss(page, 1)).resolves.toBeCloseTo(0.4, 6);
    await expect(
      page
        .getByText('from init (seed 0) (α = 0) to weights.json (α = 1), as the file records')
        .count(),
    ).resolves.toBe(1);
    await expect(page.locator('.ls-line-note').textContent()).resolves.toMatch(
      /not finite at α = 1\.4 and 1\.5/,
    );
    await expect(page.locator('.ls-line-gap').count()).resolves.toBe(1);
    await expect(
      page.getByRole('img', { name: 'Landscape contour' }).textContent(),
    ).resolves.toMatch(/line\.h5 is a 1-D slice .*drawn in “Along a line”/);
    const px = await pixelStats(
      page,
      await chart(page).screenshot({ path: screenshotPath('landscape-line-h5') }),
    );
    expect(px.distinct).toBeGreaterThan(20);
    // Back to the precomputed 2-D slice with the source switch.
    await page.getByRole('button', { name: 'Precomputed' }).click();
    await expect(contour(page).getAttribute('data-bands').then(Number)).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names a bad line value in the link message and keeps the panel closed', async () => {
    const { page } = await open('?model=resnet-20&line=sideways');
    await drawn(page);
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
      "Invalid URL parameter 'line': must be one of off, interpolation, random (got 'sideways'); using the default",
    );
    await expect(
      page.getByRole('button', { name: 'Show the 1D slices' }).getAttribute('aria-expanded'),
    ).resolves.toBe('false');
    await page.close();
  });
});
