/**
 * The k algebraically largest Hessian eigenpairs by the Lanczos method, from Hessian-vector
 * products only — for when power iteration (topEigen.ts) is too slow: its error shrinks like
 * |λ₂/λ₁|ᵗ, and the top eigenvalues of a trained net's Hessian are often close (ResNet-20 here:
 * 30 products leave λ₁ unconverged and the deflated v₂ at cos 0.39 to v₁), while Lanczos
 * converges at a rate set by the gap relative to the whole spectrum's spread (Chebyshev), and
 * finds λ₁ and λ₂ from one Krylov space.
 *
 *   q₁ ~ N(0, I) (seeded per parameter like topEigen), normalised;  for j = 1, 2, …:
 *     w = H·qⱼ;  αⱼ = qⱼ·w;  w ← w − Σᵢ≤ⱼ (qᵢ·w) qᵢ  (full reorthogonalisation, twice);
 *     βⱼ = ‖w‖;  qⱼ₊₁ = w / βⱼ
 *   T = tridiag(β, α, β) (m × m) = Sθ Sᵀ (Jacobi);  Ritz pair r: θᵣ, xᵣ = Σᵢ Sᵢᵣ qᵢ;
 *   residual ‖H xᵣ − θᵣ xᵣ‖ = βₘ |Sₘᵣ|;  pair r is converged when that is ≤ tol·|θᵣ|.
 * Stops when the top k pairs are converged, after maxIter products, or when βⱼ ≈ 0 (an
 * invariant subspace: the Ritz pairs are then exact). The Krylov vectors live on the host in
 * float64 (one read of H·q per step), so reorthogonalisation costs no device memory and loses no
 * precision; m·n doubles are kept (30 × 68k for ResNet-20: 16 MB).
 *
 * Unlike topEigen (largest |λ|), the result is ordered by value, largest first: λ₁ is λ_max, the
 * sharpness, even where negative curvature is larger in magnitude. Every pair reports the same
 * `iterations` (the products of the shared Krylov space).
 */
import * as tf from '@tensorflow/tfjs';
import { paramSeed } from '../nets/params';
import { symmetricEigen } from '../projection/symmetricEigen';
import type { Hvp } from './hvp';
import type { EigenPair } from './topEigen';

export interface LanczosOptions {
  /** Number of pairs (default 1). */
  k?: number;
  /** Hessian-vector products at most (default 30; at least k). */
  maxIter?: number;
  /** Relative residual ‖Hx − θx‖/|θ| that counts as converged (default 1e-3). */
  tol?: number;
  seed?: number;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

export function topEigenLanczos(
  hvp: Hvp,
  like: readonly tf.Tensor[],
  opts: LanczosOptions = {},
): EigenPair[] {
  const { k = 1, tol = 1e-3, seed = 0 } = opts;
  const sizes = like.map((t) => t.size);
  const n = sizes.reduce((a, b) => a + b, 0);
  const maxIter = Math.max(k, Math.min(opts.maxIter ?? 30, n));
  const toHost = (ts: readonly tf.Tensor[]): Float64Array => {
    const out = new Float64Array(n);
    let off = 0;
    ts.forEach((t, i) => {
      out.set(t.dataSync(), off);
      off += sizes[i];
    });
    return out;
  };
  const toDevice = (v: Float64Array): tf.Tensor[] => {
    let off = 0;
    return like.map((t, i) => {
      const s = tf.tensor(Float32Array.from(v.subarray(off, off + sizes[i])), t.shape);
      off += sizes[i];
      return s;
    });
  };
  const q0 = tf.tidy(() =>
    like.map((p, i) => tf.randomNormal(p.shape, 0, 1, 'float32', paramSeed(seed, i))),
  );
  const first = toHost(q0);
  tf.dispose(q0);
  const n0 = Math.sqrt(dot(first, first));
  first.forEach((x, i) => (first[i] = x / n0));

  const Q: Float64Array[] = [first];
  const alpha: number[] = [];
  const beta: number[] = [];
  let ritz: { values: Float64Array; vectors: Float64Array[] } = {
    values: new Float64Array(0),
    vectors: [],
  };
  let residuals: number[] = [];
  for (let j = 0; j < maxIter; j++) {
    const qj = toDevice(Q[j]);
    const hq = hvp(qj);
    const w = toHost(hq);
    tf.dispose([...qj, ...hq]);
    alpha.push(dot(Q[j], w));
    for (let pass = 0; pass < 2; pass++) {
      for (const q of Q) {
        const c = dot(q, w);
        for (let i = 0; i < n; i++) w[i] -= c * q[i];
      }
    }
    const b = Math.sqrt(dot(w, w));
    beta.push(b);
    const m = j + 1;
    const T = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      T[i * m + i] = alpha[i];
      if (i + 1 < m) T[i * m + i + 1] = T[(i + 1) * m + i] = beta[i];
    }
    ritz = symmetricEigen(T, m); // largest first
    residuals = Array.from({ length: Math.min(k, m) }, (_, r) =>
      Math.abs(b * ritz.vectors[r][m - 1]),
    );
    const invariant = b <= 1e-10 * Math.max(...alpha.map(Math.abs), 1e-30);
    const done = m >= k && residuals.every((res, r) => res <= tol * Math.abs(ritz.values[r]));
    if (invariant || done || m === maxIter) {
      if (invariant) residuals = residuals.map(() => 0);
      break;
    }
    Q.push(w.map((x) => x / b));
  }
  const m = alpha.length;
  return Array.from({ length: Math.min(k, m) }, (_, r) => {
    const x = new Float64Array(n);
    for (let i = 0; i < m; i++) {
      const c = ritz.vectors[r][i];
      const q = Q[i];
      for (let l = 0; l < n; l++) x[l] += c * q[l];
    }
    const norm = Math.sqrt(dot(x, x));
    x.forEach((v, l) => (x[l] = v / norm));
    return {
      value: ritz.values[r],
      vector: toDevice(x),
      iterations: m,
      converged: residuals[r] <= tol * Math.abs(ritz.values[r]),
    };
  });
}
