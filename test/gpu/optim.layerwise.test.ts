import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { numberAlgebra } from '../../src/core/algebra';
import { lamb } from '../../src/core/optimizers/lamb';
import { lars, larsTrust } from '../../src/core/optimizers/lars';
import { findOptimizer } from '../../src/core/optimizers/registry';
import { tensorAlgebra } from '../../src/gpu/tensorAlgebra';
import { TensorOptimizer } from '../../src/gpu/tensorOptimizer';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

const values = (v: tf.Tensor) => Array.from(v.dataSync());
const variable = (xs: number[]) => tf.tidy(() => tf.variable(tf.tensor1d(xs)));
/** One step with a given gradient (the caller's tensor is freed right away). */
function stepWith(opt: TensorOptimizer, ...grads: number[][]): void {
  const g = grads.map((x) => tf.tensor1d(x));
  opt.step(g);
  tf.dispose(g);
}
const expectClose = (got: number[], want: number[], digits = 5) =>
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i], digits));

describe('LARS', () => {
  test('two hand-derived momentum steps on a layer w = [3, 4]', () => {
    // lr 1, η_trust 0.1, μ 0.5, wd 0, ε 0; the gradient is [0.6, 0.8] (‖g‖ = 1) both times.
    const w = variable([3, 4]);
    const opt = new TensorOptimizer(lars, [w], {
      lr: 1,
      trust_coefficient: 0.1,
      momentum: 0.5,
      weight_decay: 0,
      eps: 0,
    });
    // step 1: ‖w‖ = 5, λ = 0.1·5/1 = 0.5, d = 0.5·g = [0.3, 0.4] = b, w = [2.7, 3.6]
    stepWith(opt, [0.6, 0.8]);
    expectClose(values(w), [2.7, 3.6]);
    // step 2: ‖w‖ = 4.5, λ = 0.45, d = [0.27, 0.36], b = 0.5·[0.3, 0.4] + d = [0.42, 0.56], w = [2.28, 3.04]
    stepWith(opt, [0.6, 0.8]);
    expectClose(values(w), [2.28, 3.04]);
    expectClose(values(opt.state(0).buf as tf.Tensor), [0.42, 0.56]);
    opt.dispose();
    w.dispose();
  });

  test('weight decay enters the trust ratio and the update', () => {
    // lr 1, η_trust 0.1, μ 0, wd 0.5, ε 0, g = [0.6, 0.8].
    const w = variable([3, 4]);
    const opt = new TensorOptimizer(lars, [w], {
      lr: 1,
      trust_coefficient: 0.1,
      momentum: 0,
      weight_decay: 0.5,
      eps: 0,
    });
    // step 1: λ = 0.1·5/(1 + 0.5·5) = 1/7; g + wd·w = [2.1, 2.8]; d = [0.3, 0.4]; w = [2.7, 3.6]
    stepWith(opt, [0.6, 0.8]);
    expectClose(values(w), [2.7, 3.6]);
    // step 2: λ = 0.45/(1 + 2.25) = 0.45/3.25; g + wd·w = [1.95, 2.6]; d = [0.27, 0.36]; w = [2.43, 3.24]
    stepWith(opt, [0.6, 0.8]);
    expectClose(values(w), [2.43, 3.24]);
    opt.dispose();
    w.dispose();
  });

  test('the trust ratio is 1 when ‖w‖ or ‖g‖ is 0, in both algebras', () => {
    const hp = { ...lars.defaults, weight_decay: 0.1 };
    tf.tidy(() => {
      expect(values(larsTrust(tensorAlgebra, tf.zeros([3]), tf.tensor1d([1, 2, 3]), hp))).toEqual([
        1,
      ]);
      expect(values(larsTrust(tensorAlgebra, tf.tensor1d([1, 2, 3]), tf.zeros([3]), hp))).toEqual([
        1,
      ]);
    });
    expect(larsTrust(numberAlgebra, 0, 2, hp)).toBe(1);
    expect(larsTrust(numberAlgebra, -2, 0, hp)).toBe(1);
    // A zero-initialised bias moves by plain lr·g: lr 0.1, μ 0 → w = −0.1·[1, 2].
    const b = variable([0, 0]);
    const opt = new TensorOptimizer(lars, [b], { lr: 0.1, momentum: 0 });
    stepWith(opt, [1, 2]);
    expectClose(values(b), [-0.1, -0.2]);
    opt.dispose();
    b.dispose();
  });
});

