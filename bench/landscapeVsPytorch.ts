/**
 * The same ResNet loss-landscape slice computed by ours and by PyTorch-CPU, interleaved in one run.
 *
 * Ours is `sliceRows` (the row generator `computeSlice` runs, so `landscape-lab landscape`'s
 * path) on tfjs-wasm with the zoo's BN-folded eval forward, random filter-normalised directions
 * (seed 0, biases and BN left alone: the CLI's defaults). PyTorch is bench/pytorch/resnet_slice.py
 * (Debian's python3-torch) on the same architecture, the same weights and BN running statistics,
 * the same two directions and the same images, sent once through a temporary file. It evaluates
 * a point in whichever of four ways was fastest in the warm-up (`*_pytorch_mode`; CPU time, best
 * of two tries): BN as layers or folded into the convs once per slice (as ours), NCHW or
 * channels-last (its oneDNN path).
 * torch runs as many threads as tfjs-wasm does here (1 under Node; torch's default here too).
 *
 * Agreement first: the grid's corners (the points furthest from the centre) are computed by
 * both, every mode, before anything is timed, and every timed point is compared again; a
 * relative difference in the loss over AGREE aborts the benchmark with the point and both
 * losses (a speed ratio of two different computations means nothing).
 *
 * Timing: our slice yields a row at a time; after each row PyTorch computes the same row's points
 * (A, B, A, B, …; this VM's speed drifts by 2× within seconds). Our first row includes the
 * slice's once-per-slice set-up (folding w, dx and dy). Figures per case:
 *   <case>_ours_ms_per_point, <case>_pytorch_ms_per_point   total time ÷ points, each side
 *   <case>_vs_pytorch   median over rows of (our time per point ÷ PyTorch's); > 1: ours slower
 *   <case>_vs_pytorch_total   the same from the totals
 *   <case>_vs_pytorch_cpu, <case>_*_cpu_ms_per_point   the same in process CPU time, which leaves
 *                       out the waits for a core when the VM is oversubscribed (both sides are
 *                       single-threaded; ours also counts V8's GC helper threads)
 *   <case>_ours_gflops, <case>_pytorch_gflops   nominal forward FLOPs (modelZoo.forwardFlops) per s
 *   <case>_ours_kernels, <case>_pytorch_ops   (paper20) where one point's time goes, each side
 * `landscape_vs_pytorch` is the shipped case's median ratio.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { loadLandscapeData, loadModelWeights } from '../src/cli/landscapeOptions';
import { initBackend } from '../src/gpu/backend';
import { randomDirections } from '../src/gpu/landscape/directions';
import type { Batch } from '../src/gpu/landscape/evaluate';
import { computeSlice, sliceRows, type SliceSpec } from '../src/gpu/landscape/slice';
import {
  buildFastEvalModel,
  forwardFlops,
  type ModelPreset,
  modelPreset,
} from '../src/gpu/modelZoo';
import { stateDictOrder } from '../src/gpu/modelZoo';
import { type Clock, clock, since } from './landscapeThroughput';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./pytorch/resnet_slice.py', import.meta.url));
/** Largest relative difference in a point's loss that still counts as the same computation. */
export const AGREE = 1e-4;
const SHIPPED_WEIGHTS = fileURLToPath(
  new URL('../public/models/resnet-20/weights.json', import.meta.url),
);

/** One slice to time: a net, its weights, its data and a grid of `nx` × `ny` points in [−1, 1]². */
export interface SliceCase {
  key: string;
  describe: string;
  preset: ModelPreset;
  /** A weights manifest, or 'init' (seed 0). */
  weights: string;
  data: () => Promise<Batch>;
  nx: number;
  ny: number;
  /** Also profile one of our points: the kernels that take the time. */
  profile?: boolean;
}

/** The paper's CIFAR-sized ResNet-`depth` (width 16, 32×32×3) as a preset, for nets/resnet. */
const paperPreset = (depth: number): ModelPreset => ({
  ...modelPreset(`resnet-${depth}`),
  name: `resnet-${depth}-w16-cifar`,
  width: 16,
  inputSize: 32,
  inChannels: 3,
});

