/**
 * The plane of a training trajectory (Li et al. 2018 §7, loss-landscape `projection.py`):
 * the top-2 principal directions of the checkpoint differences dᵢ = wᵢ − w_final, the
 * coordinates of each checkpoint in that plane, and how far each lies off it.
 *
 * Why the Gram matrix: with n checkpoints of P parameters (n ≈ 10–200, P ≈ 10⁴–10⁶) the
 * P×P covariance CᵀC cannot even be stored, but its non-zero eigenvalues are those of the
 * n×n Gram matrix CCᵀ, and an eigenvector u of CCᵀ maps to vᵏ = Cᵀu/‖Cᵀu‖. So one matMul on
 * the device (O(n²P)) and a float64 Jacobi eigensolve of an n×n matrix replace an SVD.
 *
 *   C = D − 1·μᵀ  (rows centred, `center: true`, as upstream's sklearn PCA; else C = D)
 *   λₖ, uₖ: eigenpairs of CCᵀ;  vₖ = Cᵀuₖ/‖Cᵀuₖ‖  (v₂ re-orthogonalised against v₁)
 *   explained variance ratio rₖ = λₖ / tr(CCᵀ)            (r₁ + r₂ ≤ 1)
 *   coordinates (xᵢ, yᵢ) = (dᵢ·v₁, dᵢ·v₂)                  (upstream `project_trajectory`:
 *                                                            the plane passes through w_final)
 *   residual ρᵢ = ‖dᵢ − xᵢv₁ − yᵢv₂‖, relative ρᵢ/‖dᵢ‖ (0 for dᵢ = 0)
 * Signs: each vₖ is flipped so the first checkpoint (the start of training) has coordinate
 * ≥ 0, making the result deterministic.
 */
import * as tf from '@tensorflow/tfjs';
import { symmetricEigen } from './symmetricEigen';

export interface TrajectoryPcaOptions {
  /** w_final; default the last checkpoint. */
  final?: Float32Array;
  /** Centre the differences before PCA (default true, as sklearn's PCA in upstream). */
  center?: boolean;
  /** Zero the entries of parameters with rank ≤ 1 (biases, BN), as upstream `--ignore biasbn`. */
  ignoreBiasBn?: boolean;
}

export interface TrajectoryPca {
  /** [v₁, v₂], each one tensor per parameter in the given shapes (caller disposes). */
  directions: [tf.Tensor[], tf.Tensor[]];
  /** λ₁, λ₂ (eigenvalues of CCᵀ; divide by n − 1 for sklearn's explained_variance_). */
  eigenvalues: [number, number];
  explainedVarianceRatio: [number, number];
  /** Per checkpoint. */
  x: Float64Array;
  y: Float64Array;
  residual: Float64Array;
  relativeResidual: Float64Array;
}

/** Checkpoints per residual batch: bounds the n × P temporary to a few rows. */
const RESIDUAL_ROWS = 2;

