/**
 * A lost WebGL context on the landscape page: in the worker during a recompute (the run fails at
 * once with a message and a Retry, which completes on WebAssembly), and on the page's own
 * three.js canvas (the 3D view draws again once the context is restored).
 *
 * The worker's context is reached through a test hook written into the built worker (never into
 * the source): a prelude that records the WebGL contexts its OffscreenCanvases make and, when
 * the worker posts its first row of points, loses them through WEBGL_lose_context. On WebAssembly
 * there is no context, so the hook does nothing there. The hook also names the renderer a GPU
 * (the test browser's SwiftShader would otherwise be skipped for WebAssembly).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  buildAndServe,
  launch,
  screenshotPath,
  skipBrowser,
  watchErrors,
  type App,
} from './harness';
import { waitForPainted } from './pixels';

const DIST = 'context-loss-e2e-dist';

const LOSE_AT_FIRST_ROW = `/* contextLoss.test.ts: lose WebGL at the first row */ {
  // The test browser's WebGL is SwiftShader, which the worker skips for WebAssembly; named as a
  // GPU here so that the run takes WebGL, whose context this test loses.
  for (const C of [self.WebGL2RenderingContext, self.WebGLRenderingContext]) {
    if (!C) continue;
    const getParameter = C.prototype.getParameter;
    C.prototype.getParameter = function (p) {
      return p === 0x9246 || p === this.RENDERER ? 'Test GPU (contextLoss.test.ts)' : getParameter.call(this, p);
    };
  }
  const getContext = OffscreenCanvas.prototype.getContext;
  const contexts = [];
  OffscreenCanvas.prototype.getContext = function (...args) {
    const c = getContext.apply(this, args);
    if (c && String(args[0]).startsWith('webgl')) contexts.push(c);
    return c;
  };
  const post = self.postMessage.bind(self);
  let lost = false;
  self.postMessage = (m, ...rest) => {
    post(m, ...rest);
    if (!lost && m && m.kind === 'row' && contexts.length > 0) {
      lost = true;
      for (const c of contexts) c.getExtension('WEBGL_lose_context')?.loseContext();
    }
  };
}
`;

/** Prepends the hook to the built landscape worker (one file: the bundle has no imports). */
function addWorkerHook(outDir: string): void {
  const assets = resolve(outDir, 'assets');
  const files = readdirSync(assets).filter((f) => /^landscapeWorker-.*\.js$/.test(f));
  expect(files, 'the built landscape worker').toHaveLength(1);
  const path = resolve(assets, files[0]);
  writeFileSync(path, LOSE_AT_FIRST_ROW + readFileSync(path, 'utf8'));
}

let app: App;
let browser: Browser;

beforeAll(async () => {
  if (skipBrowser) return;
  app = await buildAndServe(DIST, ['landscape']);
  addWorkerHook(resolve(ARTIFACTS, DIST));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = watchErrors(page);
  await page.goto(`${app.url}landscape.html${query}`);
  return { page, errors };
}

describe.skipIf(skipBrowser)('a lost WebGL context on the landscape page', () => {
  it('stops the recompute with a message and a Retry, which completes on WebAssembly and says so', async () => {
    // init=1: fresh weights, so the test runs whether or not weights are shipped; a 5×5 grid.
    const { page, errors } = await open('?model=resnet-20&res=5&samples=8&init=1');
    await page.getByRole('button', { name: 'Recompute on my GPU' }).click();
    const alert = page.locator('[data-error=context-lost]');
    await alert.waitFor({ timeout: 60_000 });
    await expect(alert.textContent()).resolves.toContain(
      'The GPU context was lost during the recompute',
    );
    await expect(page.locator('.ls-backend').getAttribute('data-backend')).resolves.toBe('webgl');
    // Stopped part-way: the hook lost the context after the first row of five.
    const progress = await page
      .locator('progress')
      .evaluate((p: HTMLProgressElement) => [p.value, p.max]);
    expect(progress[0]).toBeLessThan(progress[1]);
    await expect(page.getByRole('button', { name: 'Cancel' }).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('context-lost'), fullPage: true });

    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.waitForSelector('[data-status=done]', { timeout: 60_000 });
    await expect(page.locator('.ls-backend').getAttribute('data-backend')).resolves.toMatch(
      /^(wasm|cpu)$/,
    );
    await expect(page.locator('[data-off-gpu]').textContent()).resolves.toContain(
      'uses WebAssembly on the CPU, not WebGL',
    );
    await expect(
      page.locator('progress').evaluate((p: HTMLProgressElement) => [p.value, p.max]),
    ).resolves.toEqual([25, 25]);
    await expect(page.locator('[data-error]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
    // About 25 s alone; SwiftShader compiling tfjs's shaders before the first row is most of it,
    // and a machine loaded by other jobs can triple that.
  }, 120_000);

  it('draws the 3D view again after its own context is lost and restored', async () => {
    const { page, errors } = await open('?model=resnet-20');
    const view = page.locator('.ls-three canvas');
    await view.waitFor({ timeout: 30_000 });
    await waitForPainted(page, view);
    await view.evaluate(
      (c: HTMLCanvasElement) =>
        new Promise<void>((done) => {
          const ext = (c.getContext('webgl2') as WebGL2RenderingContext).getExtension(
            'WEBGL_lose_context',
          )!;
          // Kept for the restore: a lost context answers getExtension with null.
          (c as HTMLCanvasElement & { lose?: WEBGL_lose_context }).lose = ext;
          c.addEventListener('webglcontextlost', () => done(), { once: true });
          ext.loseContext();
        }),
    );
    await expect(
      view.evaluate((c: HTMLCanvasElement) => c.getContext('webgl2')!.isContextLost()),
    ).resolves.toBe(true);
    // Restored, the canvas is cleared (one colour) until three.js draws it again.
    await view.evaluate(
      (c: HTMLCanvasElement & { lose?: WEBGL_lose_context }) =>
        new Promise<void>((done) => {
          c.addEventListener('webglcontextrestored', () => done(), { once: true });
          c.lose!.restoreContext();
        }),
    );
    await waitForPainted(page, view, 50, 15_000);
    await page.screenshot({ path: screenshotPath('context-restored'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