/** `n` seeded standard-normal 32×32×3 images with labels 0…9 in turn: timing needs no real data. */
const randomImages = (n: number) => async (): Promise<Batch> => ({
  x: tf.randomNormal([n, 32, 32, 3], 0, 1, 'float32', 7),
  y: tf.tensor1d(
    Array.from({ length: n }, (_, i) => i % 10),
    'int32',
  ),
});

export const CASES: SliceCase[] = [
  {
    key: 'shipped',
    describe: 'shipped resnet-20 (width 8, 7×7×1), trained weights, 1000 Fashion-MNIST test images',
    preset: modelPreset('resnet-20'),
    weights: SHIPPED_WEIGHTS,
    data: async () => (await loadLandscapeData(modelPreset('resnet-20'), 1000, 1000)).batches[0],
    nx: 3,
    ny: 8,
  },
  {
    key: 'paper20',
    describe: 'ResNet-20 width 16, 32×32×3, init weights (seed 0), 256 seeded random images',
    preset: paperPreset(20),
    weights: 'init',
    data: randomImages(256),
    nx: 1,
    ny: 6,
    profile: true,
  },
  {
    key: 'paper56',
    describe: 'ResNet-56 width 16, 32×32×3, init weights (seed 0), 256 seeded random images',
    preset: paperPreset(56),
    weights: 'init',
    data: randomImages(256),
    nx: 1,
    ny: 4,
  },
];

export type TorchMode = 'eager' | 'fused' | 'eager-cl' | 'fused-cl';
export const MODES: readonly TorchMode[] = ['eager', 'fused', 'eager-cl', 'fused-cl'];

/** bench/pytorch/resnet_slice.py as a line-protocol child. */
export interface Torch {
  /** Load a case (see `writeCase`): torch's thread count and version. */
  load(manifest: string): Promise<{ threads: number; version: string }>;
  /** Wall and process CPU seconds for all the points together, and each point's loss. */
  points(
    mode: TorchMode,
    pts: readonly [number, number][],
  ): Promise<{ time: Clock; losses: number[] }>;
  /** torch.profiler of one point: its top ops and their shares of the time. */
  profile(mode: TorchMode, pt: [number, number]): Promise<string>;
  close(): void;
}

/** Why PyTorch cannot run here, or null when it can. */
export function torchMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import torch, torch.fx'], { encoding: 'utf8' });
  return probe.status === 0
    ? null
    : `no PyTorch here (${PYTHON} -c 'import torch, torch.fx' failed)`;
}

/** The PyTorch side, or the reason there is none. */
export function startTorch(): Torch | string {
  const missing = torchMissing();
  if (missing) return missing;
  const child = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  // Writing to a child that has died (its traceback is on stderr) must not crash the bench: the
  // next read reports the end instead.
  child.stdin.on('error', () => {});
  const ask = async (cmd: string) => {
    child.stdin.write(cmd + '\n');
    const { value, done } = await lines.next();
    if (done) throw new Error(`the PyTorch slice process ended after '${cmd.slice(0, 40)}…'`);
    return (value as string).split(' ');
  };
  return {
    load: async (manifest) => {
      const [, threads, version] = await ask(`load ${manifest}`);
      return { threads: Number(threads), version };
    },
    points: async (mode, pts) => {
      const [wall, cpu, ...losses] = (
        await ask(`points ${mode} ${pts.map((p) => p.join(',')).join(' ')}`)
      ).map(Number);
      return { time: { wall, cpu }, losses };
    },
    profile: async (mode, pt) =>
      (await ask(`profile ${mode} ${pt.join(',')}`))
        .map((op) => op.replace(/:(\d+%)$/, ' $1'))
        .join(', '),
    close: () => child.stdin.end('quit\n'),
  };
}

