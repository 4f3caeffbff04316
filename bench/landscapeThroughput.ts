/**
 * Landscape throughput on the wasm backend against the backend's own peak, measured in this run.
 *
 * Peak kernels: a 1024² matMul, 3×3 convs of the shapes the zoo's ResNet-20 runs (batch 1000:
 * 7×7×8, 4×4×16, 2×2×32) and one larger ResNet-like conv (64×16×16×32). Landscape:
 * `landscape-lab landscape --model resnet-20 --init --samples 1000` in-process (computeSlice over
 * 1000 test images in one batch, the CLI's default) with the BN-folded fused eval forward the CLI
 * uses; achieved GFLOP/s = points/s · 1000 · forwardFlops (2·MACs of convs + linear, nominal:
 * every conv counted as a conv; the fast forward runs its ≤ 2×2-map convs as dense products
 * that skip padding taps, so the ratio on executed multiply-adds is reported too).
 *
 * How the two are compared. This VM's speed swings by up to 2× within seconds (a 1024² matMul
 * takes 125–270 ms from one call to the next). A millisecond kernel timed "best of a few" then
 * catches the fast phases while a seconds-long slice averages over them, which read as a
 * landscape at ~0.5 of peak although the same forward, timed call by call against the matMul,
 * runs at 0.85–1.0 of it. So the slice and the peak kernels are interleaved at the grain of one
 * slice row (3 points, ~0.3–0.6 s): after every row each peak kernel runs a block of about the
 * same length, and every rate is total work over total time of its own samples. Both sides then
 * see the same mix of fast and slow phases. The slice's once-per-slice set-up (folding w, dx, dy)
 * is inside its time. `landscape_vs_backend_peak` = slice rate ÷ max over kernels of their rate.
 * `landscape_vs_backend_peak_best_of` is the older, biased figure: the fastest row ÷ the fastest
 * single kernel block. Every time is taken on the wall clock and as process CPU time; the CPU
 * figure is lower because process CPU time also counts V8's parallel GC threads, which clean up
 * after the slice's JS on the other core (with `node --single-threaded-gc` it read 0.83 against a
 * wall ratio of 0.86 in one run).
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/gpu/backend';
import { randomDirections } from '../src/gpu/landscape/directions';
import { computeSlice, sliceRows, type SliceSpec } from '../src/gpu/landscape/slice';
import { buildFastEvalModel, buildModel, forwardFlops, modelPreset } from '../src/gpu/modelZoo';
import type { Net } from '../src/gpu/nets/net';
import { loadLandscapeData, loadModelWeights } from '../src/cli/landscapeOptions';

/** Wall-clock and process CPU seconds (user + system, all threads). */
export interface Clock {
  wall: number;
  cpu: number;
}
export const clock = (): Clock => {
  const c = process.cpuUsage();
  return { wall: performance.now() / 1000, cpu: (c.user + c.system) / 1e6 };
};
export const since = (t: Clock): Clock => {
  const n = clock();
  return { wall: n.wall - t.wall, cpu: n.cpu - t.cpu };
};

/** Work done and time taken, summed over a kind's samples; `best` is the fastest single sample's rate. */
class Tally {
  flops = 0;
  wall = 0;
  cpu = 0;
  best = 0;
  add(flops: number, t: Clock): void {
    this.flops += flops;
    this.wall += t.wall;
    this.cpu += t.cpu;
    this.best = Math.max(this.best, flops / t.wall / 1e9);
  }
  /** GFLOP/s over all samples. */
  get gflops(): number {
    return this.flops / this.wall / 1e9;
  }
  get gflopsCpu(): number {
    return this.flops / this.cpu / 1e9;
  }
}

/** A peak kernel: `reps` calls per block (so a block lasts about as long as a slice row). */
export interface PeakKernel {
  name: string;
  flops: number;
  reps: number;
  run(): tf.Tensor;
  inputs: tf.Tensor[];
}

export function matmulKernel(n: number, reps: number): PeakKernel {
  const a = tf.randomNormal([n, n], 0, 1, 'float32', 1),
    b = tf.randomNormal([n, n], 0, 1, 'float32', 2);
  return {
    name: `matmul ${n}²`,
    flops: 2 * n ** 3,
    reps,
    run: () => tf.matMul(a, b),
    inputs: [a, b],
  };
}

function convKernel([n, h, c]: [number, number, number], reps: number): PeakKernel {
  const x = tf.randomNormal([n, h, h, c], 0, 1, 'float32', 3) as tf.Tensor4D;
  const w = tf.randomNormal([3, 3, c, c], 0, 1, 'float32', 4) as tf.Tensor4D;
  return {
    name: `conv ${n}×${h}×${h}×${c}`,
    flops: 2 * n * h * h * c * c * 9,
    reps,
    run: () => tf.conv2d(x, w, 1, 1),
    inputs: [x, w],
  };
}

/** Time one block of `k` (result read back, tensors freed). */
export function timeBlock(k: PeakKernel): Clock {
  const t0 = clock();
  for (let i = 0; i < k.reps; i++) {
    const t = tf.tidy(k.run);
    t.dataSync();
    t.dispose();
  }
  return since(t0);
}

