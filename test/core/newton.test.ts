/**
 * Newton and saddle-free Newton on the surfaces' exact Hessians: hand-derived steps, the
 * one-step property on quadratics, and the 2×2 solves they use.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../src/core/config';
import { solveSym2 } from '../../src/core/sym2';
import { run } from '../../src/core/trajectory';

function runOf(raw: Record<string, unknown>) {
  const p = parseRunConfig(raw);
  if (!p.ok) throw new Error(p.errors.join('\n'));
  return run(p.value);
}

describe('Newton', () => {
  it('jumps onto the saddle of x² − y², where saddle-free Newton escapes (hand-derived)', () => {
    // H = diag(2, −2), g = (2x, −2y). Newton: H⁻¹g = (x, y), so θ₁ = θ₀ − θ₀ = (0, 0), the
    // saddle, and there g = 0: it stays. Saddle-free: |H| = diag(2, 2), |H|⁻¹g = (x, −y), so
    // θ₁ = (0, 2y₀) = (0, 0.002), θ₂ = (0, 0.004): it doubles y each step, away from the saddle.
    const opts = { surface: 'saddle', start: [-1, 0.001], steps: 2 };
    const n = runOf({ ...opts, optimizer: { type: 'Newton', lr: 1, damping: 0 } });
    expect(Array.from(n.params)).toEqual([0, 0, 0, 0]);
    const sf = runOf({ ...opts, optimizer: { type: 'SaddleFreeNewton', lr: 1, damping: 0 } });
    expect(Array.from(sf.params)).toEqual([0, 0.002, 0, 0.004]);
  });

  it('takes the hand-derived first step on Rosenbrock from (−1.5, 2)', () => {
    // r = y − x² = −0.25; g = (−2(1 − x) − 400x·r, 200r) = (−155, −50);
    // H = [[2 − 400r + 800x², −400x], [−400x, 200]] = [[1902, 600], [600, 200]], det = 20400;
    // H⁻¹g = ((200·−155 − 600·−50), (1902·−50 − 600·−155)) / 20400 = (−1000, −2100) / 20400.
    const r = runOf({
      surface: 'rosenbrock',
      start: [-1.5, 2],
      steps: 1,
      optimizer: { type: 'Newton', lr: 1, damping: 0 },
    });
    expect(r.params[0]).toBeCloseTo(-1.5 + 1000 / 20400, 14);
    expect(r.params[1]).toBeCloseTo(2 + 2100 / 20400, 14);
    // With damping δ the system is H + δI: det = (1902 + δ)(200 + δ) − 600².
    const d = 10;
    const damped = runOf({
      surface: 'rosenbrock',
      start: [-1.5, 2],
      steps: 1,
      optimizer: { type: 'Newton', lr: 1, damping: d },
    });
    const det = (1902 + d) * (200 + d) - 600 * 600;
    expect(damped.params[0]).toBeCloseTo(-1.5 - ((200 + d) * -155 - 600 * -50) / det, 13);
    expect(damped.params[1]).toBeCloseTo(2 - ((1902 + d) * -50 - 600 * -155) / det, 13);
  });

  it('with δ = 0 and lr = 1 reaches the minimum of any positive-definite quadratic in one step', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (kappa, x, y) => {
          for (const type of ['Newton', 'SaddleFreeNewton']) {
            const r = runOf({
              surface: 'quadratic',
              surface_params: { kappa },
              start: [x, y],
              steps: 1,
              optimizer: { type, lr: 1, damping: 0 },
            });
            expect(Math.abs(r.params[0])).toBeLessThanOrEqual(1e-15 * (1 + Math.abs(x)));
            expect(Math.abs(r.params[1])).toBeLessThanOrEqual(1e-15 * (1 + Math.abs(y)));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('solveSym2', () => {
  const sym = fc.tuple(
    fc.double({ min: -10, max: 10, noNaN: true }),
    fc.double({ min: -10, max: 10, noNaN: true }),
    fc.double({ min: -10, max: 10, noNaN: true }),
  );
  const vec = fc.tuple(
    fc.double({ min: -10, max: 10, noNaN: true }),
    fc.double({ min: -10, max: 10, noNaN: true }),
  );

  it('solves (H + δI)x = v', () => {
    fc.assert(
      fc.property(
        sym,
        vec,
        fc.double({ min: 0, max: 5, noNaN: true }),
        ([a, b, c], [v0, v1], d) => {
          const det = (a + d) * (c + d) - b * b;
          fc.pre(Math.abs(det) > 1e-3);
          const x = new Float64Array(2);
          solveSym2(a, b, c, v0, v1, d, false, x);
          expect((a + d) * x[0] + b * x[1]).toBeCloseTo(v0, 6);
          expect(b * x[0] + (c + d) * x[1]).toBeCloseTo(v1, 6);
        },
      ),
    );
  });

  it('solves (|H| + δI)x = v, |H| having H’s eigenvectors and |eigenvalues|', () => {
    fc.assert(
      fc.property(
        sym,
        vec,
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        ([a, b, c], [v0, v1], d) => {
          const x = new Float64Array(2);
          solveSym2(a, b, c, v0, v1, d, true, x);
          // |H| from the eigenvalues: |H| = (|λ₁| + |λ₂|)/2·I + (|λ₁| − |λ₂|)/(λ₁ − λ₂)·(H − (a+c)/2·I).
          const m = (a + c) / 2,
            r = Math.hypot((a - c) / 2, b);
          const l1 = m + r,
            l2 = m - r;
          const s = (Math.abs(l1) + Math.abs(l2)) / 2;
          const k = r > 1e-12 ? (Math.abs(l1) - Math.abs(l2)) / (l1 - l2) : 0;
          const A = s + k * (a - m) + d,
            B = k * b,
            C = s + k * (c - m) + d;
          expect(A * x[0] + B * x[1]).toBeCloseTo(v0, 6);
          expect(B * x[0] + C * x[1]).toBeCloseTo(v1, 6);
        },
      ),
    );
  });
});