export function trajectoryPca(
  checkpoints: readonly Float32Array[],
  shapes: readonly (readonly number[])[],
  opts: TrajectoryPcaOptions = {},
): TrajectoryPca {
  const n = checkpoints.length;
  const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
  const p = sizes.reduce((a, b) => a + b, 0);
  if (n < 3) throw new Error(`trajectoryPca: need at least 3 checkpoints, got ${n}`);
  checkpoints.forEach((c, i) => {
    if (c.length !== p)
      throw new Error(
        `trajectoryPca: checkpoint ${i} has ${c.length} values, the shapes hold ${p}`,
      );
  });
  const final = opts.final ?? checkpoints[n - 1];
  const center = opts.center ?? true;

  // D is built on the host and uploaded once. A wide net's 41 checkpoints are 0.6 GB; stacking
  // per-checkpoint tensors, then subtracting and masking, held four copies in the WASM heap at
  // once and overran its 4 GB (WRN-56-4-NS's PCA slice).
  const keep = shapes.map((s) => !(opts.ignoreBiasBn && s.length <= 1));
  const host = new Float32Array(n * p);
  checkpoints.forEach((c, i) => {
    let off = 0;
    sizes.forEach((size, j) => {
      if (keep[j]) for (let k = off; k < off + size; k++) host[i * p + k] = c[k] - final[k];
      off += size;
    });
  });
  const d = tf.tensor2d(host, [n, p]);
  const gramT = tf.matMul(d, d, false, true);
  const gram = gramT.dataSync();
  gramT.dispose();
  // Centring in n×n: CCᵀ = H·DDᵀ·H with H = I − 11ᵀ/n.
  const g = center ? centerGram(Float64Array.from(gram), n) : Float64Array.from(gram);
  const eig = symmetricEigen(g, n);
  let trace = 0;
  for (let i = 0; i < n; i++) trace += g[i * n + i];

  const out = tf.tidy(() => {
    const u = tf.tensor2d(Float32Array.from([...eig.vectors[0], ...eig.vectors[1]]), [2, n]);
    // Rows Cᵀu₁, Cᵀu₂ without forming C = D − 1μᵀ (another n × P): uC = uD − (u·1)μᵀ.
    let raw = tf.matMul(u, d) as tf.Tensor2D; // [2, P]
    if (center) raw = tf.sub(raw, tf.mul(tf.sum(u, 1, true), tf.mean(d, 0, true)));
    const v1 = tf.div(raw.slice(0, 1), tf.norm(raw.slice(0, 1)));
    const r2 = raw.slice(1, 1);
    const o2 = tf.sub(r2, tf.mul(tf.sum(tf.mul(r2, v1)), v1));
    const v = tf.concat([v1, tf.div(o2, tf.norm(o2))]) as tf.Tensor2D;
    const coords = tf.matMul(d, v, false, true); // [n, 2]
    return { v, coords };
  });
  // ρᵢ a few rows at a time: D − coords·V is n × P too.
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i += RESIDUAL_ROWS) {
    const k = Math.min(RESIDUAL_ROWS, n - i);
    const r = tf.tidy(() => {
      const diff = tf.sub(
        d.slice([i, 0], [k, p]),
        tf.matMul(out.coords.slice([i, 0], [k, 2]), out.v),
      );
      return tf.sqrt(tf.sum(tf.square(diff), 1));
    });
    residual.set(r.dataSync(), i);
    r.dispose();
  }
  const coords = out.coords.dataSync();
  const flip = [coords[0] < 0 ? -1 : 1, coords[1] < 0 ? -1 : 1];
  const x = Float64Array.from({ length: n }, (_, i) => flip[0] * coords[2 * i]);
  const y = Float64Array.from({ length: n }, (_, i) => flip[1] * coords[2 * i + 1]);
  // ‖dᵢ‖ from DDᵀ's diagonal: tf.norm of D would make |D| and |D|² (two more n × P).
  const dn = Float64Array.from({ length: n }, (_, i) => Math.sqrt(Math.max(gram[i * n + i], 0)));
  const relativeResidual = residual.map((r, i) => (dn[i] > 0 ? r / dn[i] : 0));
  const directions = [0, 1].map((k) =>
    tf.tidy(() => {
      const row = tf.mul(out.v.slice(k, 1).reshape([p]), flip[k]);
      return tf.split(row, sizes).map((t, i) => t.reshape([...shapes[i]]));
    }),
  ) as [tf.Tensor[], tf.Tensor[]];
  tf.dispose([d, out.v, out.coords]);
  const lam: [number, number] = [Math.max(eig.values[0], 0), Math.max(eig.values[1], 0)];
  return {
    directions,
    eigenvalues: lam,
    explainedVarianceRatio: [lam[0] / trace, lam[1] / trace],
    x,
    y,
    residual,
    relativeResidual,
  };
}

/** H·G·H for H = I − 11ᵀ/n: subtract row and column means, add back the grand mean. */
function centerGram(g: Float64Array, n: number): Float64Array {
  const row = new Float64Array(n);
  let all = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      row[i] += g[i * n + j] / n;
      all += g[i * n + j] / (n * n);
    }
  return g.map((x, k) => x - row[Math.floor(k / n)] - row[k % n] + all);
}
