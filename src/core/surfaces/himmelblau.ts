import { newtonMinimum } from './newtonMinimum';
import { resolveSurfaceParams } from './surfaceParams';
import type { Surface, SurfaceSpec } from './surface';

/**
 * Himmelblau f = (x² + y − 11)² + (x + y² − 7)², four global minima with f = 0.
 * With a = x² + y − 11, b = x + y² − 7:
 *   ∇f = (4xa + 2b, 2a + 4yb)
 *   H  = [[4a + 8x² + 2, 4x + 4y], [4x + 4y, 4b + 8y² + 2]]
 * (3, 2) is exact; the other three have no closed form, so the published 15-digit values are
 * Newton-polished once at module load (the gradient there is then at round-off level).
 */
type Fn = Pick<Surface, 'value' | 'gradient' | 'hessian' | 'field'>;

const fn: Fn = {
  value(x, y) {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    return a * a + b * b;
  },
  gradient(x, y, out) {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    out[0] = 4 * x * a + 2 * b;
    out[1] = 2 * a + 4 * y * b;
  },
  field(A, x, y) {
    const a = A.sub(A.add(A.mul(x, x), y), 11);
    const b = A.sub(A.add(x, A.mul(y, y)), 7);
    return {
      value: A.add(A.mul(a, a), A.mul(b, b)),
      gx: A.add(A.mul(A.mul(x, a), 4), A.mul(b, 2)),
      gy: A.add(A.mul(a, 2), A.mul(A.mul(y, b), 4)),
    };
  },
  hessian(x, y, out) {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    out[0] = 4 * a + 8 * x * x + 2;
    out[1] = 4 * (x + y);
    out[2] = 4 * b + 8 * y * y + 2;
  },
};

const MINIMA: readonly (readonly [number, number])[] = [
  [3, 2],
  newtonMinimum(fn, -2.805118086952745, 3.131312518250573),
  newtonMinimum(fn, -3.779310253377747, -3.28318599128617),
  newtonMinimum(fn, 3.584428340330492, -1.848126526964404),
];

export const himmelblau: SurfaceSpec = {
  id: 'himmelblau',
  name: 'Himmelblau',
  params: [],
  create(params) {
    // No knobs: reject any rather than silently ignore a typo.
    resolveSurfaceParams('himmelblau', [], params);
    return {
      id: 'himmelblau',
      name: 'Himmelblau',
      tex: 'f(x,y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2',
      description:
        'Four equally good minima: which one an optimizer reaches depends on where it starts and on its dynamics, not on which is best. Start near the central maximum and compare where each method lands.',
      ...fn,
      domain: { xmin: -5, xmax: 5, ymin: -5, ymax: 5 },
      minima: MINIMA,
      minimumValue: 0,
      defaultStart: [-0.27, -0.9],
      logColor: true,
    };
  },
};
