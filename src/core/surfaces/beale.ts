import { resolveSurfaceParams } from './surfaceParams';
import type { SurfaceSpec } from './surface';

/**
 * Beale f = Σₖ tₖ²,  t₁ = 1.5 − x + xy,  t₂ = 2.25 − x + xy²,  t₃ = 2.625 − x + xy³;
 * minimum f(3, 0.5) = 0 (then t₁ = t₂ = t₃ = 0).
 * Each tₖ = cₖ − x + x·yᵏ is linear in x, so with ∂ₓtₖ = yᵏ − 1, ∂ᵧtₖ = k·x·yᵏ⁻¹:
 *   ∇f   = 2 Σ tₖ (∂ₓtₖ, ∂ᵧtₖ)
 *   f_xx = 2 Σ (∂ₓtₖ)²
 *   f_xy = 2 Σ (∂ₓtₖ ∂ᵧtₖ + tₖ·k·yᵏ⁻¹)
 *   f_yy = 2 Σ ((∂ᵧtₖ)² + tₖ·k(k−1)·x·yᵏ⁻²)
 */
export const beale: SurfaceSpec = {
  id: 'beale',
  name: 'Beale',
  params: [],
  create(params) {
    // No knobs: reject any rather than silently ignore a typo.
    resolveSurfaceParams('beale', [], params);
    return {
      id: 'beale',
      name: 'Beale',
      tex: 'f(x,y) = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2',
      description:
        'Flat plateaus beside walls that rise like y⁶: the gradient spans many orders of magnitude, so a single learning rate is either too timid or explodes. Per-coordinate scaling (Adam, RMSprop) handles it.',
      value(x, y) {
        const y2 = y * y;
        const t1 = 1.5 - x + x * y;
        const t2 = 2.25 - x + x * y2;
        const t3 = 2.625 - x + x * y2 * y;
        return t1 * t1 + t2 * t2 + t3 * t3;
      },
      gradient(x, y, out) {
        const y2 = y * y;
        const y3 = y2 * y;
        const t1 = 1.5 - x + x * y;
        const t2 = 2.25 - x + x * y2;
        const t3 = 2.625 - x + x * y3;
        out[0] = 2 * (t1 * (y - 1) + t2 * (y2 - 1) + t3 * (y3 - 1));
        out[1] = 2 * x * (t1 + 2 * y * t2 + 3 * y2 * t3);
      },
      field(A, x, y) {
        const y2 = A.mul(y, y);
        const y3 = A.mul(y2, y);
        const t1 = A.add(A.sub(1.5, x), A.mul(x, y));
        const t2 = A.add(A.sub(2.25, x), A.mul(x, y2));
        const t3 = A.add(A.sub(2.625, x), A.mul(x, y3));
        const sq = (t: typeof x) => A.mul(t, t);
        return {
          value: A.add(A.add(sq(t1), sq(t2)), sq(t3)),
          gx: A.mul(
            A.add(A.add(A.mul(t1, A.sub(y, 1)), A.mul(t2, A.sub(y2, 1))), A.mul(t3, A.sub(y3, 1))),
            2,
          ),
          gy: A.mul(A.mul(A.add(A.add(t1, A.mul(A.mul(y, t2), 2)), A.mul(A.mul(y2, t3), 3)), x), 2),
        };
      },
      hessian(x, y, out) {
        const y2 = y * y;
        const y3 = y2 * y;
        const t1 = 1.5 - x + x * y;
        const t2 = 2.25 - x + x * y2;
        const t3 = 2.625 - x + x * y3;
        const ax1 = y - 1;
        const ax2 = y2 - 1;
        const ax3 = y3 - 1;
        const ay1 = x;
        const ay2 = 2 * x * y;
        const ay3 = 3 * x * y2;
        out[0] = 2 * (ax1 * ax1 + ax2 * ax2 + ax3 * ax3);
        out[1] = 2 * (ax1 * ay1 + t1 + ax2 * ay2 + t2 * 2 * y + ax3 * ay3 + t3 * 3 * y2);
        out[2] = 2 * (ay1 * ay1 + ay2 * ay2 + t2 * 2 * x + ay3 * ay3 + t3 * 6 * x * y);
      },
      domain: { xmin: -4.5, xmax: 4.5, ymin: -4.5, ymax: 4.5 },
      minima: [[3, 0.5]],
      minimumValue: 0,
      defaultStart: [1, 1.5],
      logColor: true,
    };
  },
};
