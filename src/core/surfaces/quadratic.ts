import { resolveSurfaceParams } from './surfaceParams';
import type { SurfaceSpec } from './surface';

/**
 * Ill-conditioned quadratic bowl f = ½(x² + κy²), minimum f(0, 0) = 0.
 *   ∇f = (x, κy),  H = diag(1, κ),  condition number κ (default 25, as in the reference).
 * Gradient descent is stable only for lr < 2/κ, and then the x-direction converges at rate
 * (1 − lr) per step: the textbook case for momentum (rate ~ (√κ − 1)/(√κ + 1)).
 * View and start from test/fixtures/pytorch/surface_quadratic.json.
 */
export const quadratic: SurfaceSpec = {
  id: 'quadratic',
  name: 'Ill-conditioned quadratic',
  params: [
    { key: 'kappa', label: 'Condition number κ', default: 25, min: 1, max: 1000, scale: 'log' },
  ],
  create(params) {
    const { kappa } = resolveSurfaceParams('quadratic', quadratic.params, params);
    return {
      id: 'quadratic',
      name: 'Ill-conditioned quadratic',
      tex: `f(x,y) = \\tfrac12\\,(x^2 + \\kappa y^2),\\quad \\kappa = ${kappa}`,
      description:
        'An elongated bowl: the steep direction caps the learning rate at 2/κ, so the shallow direction crawls and gradient descent zig-zags. Momentum damps the zig-zag and speeds the crawl, which is why it exists.',
      value: (x, y) => 0.5 * (x * x + kappa * y * y),
      gradient(x, y, out) {
        out[0] = x;
        out[1] = kappa * y;
      },
      field: (A, x, y) => ({
        value: A.mul(A.add(A.mul(x, x), A.mul(A.mul(y, y), kappa)), 0.5),
        gx: x,
        gy: A.mul(y, kappa),
      }),
      hessian(_x, _y, out) {
        out[0] = 1;
        out[1] = 0;
        out[2] = kappa;
      },
      domain: { xmin: -5, xmax: 5, ymin: -3, ymax: 3 },
      minima: [[0, 0]],
      minimumValue: 0,
      defaultStart: [-4, 1],
      logColor: false,
    };
  },
};