/** What both sides evaluate: the net, its point w (with BN statistics), two directions, one batch. */
export interface SliceInputs {
  preset: ModelPreset;
  params: tf.Tensor[];
  buffers: tf.Tensor[];
  dx: tf.Tensor[];
  dy: tf.Tensor[];
  batch: Batch;
}

/**
 * Write `inputs` for resnet_slice.py's `load` into `dir` (manifest.json + tensors.bin, torch
 * layouts: weights as stored, images NCHW) and return the manifest's path.
 */
export function writeCase(dir: string, inputs: SliceInputs, threads: number): string {
  const { preset, params, buffers, dx, dy, batch } = inputs;
  const net = buildFastEvalModel(preset);
  const tensors: { group: string; name: string; shape: number[] }[] = [];
  const values: Float32Array[] = [];
  const put = (group: string, name: string, t: tf.Tensor) => {
    tensors.push({ group, name, shape: [...t.shape] });
    values.push(Float32Array.from(t.dataSync()));
  };
  for (const e of stateDictOrder(net))
    put('state', e.name, e.kind === 'param' ? params[e.index] : buffers[e.index]);
  net.params.forEach((p, i) => put('dx', p.name, dx[i]));
  net.params.forEach((p, i) => put('dy', p.name, dy[i]));
  const nchw = tf.transpose(batch.x, [0, 3, 1, 2]);
  put('x', 'x', nchw);
  nchw.dispose();
  put('y', 'y', batch.y);
  const bin = path.join(dir, 'tensors.bin');
  const all = new Float32Array(values.reduce((n, v) => n + v.length, 0));
  values.reduce((off, v) => (all.set(v, off), off + v.length), 0);
  writeFileSync(bin, new Uint8Array(all.buffer));
  const manifest = path.join(dir, 'manifest.json');
  const config = {
    depth: preset.depth,
    shortcut: preset.shortcut ? 1 : 0,
    width: preset.width,
    k: preset.k,
    channels: preset.inChannels ?? 1,
    classes: preset.numClasses,
  };
  writeFileSync(manifest, JSON.stringify({ config, threads, bin, tensors }));
  return manifest;
}

/** Weights, directions (the CLI's defaults, seed 0) and data of a case (caller disposes). */
export async function caseInputs(c: SliceCase): Promise<SliceInputs> {
  const net = buildFastEvalModel(c.preset);
  const { params, buffers } = await loadModelWeights(net, c.weights, 0);
  const dirs = randomDirections(params, { seed: 0 });
  return { preset: c.preset, params, buffers, dx: dirs.x, dy: dirs.y, batch: await c.data() };
}

export const disposeInputs = (s: SliceInputs): void =>
  tf.dispose([...s.params, ...s.buffers, ...s.dx, ...s.dy, s.batch.x, s.batch.y]);

/** Our slice of `inputs` over [−1, 1]² with `nx` × `ny` points. */
export const sliceSpec = (s: SliceInputs, nx: number, ny: number): SliceSpec => ({
  net: buildFastEvalModel(s.preset),
  params: s.params,
  buffers: s.buffers,
  dx: s.dx,
  dy: s.dy,
  batches: [s.batch],
  x: { min: -1, max: 1, num: nx },
  y: { min: -1, max: 1, num: ny },
});

/** |a − b| / |b|, largest over the points, and where. */
export function worstDisagreement(
  pts: readonly [number, number][],
  ours: readonly number[],
  theirs: readonly number[],
): { rel: number; at: [number, number]; ours: number; theirs: number } {
  let worst = { rel: -1, at: pts[0], ours: NaN, theirs: NaN };
  pts.forEach((at, i) => {
    const rel = Math.abs(ours[i] - theirs[i]) / Math.abs(theirs[i]);
    // NaN on either side counts as the worst disagreement.
    if (!(rel <= worst.rel))
      worst = { rel: Number.isNaN(rel) ? Infinity : rel, at, ours: ours[i], theirs: theirs[i] };
  });
  return worst;
}

