import { describe, expect, it } from 'vitest';
import { dense2 } from '../../src/core/dense2';
import type { Hyperparams } from '../../src/core/optimizers/optimizerSpec';
import { findOptimizer } from '../../src/core/optimizers/registry';
import { run } from '../../src/core/trajectory';

/** `steps` steps of the optimizer's race settings (or `hp`) on a surface. */
function race(
  type: string,
  surface: string,
  sp: Record<string, number>,
  start: [number, number],
  steps: number,
  hp: Hyperparams = {},
) {
  const spec = findOptimizer(type)!;
  return run({
    surface,
    surfaceParams: sp,
    start,
    steps,
    optimizer: { type, hp: { ...spec.defaults, ...spec.race, ...hp } as Hyperparams },
    scheduler: null,
    batch: null,
  });
}
const final = (r: ReturnType<typeof run>) => r.loss[r.steps - 1];

describe('dense2: the 2×2 linear algebra of a 2-vector parameter', () => {
  const S = Float64Array.of(3, -1.5, 0.5);
  it('eigvecs: orthonormal columns, largest eigenvalue first, QΛQᵀ = S', () => {
    const Q = dense2.eigvecs(S);
    expect(Q[0] * Q[2] + Q[1] * Q[3]).toBeCloseTo(0, 15);
    expect(Math.hypot(Q[0], Q[1])).toBeCloseTo(1, 15);
    const r = (i: number) =>
      S[0] * Q[2 * i] ** 2 + 2 * S[1] * Q[2 * i] * Q[2 * i + 1] + S[2] * Q[2 * i + 1] ** 2;
    expect(r(0)).toBeGreaterThan(r(1));
    // trace and determinant: 3.5 and 1.5 − 2.25
    expect(r(0) + r(1)).toBeCloseTo(3.5, 14);
    expect(r(0) * r(1)).toBeCloseTo(-0.75, 14);
  });
  it('symFn: f(λ) = λ gives Sv, f(λ) = λ^(−1/2) twice gives S⁻¹v, and the axes stay exact', () => {
    const v = Float64Array.of(0.3, -2);
    const Sv = dense2.symFn(S, (l) => l, v);
    expect(Sv[0]).toBeCloseTo(3 * 0.3 + 1.5 * 2, 14);
    expect(Sv[1]).toBeCloseTo(-1.5 * 0.3 - 0.5 * 2, 14);
    const P = Float64Array.of(2, 0.5, 1);
    const w = dense2.symFn(
      P,
      (l) => l ** -0.5,
      dense2.symFn(P, (l) => l ** -0.5, v),
    );
    const back = dense2.symFn(P, (l) => l, w);
    expect(back[0]).toBeCloseTo(v[0], 13);
    expect(back[1]).toBeCloseTo(v[1], 13);
    expect(Array.from(dense2.eigvecs(Float64Array.of(1, 0, 4)))).toEqual([0, 1, 1, -0]);
  });
  it('powerQR returns an orthonormal basis whose first column is SQ₀ normalised', () => {
    const Q = dense2.powerQR(S, Float64Array.of(1, 0, 0, 1));
    expect(Q[0]).toBeCloseTo(3 / Math.hypot(3, 1.5), 15);
    expect(Q[1]).toBeCloseTo(-1.5 / Math.hypot(3, 1.5), 15);
    expect(Q[0] * Q[2] + Q[1] * Q[3]).toBeCloseTo(0, 15);
    expect(Math.hypot(Q[2], Q[3])).toBeCloseTo(1, 15);
  });
});

describe('full-matrix AdaGrad, Shampoo and SOAP', () => {
  const rq = { kappa: 100, angle: 45 };

  it('are surface-only (the tensor path refuses them by their curvature flag) and whole-point', () => {
    for (const t of ['FullMatrixAdagrad', 'Shampoo', 'SOAP']) {
      expect(findOptimizer(t)!.curvature).toBe('dense-2x2');
      expect(findOptimizer(t)!.scope).toBe('whole');
    }
  });

  it('lr = 0 changes nothing', () => {
    for (const t of ['FullMatrixAdagrad', 'Shampoo', 'SOAP']) {
      const r = race(t, 'rosenbrock', {}, [-1.5, 2], 20, { lr: 0 });
      for (const p of r.params.subarray(-2)) expect([-1.5, 2]).toContain(p);
    }
  });

  it('full-matrix AdaGrad, first step: G = g gᵀ, so the step is lr·g/(δ + ‖g‖) (hand-derived)', () => {
    // rotated_quadratic at the defaults (κ = 25, φ = 45°): A = [[13, −12], [−12, 13]];
    // at (−4, −3), g = (−52 + 36, 48 − 39) = (−16, 9), ‖g‖ = √337.
    const r = race('FullMatrixAdagrad', 'rotated_quadratic', {}, [-4, -3], 1, {
      lr: 1,
      eps: 1e-4,
    });
    const n = Math.sqrt(337);
    expect(r.params[0]).toBeCloseTo(-4 + 16 / (1e-4 + n), 10);
    expect(r.params[1]).toBeCloseTo(-3 - 9 / (1e-4 + n), 10);
  });

  it('SOAP does not move on its first step (it only builds the preconditioner)', () => {
    const r = race('SOAP', 'rosenbrock', {}, [-1.5, 2], 2);
    expect([r.params[0], r.params[1]]).toEqual([-1.5, 2]);
    expect(r.params[2]).not.toBe(-1.5);
  });

  it('on rotated_quadratic (κ = 100, φ = 45°) Adam crawls where full-matrix AdaGrad and SOAP do not', () => {
    // Race settings, 100 steps from (−4, −3), f₀ = 37.25. Measured: Adam 2.78, Adagrad 1.90,
    // full-matrix AdaGrad 2.5e−8, Shampoo 5.3e−2, SOAP 0.118.
    const loss = (t: string) => final(race(t, 'rotated_quadratic', rq, [-4, -3], 101));
    expect(loss('Adam')).toBeGreaterThan(2);
    expect(loss('Adagrad')).toBeGreaterThan(1);
    expect(loss('FullMatrixAdagrad')).toBeLessThan(1e-6);
    expect(loss('Shampoo')).toBeLessThan(0.1);
    expect(loss('SOAP')).toBeLessThan(0.2);
    expect(loss('Adam') / loss('SOAP')).toBeGreaterThan(10);
  });

  it('the rotation-aware ones do not care about the angle; Adam does', () => {
    // The same bowl and start turned back by 45°: φ = 0 and start Rᵀ(−4, −3) = (−7, 1)/√2.
    const s0: [number, number] = [-7 / Math.SQRT2, 1 / Math.SQRT2];
    const at = (t: string, angle: number, start: [number, number]) =>
      final(race(t, 'rotated_quadratic', { kappa: 100, angle }, start, 101));
    for (const t of ['FullMatrixAdagrad', 'Shampoo', 'SOAP']) {
      const a = at(t, 45, [-4, -3]),
        b = at(t, 0, s0);
      expect(Math.abs(a - b) / b, t).toBeLessThan(1e-6);
    }
    // Adam: axis-aligned it is fast, turned it crawls.
    expect(at('Adam', 45, [-4, -3]) / at('Adam', 0, s0)).toBeGreaterThan(10);
  });
});
