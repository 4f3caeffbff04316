/**
 * Random directions in weight space for loss-landscape plots, ported from
 * tomgoldstein/loss-landscape `net_plotter.py` (Li et al. 2018).
 *
 * For each parameter w with direction d (`normalize_directions_for_weights`):
 * - dim(w) ≤ 1 (biases, BN γ and β): d ← 0 if ignore = 'biasbn', else d ← copy of w;
 * - otherwise, by `norm`:
 *   filter: for every filter i (index along dim 0: conv output channel, linear row)
 *           dᵢ ← dᵢ · ‖wᵢ‖ / (‖dᵢ‖ + 1e-10)   (Frobenius norms)
 *   layer:  d ← d · ‖w‖ / ‖d‖
 *   none:   d unchanged.
 * Every function returns new tensors owned by the caller.
 */
import * as tf from '@tensorflow/tfjs';
import { paramSeed } from '../nets/params';

export type DirectionNorm = 'filter' | 'layer' | 'none';
export type DirectionIgnore = 'biasbn' | 'none';

export interface DirectionOptions {
  /** Default 'filter' (the paper's recommendation). */
  norm?: DirectionNorm;
  /** Default 'biasbn' (zero out biases and BN parameters). */
  ignore?: DirectionIgnore;
}

/** Scale one parameter's direction to its weights (see the module comment). */
function normalizeOne(
  d: tf.Tensor,
  w: tf.Tensor,
  norm: DirectionNorm,
  ignore: DirectionIgnore,
): tf.Tensor {
  if (w.rank <= 1) return ignore === 'biasbn' ? tf.zerosLike(w) : tf.clone(w);
  if (norm === 'none') return tf.clone(d);
  if (norm === 'layer') return tf.mul(d, tf.div(tf.norm(w), tf.norm(d)));
  const rows = (t: tf.Tensor) => tf.reshape(t, [t.shape[0], -1]);
  const scale = tf.div(
    tf.norm(rows(w), 'euclidean', 1),
    tf.add(tf.norm(rows(d), 'euclidean', 1), 1e-10),
  );
  return tf.reshape(tf.mul(rows(d), tf.expandDims(scale, 1)), d.shape);
}

/** Normalise a raw direction (one tensor per parameter, same shapes as `weights`). */
export function normalizeDirection(
  raw: readonly tf.Tensor[],
  weights: readonly tf.Tensor[],
  opts: DirectionOptions = {},
): tf.Tensor[] {
  const { norm = 'filter', ignore = 'biasbn' } = opts;
  if (raw.length !== weights.length)
    throw new Error(`direction has ${raw.length} tensors for ${weights.length} weights`);
  return raw.map((d, i) => {
    if (!tf.util.arraysEqual(d.shape, weights[i].shape)) {
      throw new Error(
        `direction ${i}: shape [${d.shape}] differs from weights [${weights[i].shape}]`,
      );
    }
    return tf.tidy(() => normalizeOne(d, weights[i], norm, ignore));
  });
}

/** ⟨a, b⟩ over all parameters, in float32 on the backend. */
export function dot(a: readonly tf.Tensor[], b: readonly tf.Tensor[]): number {
  return tf.tidy(() => tf.addN(a.map((t, i) => tf.sum(tf.mul(t, b[i])))).dataSync()[0]);
}

/** cos∠(a, b) = ⟨a, b⟩ / (‖a‖‖b‖) over the concatenated parameter vector. */
export function cosineSimilarity(a: readonly tf.Tensor[], b: readonly tf.Tensor[]): number {
  return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
}

/** y − (⟨y, x⟩ / ⟨x, x⟩)·x: y made orthogonal to x (Gram–Schmidt over all parameters). */
export function orthogonalize(y: readonly tf.Tensor[], x: readonly tf.Tensor[]): tf.Tensor[] {
  const c = dot(y, x) / dot(x, x);
  return y.map((t, i) => tf.tidy(() => tf.sub(t, tf.mul(x[i], c))));
}

export interface RandomDirectionsOptions extends DirectionOptions {
  seed?: number;
  /** Make y orthogonal to x after normalising (off by default, as upstream; it then
   * no longer has exactly the filter norms of w). */
  orthogonal?: boolean;
}

/**
 * x and y: N(0, 1) entries per parameter (`get_random_weights`), seeded, then normalised.
 * x draws parameter i from paramSeed(seed, i), y from paramSeed(seed, n + i).
 */
export function randomDirections(
  weights: readonly tf.Tensor[],
  opts: RandomDirectionsOptions = {},
): { x: tf.Tensor[]; y: tf.Tensor[] } {
  const { seed = 0, orthogonal = false } = opts;
  const n = weights.length;
  const draw = (offset: number) => {
    const raw = weights.map((w, i) =>
      tf.randomNormal(w.shape, 0, 1, 'float32', paramSeed(seed, offset + i)),
    );
    const d = normalizeDirection(raw, weights, opts);
    tf.dispose(raw);
    return d;
  };
  const x = draw(0);
  let y = draw(n);
  if (orthogonal) {
    const o = orthogonalize(y, x);
    tf.dispose(y);
    y = o;
  }
  return { x, y };
}
