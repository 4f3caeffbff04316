import { resolveSurfaceParams } from './surfaceParams';
import type { SurfaceSpec } from './surface';

/**
 * Rosenbrock f = (1 − x)² + 100(y − x²)², minimum f(1, 1) = 0.
 *   ∇f = (−2(1 − x) − 400x(y − x²), 200(y − x²))
 *   H  = [[2 − 400y + 1200x², −400x], [−400x, 200]]
 * View and start from test/fixtures/pytorch/surface_rosenbrock.json.
 */
export const rosenbrock: SurfaceSpec = {
  id: 'rosenbrock',
  name: 'Rosenbrock',
  params: [],
  create(params) {
    // No knobs: reject any rather than silently ignore a typo.
    resolveSurfaceParams('rosenbrock', [], params);
    return {
      id: 'rosenbrock',
      name: 'Rosenbrock',
      tex: 'f(x,y) = (1 - x)^2 + 100\\,(y - x^2)^2',
      description:
        'A narrow, curved, nearly flat valley: finding the valley is easy, following it to (1, 1) is hard. A learning rate stable across the steep walls crawls along the floor; momentum and adaptive methods show their worth.',
      value(x, y) {
        const a = 1 - x;
        const b = y - x * x;
        return a * a + 100 * b * b;
      },
      gradient(x, y, out) {
        const b = y - x * x;
        out[0] = -2 * (1 - x) - 400 * x * b;
        out[1] = 200 * b;
      },
      field(A, x, y) {
        const a = A.sub(1, x);
        const b = A.sub(y, A.mul(x, x));
        return {
          value: A.add(A.mul(a, a), A.mul(A.mul(b, b), 100)),
          gx: A.sub(A.mul(a, -2), A.mul(A.mul(x, b), 400)),
          gy: A.mul(b, 200),
        };
      },
      hessian(x, y, out) {
        out[0] = 2 - 400 * y + 1200 * x * x;
        out[1] = -400 * x;
        out[2] = 200;
      },
      domain: { xmin: -2, xmax: 2, ymin: -1, ymax: 3 },
      minima: [[1, 1]],
      minimumValue: 0,
      defaultStart: [-1.5, 2],
      logColor: true,
    };
  },
};
