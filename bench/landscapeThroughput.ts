/**
 * Landscape throughput on the wasm backend against the backend's own peak, measured in this run.
 *
 * Peak: the best GFLOP/s of (a) a 1024² matMul and (b) 3×3 convs of the shapes ResNet-20 of the
 * zoo runs (batch 250: 7×7×8, 4×4×16, 2×2×32) and one larger ResNet-like conv (64×16×16×32);
 * `backend_peak_gflops` = max(conv peak, matmul peak) is the denominator of
 * `landscape_vs_backend_peak`. `landscape_vs_netshape_conv` divides by the best rate of the
 * net's own conv shapes run bare (narrow 8–32-channel convs on 7×7…2×2 maps), for reference.
 * Landscape: `landscape-lab landscape --model resnet-20 --init --grid 5 --samples 1000` in-process
 * (computeSlice over 1000 test images, batches of 250), once with the BN-folded fused eval
 * forward the CLI uses and once with the plain forward; achieved GFLOP/s = points/s · 1000 ·
 * forwardFlops (2·MACs of convs + linear). Each figure is the best of a few repeats, because a
 * shared machine's background load only ever slows a run down.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/gpu/backend';
import { randomDirections } from '../src/gpu/landscape/directions';
import { computeSlice } from '../src/gpu/landscape/slice';
import { buildFastEvalModel, buildModel, forwardFlops, modelPreset } from '../src/gpu/modelZoo';
import type { Net } from '../src/gpu/nets/net';
import { loadLandscapeData, loadModelWeights } from '../src/cli/landscapeOptions';

/** Best seconds per call of `f` (result read back, tensors freed) over `reps` after one warm-up. */
function bestSeconds(f: () => tf.Tensor, reps: number): number {
  let best = Infinity;
  for (let i = 0; i <= reps; i++) {
    const t0 = performance.now();
    const t = tf.tidy(f);
    t.dataSync();
    const dt = (performance.now() - t0) / 1000;
    t.dispose();
    if (i > 0) best = Math.min(best, dt);
  }
  return best;
}

function matmulPeak(): number {
  const n = 1024;
  const a = tf.randomNormal([n, n], 0, 1, 'float32', 1), b = tf.randomNormal([n, n], 0, 1, 'float32', 2);
  const s = bestSeconds(() => tf.matMul(a, b), 5);
  tf.dispose([a, b]);
  return (2 * n ** 3) / s / 1e9;
}

/** [best GFLOP/s over the zoo ResNet-20's own conv shapes, GFLOP/s of a larger ResNet-like conv]. */
function convPeaks(): [number, number] {
  const rate = ([n, h, c]: number[]) => {
    const x = tf.randomNormal([n, h, h, c], 0, 1, 'float32', 3) as tf.Tensor4D;
    const w = tf.randomNormal([3, 3, c, c], 0, 1, 'float32', 4) as tf.Tensor4D;
    const s = bestSeconds(() => tf.conv2d(x, w, 1, 1), 5);
    tf.dispose([x, w]);
    return (2 * n * h * h * c * c * 9) / s / 1e9;
  };
  const own = Math.max(...[[250, 7, 8], [250, 4, 16], [250, 2, 32]].map(rate));
  return [own, rate([64, 16, 32])];
}

async function landscapePointsPerSecond(net: Net, grid: number, reps: number): Promise<number> {
  const preset = modelPreset('resnet-20');
  const { params, buffers } = await loadModelWeights(net, 'init', 0);
  const { batches } = await loadLandscapeData(preset, 1000, 250);
  const dirs = randomDirections(params, { seed: 0 });
  const axis = { min: -1, max: 1, num: grid };
  const spec = { net, params, buffers, dx: dirs.x, dy: dirs.y, x: axis, y: axis, batches };
  await computeSlice({ ...spec, y: undefined, dy: undefined, x: { min: -1, max: 1, num: 2 } }); // warm-up
  let best = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    await computeSlice(spec);
    best = Math.max(best, (grid * grid) / ((performance.now() - t0) / 1000));
  }
  tf.dispose([...params, ...buffers, ...dirs.x, ...dirs.y, ...batches.flatMap((b) => [b.x, b.y])]);
  return best;
}

export async function benchLandscape(): Promise<Record<string, number>> {
  const backend = await initBackend(['wasm']);
  if (backend !== 'wasm') throw new Error(`benchLandscape: wasm backend unavailable (got ${backend})`);
  const preset = modelPreset('resnet-20');
  const flopsPerPoint = forwardFlops(preset) * 1000;
  // Interleave peak and landscape measurements so background load hits both alike.
  const mm: number[] = [], conv: number[] = [], own: number[] = [], fast: number[] = [], plain: number[] = [];
  for (let round = 0; round < 2; round++) {
    mm.push(matmulPeak());
    const [o, big] = convPeaks();
    own.push(o);
    conv.push(Math.max(o, big));
    fast.push(await landscapePointsPerSecond(buildFastEvalModel(preset), 5, 2));
    plain.push(await landscapePointsPerSecond(buildModel(preset), 3, 1));
  }
  const matmulGflops = Math.max(...mm), convGflops = Math.max(...conv);
  const peak = Math.max(matmulGflops, convGflops);
  const pps = Math.max(...fast), ppsPlain = Math.max(...plain);
  const achieved = (pps * flopsPerPoint) / 1e9;
  const achievedPlain = (ppsPlain * flopsPerPoint) / 1e9;
  const r = (x: number, d = 3) => Number(x.toPrecision(d));
  return {
    landscape_backend_matmul_gflops: r(matmulGflops),
    landscape_backend_conv_gflops: r(convGflops),
    landscape_backend_peak_gflops: r(peak),
    landscape_backend_conv_netshape_gflops: r(Math.max(...own)),
    landscape_resnet20_mflop_per_image: r(forwardFlops(preset) / 1e6),
    landscape_resnet20_points_per_s: r(pps),
    landscape_resnet20_gflops: r(achieved),
    landscape_vs_backend_peak: r(achieved / peak),
    landscape_vs_netshape_conv: r(achieved / Math.max(...own)),
    landscape_resnet20_plain_points_per_s: r(ppsPlain),
    landscape_resnet20_plain_gflops: r(achievedPlain),
    landscape_fused_vs_plain: r(pps / ppsPlain),
  };
}
