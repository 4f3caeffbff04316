/**
 * `map_webgl_vs_scalar` and `map_webgpu_vs_scalar` (issue #15's target: ≥ 50): the batched map on
 * a GPU backend against the core's scalar runs, both in one Chromium page (bench/mapGpuPage.ts,
 * bundled by esbuild and served to the page from memory), interleaved A, B, A, B, for the same
 * momentum-bowl runs as `map_wasm_vs_scalar` (256 × 256 × 200 steps).
 *
 * Only a real GPU is timed. The page first reads WebGL's renderer string and WebGPU's adapter;
 * a software renderer (SwiftShader, llvmpipe: the CPU behind WebGL's per-op overhead) or a
 * fallback adapter records "not measured" and why. On a machine with a GPU and Chromium:
 *   npm run bench map-gpu
 * Chromium's GPU flags default to MAP_GPU_FLAGS; MAP_GPU_ARGS='…' replaces them (e.g. for
 * another driver stack). MAP_GPU_FORCE=1 times whatever renderer there is, to try the script
 * on a machine without one; its figures say the renderer and must not be quoted.
 */
import { build } from 'esbuild';
import { launchChromium } from '../test/e2e/browser';
import type { GpuProbe, GpuRun } from './mapGpuPage';

/** Flags that let headless Chromium on Linux use the machine's GPU for WebGL and WebGPU. */
export const MAP_GPU_FLAGS = [
  '--use-angle=vulkan',
  '--enable-features=Vulkan,VulkanFromANGLE,DefaultANGLEVulkan',
  '--enable-unsafe-webgpu',
  '--ignore-gpu-blocklist',
];

const ORIGIN = 'http://localhost:8123';
const r3 = (x: number) => Number(x.toPrecision(3));

interface PageApi {
  probe(): Promise<GpuProbe>;
  run(
    backend: string,
    n: number,
    steps: number,
    rounds: number,
  ): Promise<GpuRun | { error: string }>;
}

async function pageBundle(): Promise<string> {
  const r = await build({
    entryPoints: [new URL('./mapGpuPage.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'error',
    // backend.ts reaches node:module only under Node, by a variable specifier.
    external: ['node:*'],
  });
  return r.outputFiles[0].text;
}

/** Why a backend is not timed here (a software renderer, no adapter), or null to time it. */
export function notMeasured(backend: 'webgl' | 'webgpu', p: GpuProbe): string | null {
  if (backend === 'webgl') {
    if (!p.renderer) return 'not measured: no WebGL in this Chromium';
    if (p.software)
      return `not measured: WebGL here is ${p.software} (software rendering on the CPU, not a GPU: "${p.renderer}")`;
    return null;
  }
  if (p.webgpu !== 'adapter')
    return `not measured: no WebGPU GPU adapter in this Chromium (${p.webgpu})`;
  return null;
}

export async function benchMapGpu(
  opts: { n?: number; steps?: number; rounds?: number; force?: boolean; args?: string[] } = {},
): Promise<Record<string, unknown>> {
  const n = opts.n ?? 256,
    steps = opts.steps ?? 200,
    rounds = opts.rounds ?? 2;
  const force = opts.force ?? process.env.MAP_GPU_FORCE === '1';
  const args =
    opts.args ??
    (process.env.MAP_GPU_ARGS !== undefined
      ? process.env.MAP_GPU_ARGS.split(' ').filter(Boolean)
      : MAP_GPU_FLAGS);
  const bundle = await pageBundle();
  const browser = await launchChromium(args, { webgl: 'gpu' });
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) =>
      route.request().url().endsWith('/bench.js')
        ? route.fulfill({ body: bundle, contentType: 'text/javascript' })
        : route.fulfill({
            body: '<!doctype html><title>map bench</title><script src="bench.js"></script>',
            contentType: 'text/html',
          }),
    );
    // localhost is a secure context, which WebGPU needs.
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'mapGpuBench' in globalThis);
    const probe = await page.evaluate(() =>
      (globalThis as unknown as { mapGpuBench: PageApi }).mapGpuBench.probe(),
    );
    const figures: Record<string, unknown> = {
      map_gpu_renderer: probe.renderer ?? 'none',
      map_gpu_webgpu_adapter: probe.webgpu,
      map_gpu_chromium_args: args.join(' '),
    };
    for (const backend of ['webgl', 'webgpu'] as const) {
      const why = notMeasured(backend, probe);
      const key = `map_${backend}_vs_scalar`;
      if (why && !force) {
        figures[key] = why;
        continue;
      }
      const r = await page.evaluate(
        ([b, n, s, k]) =>
          (globalThis as unknown as { mapGpuBench: PageApi }).mapGpuBench.run(b, n, s, k),
        [backend, n, steps, rounds] as const,
      );
      if ('error' in r) {
        figures[key] = `not measured: ${r.error}`;
        continue;
      }
      const ratios = r.scalar_s.map((s, i) => s / r.batched_s[i]);
      figures[key] = r3(ratios.reduce((a, b) => a + b, 0) / ratios.length);
      figures[`${key}_rounds`] = ratios.map(r3);
      figures[`map_${backend}_batched_s`] = r.batched_s.map(r3);
      figures[`map_${backend}_scalar_s`] = r.scalar_s.map(r3);
      figures[`map_${backend}_status_agreement`] = r3(r.status_agreement);
      if (why) figures[`map_${backend}_forced_on`] = why.replace('not measured: ', '');
    }
    figures.map_gpu_setup = `headless Chromium, one page: momentum-bowl at ${n}×${n} runs × ${steps} steps, computeMap on the backend against scalarCell per cell in the page's JS, ${rounds} interleaved rounds`;
    return figures;
  } finally {
    await browser.close();
  }
}