/** A ResNet-20 slice set up once (weights, 1000 test images, directions, one warm-up slice). */
async function sliceSetup(
  net: Net,
): Promise<{ spec: (grid: [number, number]) => SliceSpec; dispose(): void }> {
  const { params, buffers } = await loadModelWeights(net, 'init', 0);
  const { batches } = await loadLandscapeData(modelPreset('resnet-20'), 1000, 1000);
  const dirs = randomDirections(params, { seed: 0 });
  const base = { net, params, buffers, dx: dirs.x, batches };
  await computeSlice({ ...base, x: { min: -1, max: 1, num: 2 } }); // warm-up (1D, 2 points)
  return {
    spec: ([nx, ny]) => ({
      ...base,
      dy: dirs.y,
      x: { min: -1, max: 1, num: nx },
      y: { min: -1, max: 1, num: ny },
    }),
    dispose: () =>
      tf.dispose([
        ...params,
        ...buffers,
        ...dirs.x,
        ...dirs.y,
        ...batches.flatMap((b) => [b.x, b.y]),
      ]),
  };
}

/** Seconds for a whole slice of `grid`. */
async function sliceTime(s: SliceSpec): Promise<Clock> {
  const t0 = clock();
  await computeSlice(s);
  return since(t0);
}

export async function benchLandscape(): Promise<Record<string, number>> {
  const backend = await initBackend(['wasm']);
  if (backend !== 'wasm')
    throw new Error(`benchLandscape: wasm backend unavailable (got ${backend})`);
  const preset = modelPreset('resnet-20');
  const flopsPerPoint = forwardFlops(preset) * 1000;
  const executedPerPoint = forwardFlops(preset, 'executed') * 1000;

  const netShapes: [number, number, number][] = [
    [1000, 7, 8],
    [1000, 4, 16],
    [1000, 2, 32],
  ];
  const kernels = [
    matmulKernel(1024, 1),
    convKernel([64, 16, 32], 4),
    ...netShapes.map((s) => convKernel(s, 6)),
  ];
  for (const k of kernels) timeBlock(k); // warm-up: operators created, memory grown
  const tallies = new Map(kernels.map((k) => [k, new Tally()]));

  // The slice: 3 points per row, rows interleaved with one block of every peak kernel.
  const NX = 3,
    NY = 12;
  const fast = await sliceSetup(buildFastEvalModel(preset));
  const slice = new Tally();
  const rows = sliceRows(fast.spec([NX, NY]));
  let t0 = clock();
  for await (const row of rows) {
    slice.add(row.points.length * flopsPerPoint, since(t0));
    for (const k of kernels) tallies.get(k)!.add(k.flops * k.reps, timeBlock(k));
    t0 = clock();
  }

  // Fused vs plain forward: alternating 2×2 slices, total time of each.
  const plain = await sliceSetup(buildModel(preset));
  const fusedT = new Tally(),
    plainT = new Tally();
  for (let i = 0; i < 3; i++) {
    fusedT.add(4 * flopsPerPoint, await sliceTime(fast.spec([2, 2])));
    plainT.add(4 * flopsPerPoint, await sliceTime(plain.spec([2, 2])));
  }
  fast.dispose();
  plain.dispose();
  kernels.forEach((k) => tf.dispose(k.inputs));

  const matmul = tallies.get(kernels[0])!;
  const convs = kernels.slice(1).map((k) => tallies.get(k)!);
  const own = convs.slice(1);
  const peakOf = (ts: Tally[], f: (t: Tally) => number) => Math.max(...ts.map(f));
  const all = [matmul, ...convs];
  const peak = peakOf(all, (t) => t.gflops);
  const peakCpu = peakOf(all, (t) => t.gflopsCpu);
  const r = (x: number, d = 3) => Number(x.toPrecision(d));
  return {
    landscape_backend_matmul_gflops: r(matmul.gflops),
    landscape_backend_conv_gflops: r(peakOf(convs, (t) => t.gflops)),
    landscape_backend_peak_gflops: r(peak),
    landscape_backend_conv_netshape_gflops: r(peakOf(own, (t) => t.gflops)),
    landscape_resnet20_mflop_per_image: r(forwardFlops(preset) / 1e6),
    landscape_resnet20_points_per_s: r((slice.gflops * 1e9) / flopsPerPoint),
    landscape_resnet20_gflops: r(slice.gflops),
    landscape_slice_points_timed: NX * NY,
    // Slice rate over the best kernel's rate, both totals over the same interleaved period.
    landscape_vs_backend_peak: r(slice.gflops / peak),
    // On process CPU time (includes V8's GC helper threads: see the note at the top).
    landscape_vs_backend_peak_cpu: r(slice.gflopsCpu / peakCpu),
    landscape_vs_netshape_conv: r(slice.gflops / peakOf(own, (t) => t.gflops)),
    // The fastest row over the fastest single kernel block: how the figure used to be taken.
    landscape_vs_backend_peak_best_of: r(slice.best / peakOf(all, (t) => t.best)),
    // The same run counted in the multiply-adds the fast forward really does (its ≤ 2×2-map convs
    // are dense products that skip the padding taps): lower than nominal, reported for honesty.
    landscape_resnet20_executed_mflop_per_image: r(forwardFlops(preset, 'executed') / 1e6),
    landscape_executed_vs_backend_peak: r(
      ((slice.gflops / peak) * executedPerPoint) / flopsPerPoint,
    ),
    landscape_resnet20_plain_points_per_s: r((plainT.gflops * 1e9) / flopsPerPoint),
    landscape_resnet20_plain_gflops: r(plainT.gflops),
    landscape_fused_vs_plain: r(fusedT.gflops / plainT.gflops),
  };
}