/** Throws naming the point where the two differ by more than AGREE; else the largest difference. */
export function checkAgreement(
  what: string,
  pts: readonly [number, number][],
  ours: readonly number[],
  theirs: readonly number[],
): number {
  const w = worstDisagreement(pts, ours, theirs);
  if (w.rel > AGREE)
    throw new Error(
      `${what}: ours and PyTorch disagree at (α, β) = (${w.at.join(', ')}): loss ${w.ours} vs ` +
        `${w.theirs} (relative ${w.rel.toPrecision(2)} > ${AGREE}); no speed figure for two different computations`,
    );
  return w.rel;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r3 = (x: number) => Number(x.toPrecision(3));

/** One case: warm-up and agreement at the corners, then the interleaved grid. */
async function runCase(c: SliceCase, torch: Torch, dir: string, threads: number) {
  const inputs = await caseInputs(c);
  try {
    const loaded = await torch.load(writeCase(dir, inputs, threads));
    // Warm-up (operators created, memory grown) on the four corners, the points furthest from
    // the centre; every torch mode must agree with ours there before anything is timed.
    const corners = await computeSlice(sliceSpec(inputs, 2, 2));
    const at = (i: number): [number, number] => [
      corners.xcoordinates[i % 2],
      corners.ycoordinates![Math.floor(i / 2)],
    ];
    let maxRel = 0;
    const agree = (what: string, pts: [number, number][], mine: number[], theirs: number[]) =>
      (maxRel = Math.max(maxRel, checkAgreement(what, pts, mine, theirs)));
    // Round 0: the diagonal corners (warm-up). Then each mode is timed on one other corner,
    // twice, in opposite orders, and keeps its faster time (this VM's load comes in bursts).
    const modeTime = new Map<TorchMode, number>(MODES.map((m) => [m, Infinity]));
    const rounds: [number[], readonly TorchMode[]][] = [
      [[0, 3], MODES],
      [[1], MODES],
      [[2], [...MODES].reverse()],
    ];
    for (const [round, [idx, modes]] of rounds.entries())
      for (const mode of modes) {
        const r = await torch.points(mode, idx.map(at));
        agree(
          `${c.key} (torch ${mode})`,
          idx.map(at),
          idx.map((i) => corners.loss[i]),
          r.losses,
        );
        if (round > 0) modeTime.set(mode, Math.min(modeTime.get(mode)!, r.time.cpu));
      }
    const mode = MODES.reduce((a, b) => (modeTime.get(b)! < modeTime.get(a)! ? b : a));

    // Per row: our time and torch's per point, on the wall clock and in process CPU time.
    const rowsTimed: { ours: Clock; theirs: Clock; n: number }[] = [];
    const rows = sliceRows(sliceSpec(inputs, c.nx, c.ny));
    let t0 = clock();
    for await (const row of rows) {
      const mine = since(t0);
      const pts = row.points.map((p): [number, number] => [p.alpha, p.beta]);
      const r = await torch.points(mode, pts);
      agree(
        c.key,
        pts,
        row.points.map((p) => p.loss),
        r.losses,
      );
      rowsTimed.push({ ours: mine, theirs: r.time, n: pts.length });
      t0 = clock();
    }
    const points = rowsTimed.reduce((n, r) => n + r.n, 0);
    const total = (side: 'ours' | 'theirs', key: keyof Clock) =>
      rowsTimed.reduce((t, r) => t + r[side][key], 0);
    const ratio = (key: keyof Clock) =>
      r3(median(rowsTimed.map((r) => r.ours[key] / r.theirs[key])));
    const k = `landscape_${c.key}`;
    const flopsPerPoint = forwardFlops(c.preset) * inputs.batch.y.shape[0];
    return {
      [`${k}_case`]: c.describe,
      [`${k}_mflop_per_image`]: r3(forwardFlops(c.preset) / 1e6),
      [`${k}_points_timed`]: points,
      [`${k}_ours_ms_per_point`]: r3((total('ours', 'wall') / points) * 1000),
      [`${k}_pytorch_ms_per_point`]: r3((total('theirs', 'wall') / points) * 1000),
      [`${k}_ours_gflops`]: r3((flopsPerPoint * points) / total('ours', 'wall') / 1e9),
      [`${k}_pytorch_gflops`]: r3((flopsPerPoint * points) / total('theirs', 'wall') / 1e9),
      [`${k}_vs_pytorch`]: ratio('wall'),
      [`${k}_vs_pytorch_total`]: r3(total('ours', 'wall') / total('theirs', 'wall')),
      // Process CPU time leaves out the time either process waited for a core on this shared VM.
      [`${k}_ours_cpu_ms_per_point`]: r3((total('ours', 'cpu') / points) * 1000),
      [`${k}_pytorch_cpu_ms_per_point`]: r3((total('theirs', 'cpu') / points) * 1000),
      [`${k}_vs_pytorch_cpu`]: ratio('cpu'),
      [`${k}_pytorch_mode`]: mode,
      [`${k}_pytorch_cpu_ms_per_point_by_mode`]: MODES.map(
        (m) => `${m} ${r3(modeTime.get(m)! * 1000)}`,
      ).join(', '),
      [`${k}_max_rel_loss_difference`]: Number(maxRel.toPrecision(2)),
      ...(c.profile
        ? {
            [`${k}_ours_kernels`]: await kernelShares(inputs),
            [`${k}_pytorch_ops`]: await torch.profile(mode, [0, 0]),
          }
        : {}),
      torch: loaded,
    };
  } finally {
    disposeInputs(inputs);
  }
}

/**
 * Our kernels' shares of a one-point slice's time (tf.profile; the once-per-slice fold included),
 * the largest first.
 */
async function kernelShares(inputs: SliceInputs): Promise<string> {
  const info = await tf.profile(async () => {
    await computeSlice(sliceSpec(inputs, 1, 1));
    return [];
  });
  const byName = new Map<string, { ms: number; calls: number }>();
  // A fused op is listed twice, as its op scope (`fusedConv2d__op`) and as its kernel.
  for (const k of info.kernels.filter((k) => !k.name.endsWith('__op'))) {
    const e = byName.get(k.name) ?? { ms: 0, calls: 0 };
    e.ms += Number(k.kernelTimeMs);
    e.calls++;
    byName.set(k.name, e);
  }
  const total = [...byName.values()].reduce((n, e) => n + e.ms, 0);
  return [...byName.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 4)
    .map(([name, e]) => `${name} ×${e.calls} ${Math.round((100 * e.ms) / total)}%`)
    .join(', ');
}

/**
 * Every case in turn (one PyTorch process loads each), torch with tfjs-wasm's thread count.
 * Without /usr/bin/python3 + torch the figure says why it is missing.
 */
export async function benchLandscapeVsPytorch(
  cases: readonly SliceCase[] = CASES,
): Promise<Record<string, number | string>> {
  const backend = await initBackend(['wasm']);
  if (backend !== 'wasm')
    throw new Error(`landscape-pytorch bench: wasm backend unavailable (got ${backend})`);
  const torch = startTorch();
  if (typeof torch === 'string') return { landscape_vs_pytorch: torch };
  const threads = getThreadsCount();
  const dir = mkdtempSync(path.join(tmpdir(), 'landscape-vs-pytorch-'));
  const figures: Record<string, number | string> = {
    landscape_vs_pytorch_method:
      'median over grid rows of (our s/point ÷ PyTorch s/point), rows interleaved A, B, A, B; wall clock (and process CPU time: *_cpu)',
    landscape_vs_pytorch_threads: threads,
  };
  try {
    for (const c of cases) {
      const { torch: loaded, ...f } = await runCase(c, torch, dir, threads);
      Object.assign(figures, f);
      figures.landscape_vs_pytorch_torch = `${loaded.version}, ${loaded.threads} thread(s)`;
    }
    if (figures.landscape_shipped_vs_pytorch !== undefined)
      figures.landscape_vs_pytorch = figures.landscape_shipped_vs_pytorch;
    return figures;
  } finally {
    torch.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
