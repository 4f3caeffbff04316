import type { Page } from 'playwright-core';

/** Decodes a PNG in the page and counts its distinct colours and the pixels unlike the corner one. */
export async function pixelStats(
  page: Page,
  png: Buffer,
): Promise<{ distinct: number; nonBackground: number; total: number }> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    const colours = new Set<number>();
    let non = 0;
    const [r0, g0, b0] = [d[0], d[1], d[2]];
    for (let i = 0; i < d.length; i += 4) {
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) > 30) non++;
    }
    return { distinct: colours.size, nonBackground: non, total: d.length / 4 };
  }, png.toString('base64'));
}

/**
 * How two same-sized PNGs differ: the number of pixels whose colour differs, the largest
 * difference (|ΔR| + |ΔG| + |ΔB|) and the pixel count; with `near` (a #rrggbb colour), also how
 * many of the differing pixels of `a` are within 60 of that colour (`nearCount`).
 */
export async function pixelDelta(
  page: Page,
  a: Buffer,
  b: Buffer,
  near = '#000000',
): Promise<{ count: number; max: number; total: number; nearCount: number }> {
  return page.evaluate(
    async ([a64, b64, hex]) => {
      const load = async (s: string) => {
        const bmp = await createImageBitmap(
          new Blob([Uint8Array.from(atob(s), (c) => c.charCodeAt(0))], { type: 'image/png' }),
        );
        const c = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(bmp, 0, 0);
        return ctx.getImageData(0, 0, bmp.width, bmp.height);
      };
      const [x, y] = [await load(a64), await load(b64)];
      if (x.width !== y.width || x.height !== y.height)
        return { count: Infinity, max: Infinity, total: x.width * x.height, nearCount: 0 };
      const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let count = 0,
        max = 0,
        nearCount = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const d =
          Math.abs(x.data[i] - y.data[i]) +
          Math.abs(x.data[i + 1] - y.data[i + 1]) +
          Math.abs(x.data[i + 2] - y.data[i + 2]);
        if (d) {
          count++;
          if (d > max) max = d;
          const e =
            Math.abs(x.data[i] - rgb[0]) +
            Math.abs(x.data[i + 1] - rgb[1]) +
            Math.abs(x.data[i + 2] - rgb[2]);
          if (e < 60) nearCount++;
        }
      }
      return { count, max, total: x.width * x.height, nearCount };
    },
    [a.toString('base64'), b.toString('base64'), near] as const,
  );
}

/** Number of pixels that differ between two same-size PNGs (Infinity when the sizes differ). */
export async function pixelDiff(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return (await pixelDelta(page, a, b)).count;
}

/**
 * A screenshot of `target` once it has stopped changing (two shots 150 ms apart agree): the
 * worker paints the race, the step and the size in separate messages, so a fixed wait can
 * catch a picture in between on a loaded machine.
 */
export async function settledScreenshot(
  page: Page,
  target: { screenshot(opts?: { path?: string }): Promise<Buffer> },
  path?: string,
): Promise<Buffer> {
  let prev = await target.screenshot();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const next = await target.screenshot();
    if ((await pixelDiff(page, prev, next)) === 0) return path ? target.screenshot({ path }) : next;
    prev = next;
  }
  throw new Error('settledScreenshot: the picture kept changing for 3 s');
}

/**
 * Waits until `target` shows a painted picture (more than `minDistinct` colours), polling its
 * screenshots: a 3D view renders on its own schedule (lazy three.js chunk, first frame), which a
 * loaded machine can push past any fixed wait. Throws after `timeoutMs`.
 */
export async function waitForPainted(
  page: Page,
  target: { screenshot(): Promise<Buffer> },
  minDistinct = 50,
  timeoutMs = 30_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if ((await pixelStats(page, await target.screenshot())).distinct > minDistinct) return;
    if (Date.now() > end)
      throw new Error(
        `waitForPainted: fewer than ${minDistinct + 1} colours after ${timeoutMs} ms`,
      );
    await page.waitForTimeout(250);
  }
}

/** The [r, g, b] of each of `points` ([x, y] in the PNG's pixels) of a PNG, decoded in the page. */
export async function pixelsAt(
  page: Page,
  png: Buffer,
  points: readonly (readonly [number, number])[],
): Promise<[number, number, number][]> {
  return page.evaluate(
    async ([b64, pts]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return pts.map(([x, y]) => {
        const d = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
        return [d[0], d[1], d[2]] as [number, number, number];
      });
    },
    [png.toString('base64'), points] as const,
  );
}
