import { resolveSurfaceParams } from './surfaceParams';
import type { SurfaceSpec } from './surface';

/**
 * Monkey saddle f = x³ − 3xy² = Re((x + iy)³) = r³ cos 3φ: three valleys (φ = π/3, π, 5π/3)
 * and three ridges meet at the origin, where the gradient AND the Hessian vanish.
 *   ∇f = (3x² − 3y², −6xy),  H = [[6x, −6y], [−6y, −6x]].
 * Unbounded below. The start sits just off the ridge φ = 0, so descent creeps towards the
 * flat origin (the gradient shrinks quadratically) before it slides into a valley.
 */
export const monkeySaddle: SurfaceSpec = {
  id: 'monkey_saddle',
  name: 'Monkey saddle',
  params: [],
  // Unbounded below: a run that reaches a valley accelerates without end, and SGD with the
  // Rosenbrock settings (lr 1e-3, momentum 0.9) overflowed at step 209 of 300. 150 steps at
  // these rates keep every racer near the plot: plain GD (no momentum) crawls to (0.45, 0.28),
  // RMSprop and Adagrad reach the valley at φ = π/3, Adam is on its way.
  race: {
    steps: 150,
    lr: { sgd: 0.003, rmsprop: 0.003, adam: 0.003, adagrad: 0.03 },
    hp: { sgd: { momentum: 0 } },
  },
  create(params) {
    // No knobs: reject any rather than silently ignore a typo.
    resolveSurfaceParams('monkey_saddle', [], params);
    return {
      id: 'monkey_saddle',
      name: 'Monkey saddle',
      tex: 'f(x,y) = x^3 - 3xy^2',
      description:
        'A degenerate saddle: at the origin even the curvature vanishes, so second-order tests are blind and the gradient fades quadratically. Plain gradient descent crawls; momentum and adaptive steps get across.',
      value: (x, y) => x * x * x - 3 * x * y * y,
      gradient(x, y, out) {
        out[0] = 3 * x * x - 3 * y * y;
        out[1] = -6 * x * y;
      },
      hessian(x, y, out) {
        out[0] = 6 * x;
        out[1] = -6 * y;
        out[2] = -6 * x;
      },
      domain: { xmin: -1.5, xmax: 1.5, ymin: -1.5, ymax: 1.5 },
      minima: [],
      minimumValue: null,
      defaultStart: [1, 0.05],
      logColor: false,
    };
  },
};