describe('LAMB', () => {
  test('two hand-derived steps on a layer w = [3, 4]', () => {
    // lr 0.1, β = (0.9, 0.999), ε 0, wd 0.
    const w = variable([3, 4]);
    const opt = new TensorOptimizer(lamb, [w], {
      lr: 0.1,
      betas: [0.9, 0.999],
      eps: 0,
      weight_decay: 0,
    });
    // step 1 (g₁ = [0.6, 0.8]): m̂ = g₁, v̂ = g₁², r = g₁/|g₁| = [1, 1], ‖r‖ = √2, τ = 5/√2,
    // w = [3, 4] − 0.1·(5/√2)·[1, 1]
    stepWith(opt, [0.6, 0.8]);
    const w1 = [3 - 0.5 / Math.SQRT2, 4 - 0.5 / Math.SQRT2];
    expectClose(values(w), w1);
    // step 2 (g₂ = [0.2, −0.4]):
    //   m = 0.9·0.1·g₁ + 0.1·g₂ = [0.074, 0.032],          m̂ = m/(1 − 0.81)
    //   v = 0.999·0.001·g₁² + 0.001·g₂² = [3.9964e-4, 7.9936e-4], v̂ = v/(1 − 0.999²)
    //   r = m̂/√v̂,  τ = ‖w₁‖/‖r‖,  w₂ = w₁ − 0.1·τ·r
    stepWith(opt, [0.2, -0.4]);
    const mHat = [0.074, 0.032].map((m) => m / 0.19);
    const vHat = [3.9964e-4, 7.9936e-4].map((v) => v / (1 - 0.999 ** 2));
    const r = mHat.map((m, i) => m / Math.sqrt(vHat[i]));
    const tau = Math.hypot(...w1) / Math.hypot(...r);
    expectClose(
      values(w),
      w1.map((x, i) => x - 0.1 * tau * r[i]),
    );
    opt.dispose();
    w.dispose();
  });

  test('weight decay is added to the update direction; τ = 1 for a zero layer', () => {
    // Zero layer, ε 0, wd 0.5: r = sign(g) + 0.5·0 = [1, −1], ‖w‖ = 0 → τ = 1, w = −0.1·r.
    const b = variable([0, 0]);
    const opt = new TensorOptimizer(lamb, [b], { lr: 0.1, eps: 0, weight_decay: 0.5 });
    stepWith(opt, [3, -2]);
    expectClose(values(b), [-0.1, 0.1]);
    // step 2, g = [0, 0]: m̂ = [3, −2]·0.09/0.19, v̂ = [9, 4]·0.000999/0.001999 → r = m̂/√v̂ + 0.5·w
    stepWith(opt, [0, 0]);
    const mHat = [3, -2].map((g) => (0.09 * g) / 0.19);
    const vHat = [9, 4].map((g2) => (0.000999 * g2) / 0.001999);
    const r = mHat.map((m, i) => m / Math.sqrt(vHat[i]) + 0.5 * [-0.1, 0.1][i]);
    const tau = Math.hypot(0.1, 0.1) / Math.hypot(...r);
    expectClose(
      values(b),
      [-0.1, 0.1].map((x, i) => x - 0.1 * tau * r[i]),
    );
    opt.dispose();
    b.dispose();
  });
});

describe('layer-wise optimizers on tensors', () => {
  test.each(['lars', 'LAMB'])('%s: numTensors is flat across steps and after dispose', (name) => {
    const spec = findOptimizer(name)!;
    expect(spec).toBeDefined();
    const before = numTensors();
    const w = [variable([1, -2, 3]), tf.tidy(() => tf.variable(tf.ones([2, 2])))];
    const opt = new TensorOptimizer(spec, w);
    const loss = () => tf.add(tf.sum(tf.square(w[0])), tf.sum(tf.square(w[1]))) as tf.Scalar;
    opt.minimize(loss);
    const flat = numTensors();
    for (let i = 0; i < 5; i++) opt.minimize(loss);
    expect(numTensors()).toBe(flat);
    expect(values(w[0]).every(Number.isFinite)).toBe(true);
    opt.dispose();
    tf.dispose(w);
    expect(numTensors()).toBe(before);
  });
});
