import { resolveSurfaceParams } from './surfaceParams';
import type { SurfaceSpec } from './surface';

/** cos and sin of an angle in degrees, exact at multiples of 90° (so φ = 45° gives 2φ = 90°). */
function cosSinDeg(deg: number): [number, number] {
  const r = ((deg % 360) + 360) % 360;
  if (r === 0) return [1, 0];
  if (r === 90) return [0, 1];
  if (r === 180) return [-1, 0];
  if (r === 270) return [0, -1];
  const rad = (r * Math.PI) / 180;
  return [Math.cos(rad), Math.sin(rad)];
}

/**
 * The quadratic bowl of `quadratic.ts` turned by an angle φ:
 *   f = ½ θᵀAθ,  A = R(φ) diag(1, κ) R(φ)ᵀ,  R(φ) = [[cos φ, −sin φ], [sin φ, cos φ]],
 * so the shallow eigenvector (eigenvalue 1) is (cos φ, sin φ) and the steep one (κ) is
 * (−sin φ, cos φ). Written with the double angle,
 *   A = [[a, b], [b, d]],  a = ((1+κ) + (1−κ)cos 2φ)/2,  d = ((1+κ) − (1−κ)cos 2φ)/2,
 *   b = (1−κ) sin 2φ / 2,
 * which is exact at the defaults (κ = 25, φ = 45°: a = d = 13, b = −12), the expression the
 * PyTorch reference evaluates. ∇f = Aθ, H = A, minimum f(0, 0) = 0.
 *
 * What it teaches: diagonal preconditioners (Adagrad, RMSprop, Adam) rescale x and y apart,
 * which fixes an ill-conditioned valley only when it lies along the axes (φ = 0 is `quadratic`).
 * Turned by 45°, every coordinate sees both curvatures, and they zig-zag across the valley;
 * rotation-aware methods (full-matrix AdaGrad, Shampoo, SOAP, Newton) are indifferent to φ.
 */
export const rotatedQuadratic: SurfaceSpec = {
  id: 'rotated_quadratic',
  name: 'Rotated quadratic',
  params: [
    { key: 'kappa', label: 'Condition number κ', default: 25, min: 1, max: 1000, scale: 'log' },
    { key: 'angle', label: 'Angle φ (degrees)', default: 45, min: 0, max: 90, scale: 'linear' },
  ],
  create(params) {
    const { kappa, angle } = resolveSurfaceParams(
      'rotated_quadratic',
      rotatedQuadratic.params,
      params,
    );
    const [c2, s2] = cosSinDeg(2 * angle);
    const a = (1 + kappa + (1 - kappa) * c2) / 2,
      d = (1 + kappa - (1 - kappa) * c2) / 2,
      b = ((1 - kappa) * s2) / 2;
    return {
      id: 'rotated_quadratic',
      name: 'Rotated quadratic',
      tex:
        String.raw`f(\theta) = \tfrac12\,\theta^\top R_\varphi \begin{pmatrix}1 & 0\\ 0 & \kappa\end{pmatrix} R_\varphi^\top \theta,` +
        String.raw`\quad \kappa = ${kappa},\ \varphi = ${angle}^\circ`,
      description:
        'The ill-conditioned bowl turned by φ. Adagrad, RMSprop and Adam scale each coordinate on its own, which helps only when the valley lies along an axis (φ = 0); turned by 45° they zig-zag like plain gradient descent, while rotation-aware methods (full-matrix AdaGrad, Shampoo, SOAP, Newton) do not care about the angle.',
      value: (x, y) => 0.5 * (a * x * x + 2 * b * x * y + d * y * y),
      gradient(x, y, out) {
        out[0] = a * x + b * y;
        out[1] = b * x + d * y;
      },
      field: (A, x, y) => {
        const gx = A.add(A.mul(x, a), A.mul(y, b));
        const gy = A.add(A.mul(x, b), A.mul(y, d));
        // ½θᵀHθ = ½(x·gx + y·gy)
        return { value: A.mul(A.add(A.mul(x, gx), A.mul(y, gy)), 0.5), gx, gy };
      },
      hessian(_x, _y, out) {
        out[0] = a;
        out[1] = b;
        out[2] = d;
      },
      domain: { xmin: -5, xmax: 5, ymin: -5, ymax: 5 },
      minima: [[0, 0]],
      minimumValue: 0,
      defaultStart: [-4, -3],
      logColor: false,
    };
  },
};
