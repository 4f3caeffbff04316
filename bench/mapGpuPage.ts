/**
 * The browser half of `map_webgl_vs_scalar` / `map_webgpu_vs_scalar` (bench/mapGpu.ts bundles
 * it for a page): what GPU the page sees, and the same interleaved batched-vs-scalar timing as
 * bench/mapVsScalar.ts on a GPU backend, the scalar runs in the same page's JavaScript.
 */
import { scalarCell } from '../src/core/map/surfaceCell';
import { statusOf } from '../src/core/map/mapOutcome';
import type { SurfaceMapSpec } from '../src/core/map/mapSpec';
import { initBackend, probeWebgpu, type BackendName } from '../src/gpu/backend';
import { computeMap } from '../src/gpu/map/computeMap';
import { probeWebGLRenderer, softwareRenderer } from '../src/gpu/webglRenderer';
import { presetSpec } from './mapVsScalar';

export interface GpuProbe {
  renderer: string | null;
  software: string | null;
  webgpu: string;
}

export interface GpuRun {
  backend: string;
  batched_s: number[];
  scalar_s: number[];
  status_agreement: number;
}

async function probe(): Promise<GpuProbe> {
  const renderer = probeWebGLRenderer();
  return { renderer, software: softwareRenderer(renderer), webgpu: await probeWebgpu() };
}

async function run(
  backend: BackendName,
  n: number,
  steps: number,
  rounds: number,
): Promise<GpuRun | { error: string }> {
  const got = await initBackend([backend]).catch(() => 'none');
  if (got !== backend) return { error: `the ${backend} backend did not initialise here` };
  const spec = presetSpec('momentum-bowl', { nx: n, ny: n, steps }) as SurfaceMapSpec;
  const time = async (f: () => unknown) => {
    const t0 = performance.now();
    await f();
    return (performance.now() - t0) / 1000;
  };
  await computeMap(presetSpec('momentum-bowl', { nx: 32, ny: 32, steps: 20 })); // shaders compiled
  const out: GpuRun = { backend, batched_s: [], scalar_s: [], status_agreement: 0 };
  let agree = 0;
  for (let r = 0; r < rounds; r++) {
    let m: Awaited<ReturnType<typeof computeMap>> | null = null;
    out.batched_s.push(await time(async () => (m = await computeMap(spec, { yieldMs: 1e9 }))));
    const statuses: string[] = [];
    out.scalar_s.push(
      await time(() => {
        for (let j = 0; j < n; j++)
          for (let i = 0; i < n; i++) statuses.push(statusOf(scalarCell(spec, i, j).outcome));
      }),
    );
    statuses.forEach((s, c) => {
      const b = statusOf({ reachedAt: m!.reachedAt[c], divergedAt: m!.divergedAt[c] });
      agree += s === b ? 1 : 0;
    });
  }
  out.status_agreement = agree / (rounds * n * n);
  return out;
}

(globalThis as unknown as { mapGpuBench: unknown }).mapGpuBench = { probe, run };
