/**
 * `map_wasm_vs_scalar`: a trainability map by the batched tensor path (gpu/map/computeMap on
 * tfjs-wasm) against the core's scalar path (core/map/surfaceCell's scalarCell, i.e. `run()` per
 * run, as the race runs one) for the SAME 65,536 surface runs: the momentum-bowl preset (SGD,
 * lr × momentum on ½(x² + 25y²)) at 256 × 256 cells and 200 steps. Interleaved in one process,
 * A, B, A, B (5 rounds): the whole batched map, then the scalar runs row by row (every row, or a
 * seeded random sample of rows scaled to 256 when MAP_BENCH_ROWS says so; the per-row times'
 * spread is reported: rows are NOT uniform, since a diverged run stops early, so time them all).
 * Figure = median over rounds of scalar seconds ÷ batched seconds.
 *
 * The cost model beside it, on the batched path (each the best of 3, round-robin): time against cells (64², 128²,
 * 256² at 200 steps), against steps (128² at 50…400), against the chunk (256² at 50 steps in
 * passes of 1,024 … 65,536 runs), and the MLP map's time per run-step at width 8, 16 and 32 (the
 * paper's one-hidden-layer tanh net, 16 inputs, 16 examples), with the scalar MLP's for scale.
 *
 * bench/run.ts runs it as the app ships (bench/asShipped.ts: an esbuild bundle in a fresh node).
 */
import * as tf from '@tensorflow/tfjs';
import { findMapPreset } from '../src/core/map/mapPresets';
import { statusOf } from '../src/core/map/mapOutcome';
import {
  parseMapSpec,
  type MapSpec,
  type MlpMapSpec,
  type SurfaceMapSpec,
} from '../src/core/map/mapSpec';
import { mlpProblem, mlpScalarCell } from '../src/core/map/mlpProblem';
import { scalarCell } from '../src/core/map/surfaceCell';
import { createRng } from '../src/core/sampling/rng';
import { initBackend } from '../src/gpu/backend';
import { computeMap } from '../src/gpu/map/computeMap';

const N = 256;
const STEPS = 200;
const ROUNDS = 5;
const COST_ROUNDS = 3;

const r3 = (x: number) => Number(x.toPrecision(3));

