import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageAssets } from '../../bench/firstPage';
import { axeViolations } from './axe';
import { ARTIFACTS, screenshotPath, servedBrowser, skipBrowser, watchErrors } from './harness';

/**
 * WebGPU in the built site (issue 15): tfjs's WebGPU backend is bundled as a lazy chunk the
 * landscape worker fetches only after it finds a WebGPU adapter. This headless Chromium has none,
 * so the test sees the other half: the chunk untouched, the reason shown, the fallback computing.
 */
const DIST = 'webgpu-e2e-dist';
const env = servedBrowser(DIST, ['landscape']);
/** A flag name tfjs-backend-webgpu registers (a string, so it survives minification). */
const WEBGPU_MARKER = 'WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE';

/**
 * Gives the landscape worker a WebGPU adapter that cannot make a device: the worker then tries
 * WebGPU for real (fetches the chunk, asks tfjs to start it), which fails as it would on a GPU
 * whose device is lost or refused.
 */
const FAKE_ADAPTER = `/* webgpuBackend.test.ts: an adapter without a device */
Object.defineProperty(self.navigator, 'gpu', {
  configurable: true,
  value: {
    requestAdapter: async () => ({
      info: { isFallbackAdapter: false },
      features: new Set(),
      limits: {},
      requestDevice: async () => { throw new Error('test adapter: no device'); },
    }),
  },
});
`;

function addAdapterHook(): void {
  const assets = resolve(ARTIFACTS, DIST, 'assets');
  const files = readdirSync(assets).filter((f) => /^landscapeWorker-.*\.js$/.test(f));
  expect(files, 'the built landscape worker').toHaveLength(1);
  const path = resolve(assets, files[0]);
  writeFileSync(path, FAKE_ADAPTER + readFileSync(path, 'utf8'));
}

/** Opens the landscape page in a context of its own, recording every request (workers' too). */
async function openRecorded() {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const fetched: string[] = [];
  context.on('request', (r) => fetched.push(r.url()));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.app.url}landscape.html?model=resnet-20&res=3&samples=8&init=1`);
  await page.getByRole('button', { name: 'Recompute on my GPU' }).click();
  await page.waitForSelector('[data-status=done]', { timeout: 120_000 });
  return { context, page, errors, fetched };
}

/** The built files that carry the WebGPU backend, by name. */
function webgpuChunks(): string[] {
  const assets = resolve(ARTIFACTS, DIST, 'assets');
  return readdirSync(assets).filter(
    (f) => f.endsWith('.js') && readFileSync(resolve(assets, f), 'utf8').includes(WEBGPU_MARKER),
  );
}

describe.skipIf(skipBrowser)('WebGPU on the landscape page', () => {
  it('is a chunk of its own, which the page does not load up front', () => {
    // One per worker bundle that imports gpu/backend.ts (the landscape and the toy worker).
    const chunks = webgpuChunks();
    expect(chunks.length).toBeGreaterThanOrEqual(1);
    const upFront = pageAssets(resolve(ARTIFACTS, DIST), 'landscape.html');
    expect(upFront.length).toBeGreaterThan(0);
    for (const name of chunks) {
      // Only the backend: not tfjs's core (shared), nor a worker's own code.
      const text = readFileSync(resolve(ARTIFACTS, DIST, 'assets', name), 'utf8');
      expect(text).not.toContain('CHECK_COMPUTATION_FOR_ERRORS');
      expect(upFront.filter((f) => f.endsWith(name))).toEqual([]);
    }
  });

  it('without an adapter: says why, never fetches the chunk, and recomputes on WebAssembly', async () => {
    const chunks = webgpuChunks();
    const { context, page, errors, fetched } = await openRecorded();

    const note = page.locator('.ls-backend');
    await expect(note.getAttribute('data-backend')).resolves.toBe('wasm');
    const reason = await page.locator('[data-backend-reason]').textContent();
    // Chromium without a GPU has either no navigator.gpu or no adapter; WebGL is SwiftShader.
    expect(reason).toMatch(
      /^Tried in order: WebGPU: (no adapter|not) in this browser → WebGL \(SwiftShader is software, skipped\) → WebAssembly$/,
    );
    await expect(note.textContent()).resolves.not.toContain('not available');
    // The worker did start (it fetched the wasm binary), but never the WebGPU chunk.
    expect(fetched.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(fetched.filter((u) => chunks.some((c) => u.includes(c)))).toEqual([]);
    // The landscape still computes on the fallback.
    await expect(
      page.locator('.ls-contour').getAttribute('data-bands').then(Number),
    ).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('webgpu-fallback'), fullPage: true });
    expect(await axeViolations(page, '.ls-status')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  // Last: it changes the built worker.
  it('with an adapter: fetches the chunk, tries WebGPU, and falls back saying it could not start', async () => {
    addAdapterHook();
    const chunks = webgpuChunks();
    const { context, page, errors, fetched } = await openRecorded();
    expect(fetched.filter((u) => chunks.some((c) => u.includes(c)))).toHaveLength(1);
    await expect(page.locator('.ls-backend').getAttribute('data-backend')).resolves.toBe('wasm');
    await expect(page.locator('[data-backend-reason]').textContent()).resolves.toBe(
      'Tried in order: WebGPU: could not start here → WebGL (SwiftShader is software, skipped) → WebAssembly',
    );
    await expect(
      page.locator('.ls-contour').getAttribute('data-bands').then(Number),
    ).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
