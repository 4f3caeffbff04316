/**
 * 1D and 2D loss/accuracy slices through weight space (plot_surface.py `crunch`):
 *   L(α, β) = loss(w + α·dx + β·dy),  BN in eval mode, running statistics never moved.
 *
 * Points are evaluated in the flat meshgrid order of grid.ts and delivered row by row (one
 * y value per row) through an async generator, so a caller can show progress, yield to the
 * event loop and cancel with an AbortSignal (checked before every point, with a task-queue turn
 * between points so that a worker reads the Cancel message in time). A `shard` computes only its contiguous part of
 * the flat order; `mergeShards` reassembles the whole grid.
 *
 * Nets with a folded eval path (foldedEval.ts, e.g. the zoo's BN-folded ResNets) fold w, dx and dy
 * once per slice when the directions leave every BN γ alone, so a point costs one axpy over the
 * folded weights plus the forwards; otherwise each point folds its shifted weights once.
 */
import * as tf from '@tensorflow/tfjs';
import type { BnMode, Net } from '../nets/net';
import { type Batch, lossAccSums, lossAccSumsOf, sampleCount } from './evaluate';
import { type FoldedEval, foldedEvalOf } from './foldedEval';
import { type Axis, linspace, type Shard, shardRange } from './grid';
import { macrotask } from '../macrotask';

export interface SliceSpec {
  net: Net;
  /** The centre w, in `net.params` order. */
  params: readonly tf.Tensor[];
  /** BN running statistics used at every point. */
  buffers: readonly tf.Tensor[];
  dx: readonly tf.Tensor[];
  /** Omit (with `y`) for a 1D slice. */
  dy?: readonly tf.Tensor[];
  x: Axis;
  y?: Axis;
  batches: readonly Batch[];
  shard?: Shard;
  signal?: AbortSignal;
  /**
   * BatchNorm at every point: 'eval' (default) normalises with `buffers`, the running statistics;
   * 'train' with each batch's own statistics, for paths whose points no single set of running
   * statistics describes (interpolating between two models). `buffers` are then unused.
   */
  bn?: BnMode;
}

export interface SlicePoint {
  /** Flat meshgrid index. */
  index: number;
  alpha: number;
  beta: number;
  loss: number;
  /** Percent. */
  acc: number;
}

export interface SliceRow {
  /** y index (0 for 1D slices). */
  row: number;
  points: SlicePoint[];
}

export interface SliceResult {
  xcoordinates: number[];
  /** null for a 1D slice. */
  ycoordinates: number[] | null;
  /** The flat indices [start, end) held here (the whole grid unless sharded). */
  range: [number, number];
  /** loss[k] and acc[k] belong to flat index range[0] + k. */
  loss: Float64Array;
  acc: Float64Array;
}

function checkSpec(s: SliceSpec): void {
  const n = s.params.length;
  if (s.dx.length !== n || (s.dy && s.dy.length !== n))
    throw new Error('slice: directions and params differ in length');
  if (!!s.dy !== !!s.y) throw new Error('slice: give both dy and y for a 2D slice, or neither');
}

/** w + α·dx + β·dy for every parameter (inside the caller's tidy). */
function shifted(s: SliceSpec, alpha: number, beta: number): tf.Tensor[] {
  return s.params.map((w, i) => {
    let p = tf.add(w, tf.mul(s.dx[i], alpha));
    if (s.dy && beta !== 0) p = tf.add(p, tf.mul(s.dy[i], beta));
    return p;
  });
}

/**
 * The folded weights of a `foldedEval` net along this slice, F(α, β) = F(w) + α·F'(dx) + β·F'(dy),
 * as three flat vectors, when the directions leave the net's non-linear parameters (BN γ) at
 * zero (the default `ignore: 'biasbn'`); null otherwise (then every point folds w + α·dx + β·dy).
 * Costs one small read. The caller disposes the vectors.
 *
 * On backends whose tensors live in host memory (wasm, cpu) the three vectors are also read
 * once into `host`, and each point's weights are formed in JS and uploaded as one tensor per
 * layer (~1.5 ms for ResNet-20's 44 tensors): splitting the device vector costs 44 slice kernels,
 * ~10 ms per point on wasm (measured; a tenth of the point). GPUs keep the split on the device.
 */
interface FoldedPlan {
  fe: FoldedEval;
  centre: tf.Tensor;
  ex: tf.Tensor;
  ey: tf.Tensor | null;
  shapes: number[][];
  host: {
    centre: Float32Array;
    ex: Float32Array;
    ey: Float32Array | null;
    scratch: Float32Array | null;
  } | null;
}

function foldedPlan(s: SliceSpec): FoldedPlan | null {
  const fe = foldedEvalOf(s.net);
  if (!fe) return null;
  const dirs = s.dy ? [s.dx, s.dy] : [s.dx];
  if (fe.nonlinearParams.length) {
    const m = tf.tidy(() =>
      tf.max(tf.stack(fe.nonlinearParams.flatMap((i) => dirs.map((d) => tf.max(tf.abs(d[i])))))),
    );
    const v = m.dataSync()[0];
    m.dispose();
    if (v !== 0) return null; // NaN included
  }
  let shapes: number[][] = [];
  const [centre, ex, ey] = tf.tidy(() => {
    const flat = (ts: tf.Tensor[]) => tf.concat(ts.map((t) => tf.reshape(t, [-1])));
    const f0 = fe.fold(s.params, s.buffers);
    shapes = f0.map((t) => [...t.shape]);
    return [flat(f0), ...dirs.map((d) => flat(fe.foldDirection(s.params, s.buffers, d)))];
  });
  const read = (t: tf.Tensor) => t.dataSync() as Float32Array;
  const backend = tf.getBackend();
  // wasm copies uploaded values into its own heap, so one scratch array serves every point; the
  // cpu backend keeps the array it is given, so there each point needs a fresh one.
  const host = ['wasm', 'cpu'].includes(backend)
    ? {
        centre: read(centre),
        ex: read(ex),
        ey: ey ? read(ey) : null,
        scratch: backend === 'wasm' ? new Float32Array(centre.size) : null,
      }
    : null;
  return { fe, centre, ex, ey: ey ?? null, shapes, host };
}

