import { resolveSurfaceParams } from './surfaceParams';
import type { SurfaceSpec } from './surface';

const A = 10;
const TWO_PI = 2 * Math.PI;

/**
 * Rastrigin f = 2A + (x² − A cos 2πx) + (y² − A cos 2πy), A = 10; minimum f(0, 0) = 0.
 *   ∇f = (2x + 2πA sin 2πx, 2y + 2πA sin 2πy)
 *   H  = diag(2 + 4π²A cos 2πx, 2 + 4π²A cos 2πy)
 * A bowl covered in a grid of local minima near the integer points.
 */
export const rastrigin: SurfaceSpec = {
  id: 'rastrigin',
  name: 'Rastrigin',
  params: [],
  create(params) {
    // No knobs: reject any rather than silently ignore a typo.
    resolveSurfaceParams('rastrigin', [], params);
    return {
      id: 'rastrigin',
      name: 'Rastrigin',
      tex: 'f(x,y) = 2A + (x^2 - A\\cos 2\\pi x) + (y^2 - A\\cos 2\\pi y),\\quad A = 10',
      description:
        'A bowl riddled with local minima: gradient descent stops in the nearest one. Large learning rates, momentum or minibatch noise can hop over the bumps, which is the case for noise as a regulariser.',
      value: (x, y) =>
        2 * A + (x * x - A * Math.cos(TWO_PI * x)) + (y * y - A * Math.cos(TWO_PI * y)),
      gradient(x, y, out) {
        out[0] = 2 * x + TWO_PI * A * Math.sin(TWO_PI * x);
        out[1] = 2 * y + TWO_PI * A * Math.sin(TWO_PI * y);
      },
      hessian(x, y, out) {
        out[0] = 2 + TWO_PI * TWO_PI * A * Math.cos(TWO_PI * x);
        out[1] = 0;
        out[2] = 2 + TWO_PI * TWO_PI * A * Math.cos(TWO_PI * y);
      },
      domain: { xmin: -5.12, xmax: 5.12, ymin: -5.12, ymax: 5.12 },
      minima: [[0, 0]],
      minimumValue: 0,
      defaultStart: [-3.3, 2.7],
      logColor: false,
    };
  },
};
