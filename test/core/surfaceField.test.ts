/**
 * A surface's `field` (f and ∇f in the optimizer algebra, what a trainability map evaluates on
 * tensors) is the same function as its hot-loop `value` and `gradient`: checked on numbers at
 * seeded points across each surface's view.
 */
import { describe, expect, it } from 'vitest';
import { numberAlgebra } from '../../src/core/algebra';
import { createRng } from '../../src/core/sampling/rng';
import { getSurface, SURFACES } from '../../src/core/surfaces/registry';

const withField = SURFACES.map((s) => getSurface(s.id, {})).filter((s) => s.field);

describe('surface fields', () => {
  it('the polynomial surfaces have one', () => {
    expect(withField.map((s) => s.id).sort()).toEqual(
      ['beale', 'himmelblau', 'quadratic', 'rosenbrock', 'rotated_quadratic'].sort(),
    );
  });

  it.each(withField.map((s) => [s.id, s] as const))(
    '%s: field equals value and gradient',
    (_id, s) => {
      const rng = createRng(7);
      const g = new Float64Array(2);
      const { xmin, xmax, ymin, ymax } = s.domain;
      for (let k = 0; k < 200; k++) {
        const x = xmin + (xmax - xmin) * rng.next();
        const y = ymin + (ymax - ymin) * rng.next();
        const f = s.field!(numberAlgebra, x, y);
        s.gradient(x, y, g);
        const scale = 1 + Math.abs(s.value(x, y));
        expect(Math.abs(f.value - s.value(x, y)) / scale).toBeLessThan(1e-12);
        expect(Math.abs(f.gx - g[0]) / (1 + Math.abs(g[0]))).toBeLessThan(1e-12);
        expect(Math.abs(f.gy - g[1]) / (1 + Math.abs(g[1]))).toBeLessThan(1e-12);
      }
    },
  );

  it('non-default parameters reach the field (quadratic κ, rotated quadratic φ)', () => {
    const q = getSurface('quadratic', { kappa: 100 });
    expect(q.field!(numberAlgebra, 1, 2).gy).toBe(200);
    const r = getSurface('rotated_quadratic', { kappa: 10, angle: 30 });
    const g = new Float64Array(2);
    r.gradient(0.3, -0.7, g);
    expect(r.field!(numberAlgebra, 0.3, -0.7).gx).toBeCloseTo(g[0], 12);
  });
});
