/**
 * (H + δI)⁻¹v for a symmetric 2×2 H = [[a, b], [b, c]], or (|H| + δI)⁻¹v with |H| = Q|Λ|Qᵀ:
 * the solves Newton and saddle-free Newton take on a 2-D surface. Writes into `out`.
 *
 * The eigendecomposition is dense2's one Jacobi rotation (the stable tangent formula), so a
 * diagonal H (b = 0) gives axis-aligned eigenvectors exactly. The plain solve uses Cramer's rule instead:
 * fewer roundings than going through the eigenvectors. A singular system gives ±∞ or NaN,
 * which the run reports as divergence, as torch.linalg.solve's inf would.
 */
import { jacobi } from './dense2';

export function solveSym2(
  a: number,
  b: number,
  c: number,
  v0: number,
  v1: number,
  damping: number,
  abs: boolean,
  out: Float64Array,
): void {
  if (!abs) {
    const p = a + damping,
      q = c + damping,
      det = p * q - b * b;
    out[0] = (q * v0 - b * v1) / det;
    out[1] = (p * v1 - b * v0) / det;
    return;
  }
  const [cs, sn, l0, l1] = jacobi(a, b, c);
  // Eigenvectors q0 = (cs, −sn), q1 = (sn, cs); x = Σ qᵢ (qᵢ·v) / (|λᵢ| + δ).
  const w0 = (cs * v0 - sn * v1) / (Math.abs(l0) + damping);
  const w1 = (sn * v0 + cs * v1) / (Math.abs(l1) + damping);
  out[0] = cs * w0 + sn * w1;
  out[1] = -sn * w0 + cs * w1;
}
