import { resolveSurfaceParams } from './surfaceParams';
import type { SurfaceSpec } from './surface';

/**
 * Saddle f = x² − y². The origin is a critical point that is not a minimum; f is unbounded below.
 *   ∇f = (2x, −2y),  H = diag(2, −2).
 * View and start from test/fixtures/pytorch/surface_saddle.json: starting a hair off the ridge
 * (y = 0.001) shows how long plain gradient descent lingers before it escapes along y.
 */
export const saddle: SurfaceSpec = {
  id: 'saddle',
  name: 'Saddle',
  params: [],
  create(params) {
    // No knobs: reject any rather than silently ignore a typo.
    resolveSurfaceParams('saddle', [], params);
    return {
      id: 'saddle',
      name: 'Saddle',
      tex: 'f(x,y) = x^2 - y^2',
      description:
        'A saddle point: the gradient vanishes at the origin, yet it is no minimum. Gradient descent started near the ridge stalls there and escapes only as the tiny y-component grows; momentum and adaptive methods escape sooner.',
      value: (x, y) => x * x - y * y,
      gradient(x, y, out) {
        out[0] = 2 * x;
        out[1] = -2 * y;
      },
      hessian(_x, _y, out) {
        out[0] = 2;
        out[1] = 0;
        out[2] = -2;
      },
      domain: { xmin: -1.5, xmax: 1.5, ymin: -1.5, ymax: 1.5 },
      minima: [],
      minimumValue: null,
      defaultStart: [-1, 0.001],
      logColor: false,
    };
  },
};