/** The folded weights at (α, β) as one tensor per layer (inside the caller's tidy). */
function foldedAt(
  plan: FoldedPlan,
  sizes: readonly number[],
  alpha: number,
  beta: number,
): tf.Tensor[] {
  if (plan.host) {
    const { centre, ex, ey, scratch } = plan.host;
    const w = scratch ?? new Float32Array(centre.length);
    if (ey && beta !== 0)
      for (let i = 0; i < w.length; i++) w[i] = centre[i] + alpha * ex[i] + beta * ey[i];
    else for (let i = 0; i < w.length; i++) w[i] = centre[i] + alpha * ex[i];
    let off = 0;
    return plan.shapes.map((shape, i) =>
      tf.tensor(w.subarray(off, (off += sizes[i])), shape, 'float32'),
    );
  }
  let v = tf.add(plan.centre, tf.mul(plan.ex, alpha));
  if (plan.ey && beta !== 0) v = tf.add(v, tf.mul(plan.ey, beta));
  return tf.split(v, [...sizes]).map((t, i) => tf.reshape(t, plan.shapes[i]));
}

/** Evaluate this shard's points, yielding each row's points as soon as the row is done. */
export async function* sliceRows(s: SliceSpec): AsyncGenerator<SliceRow> {
  checkSpec(s);
  const xs = linspace(s.x);
  const ys = s.y ? linspace(s.y) : [0];
  const nx = xs.length;
  const [start, end] = shardRange(nx * ys.length, s.shard);
  const n = sampleCount(s.batches);
  const bn = s.bn ?? 'eval';
  // The folded path bakes the running statistics into the weights: eval-mode BN only.
  const plan = start < end && bn === 'eval' ? foldedPlan(s) : null;
  try {
    const sizes = plan?.shapes.map((sh) => sh.reduce((a, b) => a * b, 1));
    const lossAt = (alpha: number, beta: number): tf.Tensor =>
      tf.tidy(() => {
        if (!plan) return lossAccSums(s.net, shifted(s, alpha, beta), s.buffers, s.batches, bn);
        const folded = foldedAt(plan, sizes!, alpha, beta);
        return lossAccSumsOf((x) => plan.fe.forwardFolded(folded, x), s.batches);
      });
    for (let ind = start; ind < end;) {
      s.signal?.throwIfAborted();
      const row = Math.floor(ind / nx);
      const rowEnd = Math.min(end, (row + 1) * nx);
      const sums: tf.Tensor[] = [];
      try {
        for (let k = ind; k < rowEnd; k++) {
          // One task-queue turn per point lets a worker read a Cancel before the next point, not
          // at the end of the row (on WASM/CPU nothing else here yields; see gpu/macrotask.ts).
          if (s.signal && k > ind) await macrotask();
          s.signal?.throwIfAborted();
          sums.push(lossAt(xs[k % nx], ys[row]));
        }
        const stacked = tf.stack(sums);
        const values = await stacked.data();
        stacked.dispose();
        if (s.signal) await macrotask();
        const points = Array.from({ length: rowEnd - ind }, (_, j) => ({
          index: ind + j,
          alpha: xs[(ind + j) % nx],
          beta: ys[row],
          loss: values[2 * j] / n,
          acc: (100 * values[2 * j + 1]) / n,
        }));
        yield { row, points };
      } finally {
        tf.dispose(sums);
      }
      ind = rowEnd;
    }
  } finally {
    if (plan) tf.dispose([plan.centre, plan.ex, ...(plan.ey ? [plan.ey] : [])]);
  }
}

/** Run a whole slice (or one shard of it); `onRow` reports progress as rows finish. */
export async function computeSlice(
  s: SliceSpec,
  onRow?: (row: SliceRow, done: number, total: number) => void,
): Promise<SliceResult> {
  const xs = linspace(s.x);
  const ys = s.y ? linspace(s.y) : null;
  const range = shardRange(xs.length * (ys?.length ?? 1), s.shard);
  const total = range[1] - range[0];
  const loss = new Float64Array(total);
  const acc = new Float64Array(total);
  let done = 0;
  for await (const row of sliceRows(s)) {
    for (const p of row.points) {
      loss[p.index - range[0]] = p.loss;
      acc[p.index - range[0]] = p.acc;
    }
    done += row.points.length;
    onRow?.(row, done, total);
  }
  return { xcoordinates: xs, ycoordinates: ys, range, loss, acc };
}

/** Concatenate shard results of one grid (any order of arrival); throws on gaps or overlaps. */
export function mergeShards(parts: readonly SliceResult[]): SliceResult {
  if (parts.length === 0) throw new Error('mergeShards: no shards');
  const sorted = [...parts].sort((a, b) => a.range[0] - b.range[0]);
  sorted.forEach((p, i) => {
    const expected = i === 0 ? 0 : sorted[i - 1].range[1];
    if (p.range[0] !== expected)
      throw new Error(`mergeShards: shard starting at ${p.range[0]}, expected ${expected}`);
  });
  const cat = (key: 'loss' | 'acc') => Float64Array.from(sorted.flatMap((p) => Array.from(p[key])));
  const last = sorted[sorted.length - 1];
  return { ...sorted[0], range: [0, last.range[1]], loss: cat('loss'), acc: cat('acc') };
}