/** A preset's spec with its fields replaced by `over`, parsed. */
export function presetSpec(id: string, over: Record<string, unknown>): MapSpec {
  const p = findMapPreset(id);
  if (!p) throw new Error(`no map preset '${id}'`);
  const spec = { ...p.spec, ...over };
  for (const k of ['x', 'y'] as const)
    if (typeof over[`n${k}`] === 'number') {
      spec[k] = { ...(p.spec[k] as object), n: over[`n${k}`] };
      delete spec[`n${k}`];
    }
  const r = parseMapSpec(spec);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

const seconds = async (f: () => unknown) => {
  const t0 = performance.now();
  await f();
  return (performance.now() - t0) / 1000;
};

/** The scalar runs of `rows` (every cell of each), timed per row; how many converged / diverged. */
function scalarRows(spec: SurfaceMapSpec, rows: number[]) {
  const perRow: number[] = [];
  const statuses: string[] = [];
  for (const j of rows) {
    const t0 = performance.now();
    for (let i = 0; i < spec.x.n; i++) statuses.push(statusOf(scalarCell(spec, i, j).outcome));
    perRow.push((performance.now() - t0) / 1000);
  }
  return { perRow, statuses };
}

/** n distinct rows of 0…N−1, seeded. */
function sampleRows(n: number, seed: number): number[] {
  if (n >= N) return Array.from({ length: N }, (_, j) => j);
  const rng = createRng(seed);
  const rows = new Set<number>();
  while (rows.size < n) rows.add(Math.floor(rng.next() * N));
  return [...rows].sort((a, b) => a - b);
}

export async function benchMapVsScalar(
  opts: { scalarRows?: number } = {},
): Promise<Record<string, unknown>> {
  const backend = await initBackend(['wasm']);
  if (backend !== 'wasm') throw new Error(`map bench: wasm backend unavailable (got ${backend})`);
  const spec = presetSpec('momentum-bowl', { nx: N, ny: N, steps: STEPS }) as SurfaceMapSpec;
  // MAP_BENCH_ROWS=k times k seeded random rows of the scalar side instead of all 256.
  const rowsTimed = Math.min(N, opts.scalarRows ?? (Number(process.env.MAP_BENCH_ROWS) || N));

  // Warm-up: the full-size pass once (WASM memory grown to its size: the first such pass was
  // ~1.5× slower), and the core's JIT.
  await computeMap(presetSpec('momentum-bowl', { nx: N, ny: N, steps: 20 }));
  scalarRows(spec, [0, N / 2]);

  const batched: number[] = [];
  const scalar: number[] = [];
  const rowTimes: number[] = [];
  let agree = 0,
    compared = 0;
  for (let r = 0; r < ROUNDS; r++) {
    let map: Awaited<ReturnType<typeof computeMap>> | null = null;
    batched.push(await seconds(async () => (map = await computeMap(spec, { yieldMs: 1e9 }))));
    const rows = sampleRows(rowsTimed, r + 1);
    const s = scalarRows(spec, rows);
    scalar.push((s.perRow.reduce((a, b) => a + b, 0) * N) / rows.length);
    rowTimes.push(...s.perRow);
    // The same runs: the two paths' statuses agree (float32 against float64, a few cells apart at most).
    const m = map!;
    rows.forEach((j, k) => {
      for (let i = 0; i < N; i++) {
        const c = j * N + i;
        const b = statusOf({ reachedAt: m.reachedAt[c], divergedAt: m.divergedAt[c] });
        agree += b === s.statuses[k * N + i] ? 1 : 0;
        compared++;
      }
    });
  }
  const mean = rowTimes.reduce((a, b) => a + b, 0) / rowTimes.length;
  const sd = Math.sqrt(rowTimes.reduce((a, b) => a + (b - mean) ** 2, 0) / rowTimes.length);
  const ratios = scalar.map((s, i) => s / batched[i]);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

  // Cost model, batched path: every configuration timed in turn, COST_ROUNDS times round-robin,
  // each its best time (the machine's drift only ever adds time).
  const mom = (nx: number, steps: number) => presetSpec('momentum-bowl', { nx, ny: nx, steps });
  const mlp = (width: number) => presetSpec('mlp-fractal', { nx: 32, ny: 32, steps: 50, width });
  const configs: { group: string; key: string; spec: MapSpec; chunk?: number }[] = [
    ...[64, 128, 256].map((n) => ({ group: 'cells', key: `${n}x${n}`, spec: mom(n, STEPS) })),
    ...[50, 100, 200, 400].map((k) => ({ group: 'steps', key: `${k}`, spec: mom(128, k) })),
    ...[1024, 4096, 16384, 65536].map((chunk) => ({
      group: 'chunk',
      key: `${chunk}`,
      spec: mom(N, 50),
      chunk,
    })),
    ...[8, 16, 32].map((w) => ({ group: 'mlp', key: `${w}`, spec: mlp(w) })),
  ];
  const best = configs.map(() => Infinity);
  for (let r = 0; r < COST_ROUNDS; r++)
    for (const [k, c] of configs.entries())
      best[k] = Math.min(
        best[k],
        await seconds(() => computeMap(c.spec, { chunk: c.chunk, yieldMs: 1e9 })),
      );
  const group = (g: string, f: (s: number, c: (typeof configs)[number]) => number) =>
    Object.fromEntries(
      configs.flatMap((c, k) => (c.group === g ? [[c.key, r3(f(best[k], c))]] : [])),
    );
  const runStepsOf = (s: MapSpec) => s.x.n * s.y.n * (s.steps + 1);
  const mlp16 = mlp(16);
  let mlpScalar = Infinity;
  for (let r = 0; r < COST_ROUNDS; r++)
    mlpScalar = Math.min(
      mlpScalar,
      await seconds(() => {
        const problem = mlpProblem(mlp16 as MlpMapSpec);
        for (let i = 0; i < 32; i++) mlpScalarCell(mlp16 as MlpMapSpec, i, 16, problem);
      }),
    );
  // What a batched step is made of: tfjs kernels per step, and one element-wise kernel's time
  // over a chunk's worth of runs (an add of two 65,536-vectors).
  const kernels = async (steps: number) => {
    const spec = presetSpec('momentum-bowl', { nx: 16, ny: 16, steps });
    const p = await tf.profile(async () => {
      await computeMap(spec, { yieldMs: 1e9 });
      return [];
    });
    return p.kernels.length;
  };
  const kernelsPerStep = ((await kernels(40)) - (await kernels(20))) / 20;
  const a = tf.ones([N * N]);
  const addSeconds =
    (await seconds(async () => {
      for (let k = 0; k < 200; k++) tf.tidy(() => tf.add(a, a)).dispose();
    })) / 200;
  a.dispose();
  const runSteps = N * N * (STEPS + 1);
  return {
    map_wasm_vs_scalar: r3(median(ratios)),
    map_wasm_vs_scalar_rounds: ratios.map(r3),
    // Total work over total time, beside the median of the rounds' ratios.
    map_wasm_vs_scalar_total: r3(scalar.reduce((a, b) => a + b) / batched.reduce((a, b) => a + b)),
    map_setup: `momentum-bowl preset (SGD, lr 1e-3…1 log × momentum 0…0.999 on the quadratic bowl, tol 1e-4) at ${N}×${N} = ${N * N} runs × ${STEPS} steps; batched: computeMap on tfjs-wasm, one pass of ${N * N}; scalar: scalarCell (core run()) per cell, ${rowsTimed === N ? 'every row' : `${rowsTimed} seeded random rows of ${N}, scaled`}; ${ROUNDS} interleaved rounds, esbuild bundle in a fresh node process`,
    map_batched_s: batched.map(r3),
    map_scalar_s: scalar.map(r3),
    map_batched_us_per_run_step: r3((median(batched) * 1e6) / runSteps),
    map_scalar_us_per_run_step: r3((median(scalar) * 1e6) / runSteps),
    map_scalar_row_ms_mean: r3(mean * 1000),
    map_scalar_row_cv: r3(sd / mean),
    map_scalar_row_max_over_min: r3(Math.max(...rowTimes) / Math.min(...rowTimes)),
    map_status_agreement: r3(agree / compared),
    map_seconds_by_cells_200_steps: group('cells', (t) => t),
    map_seconds_by_steps_128x128: group('steps', (t) => t),
    map_seconds_by_chunk_256x256_50_steps: group('chunk', (t) => t),
    map_mlp_us_per_run_step_by_width: group('mlp', (t, c) => (t * 1e6) / runStepsOf(c.spec)),
    map_mlp_scalar_us_per_run_step_width16: r3((mlpScalar * 1e6) / (32 * 51)),
    map_cost_model_timing: `each configuration the best of ${COST_ROUNDS}, timed round-robin`,
    map_batched_kernels_per_step: r3(kernelsPerStep),
    map_add_65536_us: r3(addSeconds * 1e6),
    map_batched_step_ms_256x256: r3((median(batched) * 1000) / STEPS),
    map_mlp_setup:
      'mlp-fractal preset (one hidden tanh layer, 16 inputs, 16 examples, full batch) at 32×32 runs × 50 steps, width 8/16/32; scalar: mlpScalarCell (float64) for one row of 32 at width 16',
  };
}
