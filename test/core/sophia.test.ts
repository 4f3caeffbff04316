/**
 * Sophia (src/core/optimizers/sophia.ts): hand-derived steps of the exact estimator, Hutchinson's
 * estimator by its properties (exact on a diagonal Hessian, unbiased with Rademacher u,
 * reproducible for a seed), and the validation of k and the seed. The float64 trajectories
 * against the port of the authors' SophiaG are in optimizers.reference.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../src/core/config';
import { rademacherSigns } from '../../src/core/sampling/rademacher';
import { getSurface } from '../../src/core/surfaces/registry';
import { run } from '../../src/core/trajectory';

function runOf(raw: Record<string, unknown>) {
  const p = parseRunConfig(raw);
  if (!p.ok) throw new Error(p.errors.join('\n'));
  return run(p.value);
}

const bowl = { surface: 'quadratic', start: [-4, 1] };

describe("Sophia with the exact diagonal (estimator 'exact')", () => {
  it('takes the hand-derived first two steps on the bowl ½(x² + 25y²) from (−4, 1)', () => {
    // lr = 0.5, ρ = 100, k = 1, λ = 0, β = (0.965, 0.99), ε = 1e-15.
    // Step 1: g = (x, 25y) = (−4, 25); m₁ = 0.035·g = (−0.14, 0.875). h = 0, so the ratio is
    //   |m|/1e-15, clipped to 1: a sign step, θ₁ = θ₀ − 0.5·sign(m₁) = (−3.5, 0.5).
    // Step 2: k = 1, so h is updated first, at θ₁ (where the authors update it, after step 1):
    //   diag(H) = (1, 25), h = 0.01·(1, 25) = (0.01, 0.25). g = (−3.5, 12.5);
    //   m₂ = 0.965·m₁ + 0.035·g = (−0.1351 − 0.1225, 0.844375 + 0.4375) = (−0.2576, 1.281875).
    //   ρh = (1, 25): ratios |m|/ρh = (0.2576, 0.051275), both < 1, so no clipping:
    //   θ₂ = θ₁ − 0.5·sign(m₂)·ratio = (−3.5 + 0.1288, 0.5 − 0.0256375) = (−3.3712, 0.4743625).
    const r = runOf({
      ...bowl,
      steps: 2,
      optimizer: { type: 'Sophia', estimator: 'exact', lr: 0.5, rho: 100, k: 1, weight_decay: 0 },
    });
    expect(r.params[0]).toBe(-3.5);
    expect(r.params[1]).toBe(0.5);
    expect(r.params[2]).toBeCloseTo(-3.3712, 14);
    expect(r.params[3]).toBeCloseTo(0.4743625, 14);
  });

  it('updates h every k steps only: with k = 2 the second step is still a sign step', () => {
    // h is first updated after step 2 (at θ₂): steps 1 and 2 both see h = 0.
    const r = runOf({
      ...bowl,
      steps: 3,
      optimizer: { type: 'Sophia', estimator: 'exact', lr: 0.5, rho: 100, k: 2, weight_decay: 0 },
    });
    expect(Array.from(r.params.subarray(0, 4))).toEqual([-3.5, 0.5, -3, 0]);
    // Step 3 reads h = 0.01·diag(H) = (0.01, 0.25): x moves by 0.5·|m₃|/1 < 0.5.
    expect(Math.abs(r.params[4] + 3)).toBeLessThan(0.5);
  });

  it('decays the weights first, decoupled, as the authors do: θ(1 − lr·λ) − lr·sign(m)', () => {
    // λ = 0.1, lr = 0.5: θ₀·0.95 = (−3.8, 0.95), then the sign step (+0.5, −0.5).
    const r = runOf({
      ...bowl,
      steps: 1,
      optimizer: { type: 'Sophia', estimator: 'exact', lr: 0.5, weight_decay: 0.1 },
    });
    expect(r.params[0]).toBeCloseTo(-3.3, 15);
    expect(r.params[1]).toBeCloseTo(0.45, 15);
  });

  it('never steps uphill on a negative curvature: h ≤ 0 gives the sign step (saddle x² − y²)', () => {
    // diag(H) = (2, −2): along y the curvature is negative, so y moves by exactly lr each step,
    // away from the saddle, instead of SophiaG's ρh + ε turning the step around.
    const r = runOf({
      surface: 'saddle',
      start: [-1, 0.001],
      steps: 30,
      optimizer: { type: 'Sophia', estimator: 'exact', lr: 0.01, k: 1, weight_decay: 0 },
    });
    for (let k = 0; k < r.steps; k++)
      expect(r.params[2 * k + 1]).toBeCloseTo(0.001 + 0.01 * (k + 1), 14);
  });
});

describe('Sophia with Hutchinson’s estimator', () => {
  it('equals the exact estimator on a diagonal Hessian, for every seed: u ⊙ Hu = diag(H)', () => {
    // H = diag(a, c): (u ⊙ Hu)ᵢ = uᵢ²Hᵢᵢ = Hᵢᵢ, since uᵢ² = 1.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('quadratic', 'saddle'),
        (seed, k, surface) => {
          const opts = { surface, steps: 60 };
          const hp = { lr: 0.05, k, weight_decay: 0.01, rho: 0.5 };
          const h = runOf({ ...opts, optimizer: { type: 'Sophia', seed, ...hp } });
          const e = runOf({ ...opts, optimizer: { type: 'Sophia', estimator: 'exact', ...hp } });
          expect(Array.from(h.params)).toEqual(Array.from(e.params));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('uses u ⊙ Hu with the Rademacher vector of (seed, step): hand-checked step 2 on Rosenbrock', () => {
    // Rosenbrock's Hessian has f_xy = −400x ≠ 0, so u ⊙ Hu = diag(H) + f_xy·u₀u₁·(1, 1) differs
    // from the diagonal: step 2 reads h = 0.01·(u ⊙ Hu) at θ₁ with u = rademacherSigns(2, seed, 2).
    const seed = 5,
      lr = 0.01,
      rho = 1;
    const r = runOf({
      surface: 'rosenbrock',
      start: [-1.5, 2],
      steps: 2,
      optimizer: { type: 'Sophia', lr, rho, k: 1, seed, weight_decay: 0 },
    });
    const f = getSurface('rosenbrock', {});
    const g0 = new Float64Array(2),
      g1 = new Float64Array(2),
      H = new Float64Array(3);
    f.gradient(-1.5, 2, g0);
    const x1 = -1.5 - lr * Math.sign(g0[0]),
      y1 = 2 - lr * Math.sign(g0[1]);
    expect([r.params[0], r.params[1]]).toEqual([x1, y1]);
    f.gradient(x1, y1, g1);
    f.hessian(x1, y1, H);
    const u = rademacherSigns(2, seed, 2);
    const est = [u[0] * (H[0] * u[0] + H[1] * u[1]), u[1] * (H[1] * u[0] + H[2] * u[1])];
    const [x2, y2] = [x1, y1].map((th, i) => {
      const m = 0.965 * 0.035 * g0[i] + 0.035 * g1[i];
      const ratio = Math.min(Math.abs(m) / (rho * Math.max(0.01 * est[i], 0) + 1e-15), 1);
      return th - lr * Math.sign(m) * ratio;
    });
    expect(r.params[2]).toBeCloseTo(x2, 14);
    expect(r.params[3]).toBeCloseTo(y2, 14);
  });

  it('is unbiased: the mean of u ⊙ Hu over many Rademacher draws tends to diag(H)', () => {
    // Rosenbrock at (−1.5, 2): H = [[1902, 600], [600, 200]]. (u ⊙ Hu)ᵢ = Hᵢᵢ + 600·u₀u₁, and
    // u₀u₁ = ±1 with mean 0: over N draws the error is 600·(mean of ±1), σ = 600/√N.
    const H = new Float64Array(3);
    getSurface('rosenbrock', {}).hessian(-1.5, 2, H);
    const N = 20_000;
    const sum = [0, 0];
    for (let d = 1; d <= N; d++) {
      const u = rademacherSigns(2, 3, d);
      sum[0] += u[0] * (H[0] * u[0] + H[1] * u[1]);
      sum[1] += u[1] * (H[1] * u[0] + H[2] * u[1]);
    }
    const sigma = Math.abs(H[1]) / Math.sqrt(N);
    expect(Math.abs(sum[0] / N - H[0])).toBeLessThan(4 * sigma);
    expect(Math.abs(sum[1] / N - H[2])).toBeLessThan(4 * sigma);
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const opts = { surface: 'rosenbrock', steps: 100 };
    const a = runOf({ ...opts, optimizer: { type: 'Sophia', lr: 0.04, k: 1, seed: 1 } });
    const b = runOf({ ...opts, optimizer: { type: 'Sophia', lr: 0.04, k: 1, seed: 1 } });
    const c = runOf({ ...opts, optimizer: { type: 'Sophia', lr: 0.04, k: 1, seed: 2 } });
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(Array.from(a.params)).not.toEqual(Array.from(c.params));
  });
});

describe('Rademacher vectors', () => {
  it('are ±1, a pure function of (seed, draw), balanced, with independent coordinates', () => {
    expect(Array.from(rademacherSigns(8, 4, 9))).toEqual(Array.from(rademacherSigns(8, 4, 9)));
    let ones = 0,
      agree = 0;
    const N = 20_000;
    for (let d = 0; d < N; d++) {
      const u = rademacherSigns(2, 0, d);
      expect(Math.abs(u[0]) === 1 && Math.abs(u[1]) === 1).toBe(true);
      ones += u[0] > 0 ? 1 : 0;
      agree += u[0] === u[1] ? 1 : 0;
    }
    // Binomial(N, ½): σ = √N/2 ≈ 71.
    expect(Math.abs(ones - N / 2)).toBeLessThan(300);
    expect(Math.abs(agree - N / 2)).toBeLessThan(300);
  });
});

describe('Sophia configs', () => {
  it('take k as an integer ≥ 1, the seed as an integer ≥ 0 and an estimator a surface has, naming the field', () => {
    const errors = (optimizer: Record<string, unknown>) => {
      const p = parseRunConfig({ surface: 'rosenbrock', optimizer });
      return p.ok ? [] : p.errors;
    };
    expect(errors({ type: 'Sophia', k: 2.5 })).toEqual([
      'optimizer.k: must be an integer ≥ 1 (got 2.5)',
    ]);
    expect(errors({ type: 'Sophia', estimator: 'exact', k: 0 })).toEqual([
      'optimizer.k: must be ≥ 1 (got 0)',
    ]);
    expect(errors({ type: 'Sophia', seed: 1.5 })).toEqual([
      'optimizer.seed: must be an integer ≥ 0 (got 1.5)',
    ]);
    expect(errors({ type: 'Sophia', estimator: 'newton' })).toEqual([
      "optimizer.estimator: must be one of 'hutchinson', 'exact', 'gnb' (got 'newton')",
    ]);
    // Gauss–Newton–Bartlett samples labels from a network's predictions: a surface has none.
    expect(errors({ type: 'Sophia', estimator: 'gnb' })).toEqual([
      'optimizer.estimator: Sophia with estimator "gnb" needs labels sampled from a network\'s own predictions, which only networks provide: it is not offered on the 2-D surfaces',
    ]);
    expect(errors({ type: 'Sophia', eps: 0 })).toEqual(['optimizer.eps: must be > 0 (got 0)']);
  });
});
