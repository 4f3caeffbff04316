/**
 * Adafactor (src/core/optimizers/adafactor.ts): hand-derived steps on the bowl, update clipping,
 * and what ε₁ = 0 (torch's None) means in each algebra. The float64 trajectories against the
 * port of torch ≥ 2.5's algorithm are in optimizers.reference.test.ts; lr = 0 in the property
 * loop of optimizers.properties.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { numberAlgebra } from '../../src/core/algebra';
import { parseRunConfig } from '../../src/core/config';
import { adafactor, dtypeEps, type AdafactorHp } from '../../src/core/optimizers/adafactor';
import { run } from '../../src/core/trajectory';
import { vectorAlgebra } from '../../src/core/vectorAlgebra';

function runOf(raw: Record<string, unknown>) {
  const p = parseRunConfig(raw);
  if (!p.ok) throw new Error(p.errors.join('\n'));
  return run(p.value);
}

const bowl = { surface: 'quadratic', start: [-4, 1] };
const hp = (over: Partial<AdafactorHp> = {}): AdafactorHp => ({ ...adafactor.defaults, ...over });

describe('Adafactor', () => {
  it('takes the hand-derived first two steps on the bowl ½(x² + 25y²) from (−4, 1)', () => {
    // torch's defaults: lr = 0.01, τ = −0.8, ε = (dtype eps, 1e-3), d = 1, λ = 0.
    // Step 1: w = 1^τ = 1, ρ = min(0.01, 1/√1) = 0.01, RMS(θ₀) = √((16 + 1)/2) = √8.5, so
    //   α = 0.01·√8.5 = 0.029154759474226504. g = (x, 25y) = (−4, 25); lerp with weight 1 gives
    //   v = g² = (16, 625), u = g/√v = (−1, 1), RMS(u) = 1 ≤ d: no clipping.
    //   θ₁ = θ₀ − α·u = (−3.9708452405257737, 0.9708452405257735).
    // Step 2: w = 2^−0.8 = 0.5743491774985174, ρ = min(0.01, 1/√2) = 0.01.
    //   g = (x₁, 25y₁) = (−3.97084524…, 24.27113101…); v = g² − (g² − v₁)(1 − w)
    //   = (15.8665280998…, 604.373857845…); u = g/√v = (−0.996877993, 0.987272816),
    //   RMS(u) = 0.99208703 < 1: no clipping. α = 0.01·RMS(θ₁) = 0.01·2.890514868086457.
    //   θ₂ = θ₁ − α·u = (−3.9420303339231784, 0.942307972986146).
    const r = runOf({ ...bowl, steps: 2, optimizer: { type: 'Adafactor' } });
    expect(r.params[0]).toBeCloseTo(-3.9708452405257737, 15);
    expect(r.params[1]).toBeCloseTo(0.9708452405257735, 15);
    expect(r.params[2]).toBeCloseTo(-3.9420303339231784, 14);
    expect(r.params[3]).toBeCloseTo(0.942307972986146, 14);
  });

  it('decays the weights by lr·λ before the update, with α from the undecayed θ', () => {
    // λ = 0.5, lr = 0.01: θ₀(1 − 0.005) − α·u with α = 0.01·√8.5 and u = (−1, 1) as above:
    //   (−3.98 + 0.0291547…, 0.995 − 0.0291547…) = (−3.9508452405257737, 0.9658452405257735).
    const r = runOf({ ...bowl, steps: 1, optimizer: { type: 'Adafactor', weight_decay: 0.5 } });
    expect(r.params[0]).toBeCloseTo(-3.9508452405257737, 15);
    expect(r.params[1]).toBeCloseTo(0.9658452405257735, 15);
  });

  it('clips the update to RMS d', () => {
    // θ = (3, 4), RMS(θ) = √12.5, t = 2, lr = 0.01: α = 0.01·√12.5. v = (1, 1), g = (10, 10):
    //   v₂ = 100 − 99·(1 − 2^−0.8) ≈ 57.86, u = 10/√v₂ ≈ 1.3147 per coordinate, RMS(u) = u.
    //   d = 1 clips: θ − α·u/RMS(u) = θ − α·(1, 1). d = 2 does not: θ − α·u.
    const A = vectorAlgebra;
    const theta = Float64Array.of(3, 4);
    const grad = Float64Array.of(10, 10);
    const state = { v: Float64Array.of(1, 1) };
    const alpha = 0.01 * Math.sqrt(12.5);
    const v2 = 100 - 99 * (1 - Math.pow(2, -0.8));
    const u = 10 / Math.sqrt(v2);
    expect(u).toBeGreaterThan(1.3);
    const clipped = adafactor.step(A, theta, grad, state, hp(), 2).theta;
    expect(clipped[0]).toBeCloseTo(3 - alpha, 14);
    expect(clipped[1]).toBeCloseTo(4 - alpha, 14);
    const loose = adafactor.step(A, theta, grad, state, hp({ d: 2 }), 2).theta;
    expect(loose[0]).toBeCloseTo(3 - alpha * u, 14);
    expect(loose[1]).toBeCloseTo(4 - alpha * u, 14);
  });

  it('reads ε₁ = 0 as the float64 eps in the float64 core, and uses a positive ε₁ as given', () => {
    expect(dtypeEps(numberAlgebra, 1)).toBe(2 ** -52);
    expect(Array.from(dtypeEps(vectorAlgebra, Float64Array.of(1)))).toEqual([2 ** -52]);
    // g = 0 at v = 0: u = 0/√max(0, ε₁²) = 0 (torch's literal ε₁ = 0 would give 0/0 here).
    const A = vectorAlgebra;
    const theta = Float64Array.of(1, 2);
    const grad = Float64Array.of(0, 1);
    const s = adafactor.init(A, theta);
    const step = adafactor.step(A, theta, grad, s, hp(), 1).theta;
    expect(step[0]).toBe(1);
    expect(step[1]).toBeCloseTo(2 - 0.01 * Math.sqrt(2.5), 14); // u = (0, 1), RMS(u) < 1
    // A large ε₁ floors √v: u = g/ε₁ = (0, 0.5), RMS(u) = √0.125 < 1.
    const big = adafactor.step(A, theta, grad, s, hp({ eps: [2, 1e-3] }), 1).theta;
    expect(big[1]).toBeCloseTo(2 - 0.01 * Math.sqrt(2.5) * 0.5, 14);
  });

  it('refuses d < 1 and β₂ decay > 0, as torch does', () => {
    for (const bad of [{ d: 0.5 }, { beta2_decay: 0.1 }]) {
      const p = parseRunConfig({ ...bowl, steps: 1, optimizer: { type: 'Adafactor', ...bad } });
      expect(p.ok).toBe(false);
    }
  });
});
