/**
 * Small dense linear algebra on a 2-vector, for the optimizers whose rule needs the whole 2×2
 * matrix structure of the parameter (x, y): full-matrix AdaGrad, Shampoo and SOAP. run() hands
 * it to a step as `ctx.dense` on the 2-D surfaces; networks have no such helper, so these
 * optimizers say so (`curvature: 'dense-2x2'`) and are refused there by name.
 *
 * Storage (all Float64Array): a symmetric matrix S as [s00, s01, s11] (the Hessian's layout);
 * a general 2×2 matrix M column-major, [m00, m10, m01, m11], so its columns are M[0..1] and
 * M[2..3] (an orthogonal basis Q keeps its basis vectors as columns, as torch's eigh/qr do).
 *
 * The eigendecomposition is one Jacobi rotation with the stable tangent formula (`jacobi`, which
 * `sym2.ts` uses for saddle-free Newton too): a diagonal S gives the axes exactly, and
 * eigenvectors are orthonormal to rounding.
 */
import type { Dense2 } from './optimizers/optimizerSpec';

type V = Float64Array;

/** Eigen-pairs of [[a, b], [b, c]]: λ₀ with (cs, −sn), λ₁ with (sn, cs). */
export function jacobi(a: number, b: number, c: number): [number, number, number, number] {
  if (b === 0) return [1, 0, a, c];
  const zeta = (c - a) / (2 * b);
  const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
  const cs = 1 / Math.sqrt(1 + t * t);
  return [cs, t * cs, a - t * b, c + t * b];
}

/**
 * Q with the eigenvectors of S as columns, largest eigenvalue first (torch.linalg.eigh's
 * ascending order flipped, as SOAP's get_orthogonal_matrix does), and the eigenvalues.
 */
function eig(S: V): { Q: V; values: [number, number] } {
  const [cs, sn, l0, l1] = jacobi(S[0], S[1], S[2]);
  return l0 >= l1
    ? { Q: Float64Array.of(cs, -sn, sn, cs), values: [l0, l1] }
    : { Q: Float64Array.of(sn, cs, cs, -sn), values: [l1, l0] };
}

/** Qᵀv: v's coordinates in the basis of Q's columns. */
const project = (Q: V, v: V): V =>
  Float64Array.of(Q[0] * v[0] + Q[1] * v[1], Q[2] * v[0] + Q[3] * v[1]);
/** Qw: back from the basis to (x, y). */
const projectBack = (Q: V, w: V): V =>
  Float64Array.of(Q[0] * w[0] + Q[2] * w[1], Q[1] * w[0] + Q[3] * w[1]);

export const dense2: Dense2<V> = {
  outer: (v) => Float64Array.of(v[0] * v[0], v[0] * v[1], v[1] * v[1]),
  symFn(S, f, v) {
    const { Q, values } = eig(S);
    const w = project(Q, v);
    return projectBack(Q, Float64Array.of(f(values[0]) * w[0], f(values[1]) * w[1]));
  },
  eigvecs: (S) => eig(S).Q,
  project,
  projectBack,
  sortColumns(S, Q, v) {
    // Rayleigh quotients qᵢᵀSqᵢ (SOAP's est_eig = diag(QᵀSQ)); largest first, v's entries alike.
    const r = (i: number) => {
      const x = Q[2 * i],
        y = Q[2 * i + 1];
      return S[0] * x * x + 2 * S[1] * x * y + S[2] * y * y;
    };
    if (r(0) >= r(1)) return { Q, v };
    return { Q: Float64Array.of(Q[2], Q[3], Q[0], Q[1]), v: Float64Array.of(v[1], v[0]) };
  },
  powerQR(S, Q) {
    // M = SQ, then M's Q factor by Gram–Schmidt: q₀ = m₀/‖m₀‖, q₁ ⟂ q₀ on m₁'s side. In two
    // dimensions q₁ is ±(−q₀ᵧ, q₀ₓ); signs are arbitrary (as torch.linalg.qr's), and an
    // update that projects in and back with the same basis does not see them.
    const m00 = S[0] * Q[0] + S[1] * Q[1],
      m10 = S[1] * Q[0] + S[2] * Q[1],
      m01 = S[0] * Q[2] + S[1] * Q[3],
      m11 = S[1] * Q[2] + S[2] * Q[3];
    const n = Math.hypot(m00, m10);
    const q0 = m00 / n,
      q1 = m10 / n;
    const s = -q1 * m01 + q0 * m11 >= 0 ? 1 : -1;
    return Float64Array.of(q0, q1, -s * q1, s * q0);
  },
};
