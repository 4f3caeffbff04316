import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { Algebra } from '../../src/core/algebra';
import type { OptimizerSpec, OptState } from '../../src/core/optimizers/optimizerSpec';
import { findOptimizer } from '../../src/core/optimizers/registry';
import { TensorOptimizer } from '../../src/gpu/tensorOptimizer';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

type Hp = { lr: number; momentum: number };

/** A tiny torch-style SGD with momentum: b₁ = g₁, bₜ = μ·bₜ₋₁ + gₜ; θ ← θ − lr·b. */
const sgdMomentum: OptimizerSpec<Hp> = {
  type: 'SGD',
  id: 'test-sgd',
  summary: 'test only',
  tex: '',
  defaults: { lr: 0.1, momentum: 0.5 },
  hyperparams: [],
  init: () => ({ buf: null }),
  step<T>(A: Algebra<T>, theta: T, grad: T, state: OptState<T>, hp: Hp) {
    // On step 1 the buffer IS the gradient tensor: the optimizer must copy what it keeps.
    const buf = state.buf === null ? grad : A.add(A.mul(hp.momentum, state.buf as T), grad);
    return { theta: A.sub(theta, A.mul(hp.lr, buf)), state: { buf } };
  },
};

const values = (v: tf.Tensor) => Array.from(v.dataSync());

describe('TensorOptimizer', () => {
  test('two hand-derived momentum steps on f = Σx² (g = 2x)', () => {
    const x = tf.variable(tf.tensor1d([1, -2]));
    const opt = new TensorOptimizer(sgdMomentum, [x]);
    // step 1: g = [2, -4], b = g, x = [1, -2] − 0.1·[2, -4] = [0.8, -1.6]
    opt.minimize(() => tf.sum(tf.square(x)));
    expect(values(x)).toEqual([0.8, -1.6].map(Math.fround));
    // step 2: g = [1.6, -3.2], b = 0.5·[2, -4] + g = [2.6, -5.2], x = [0.8, -1.6] − 0.1·b = [0.54, -1.08]
    const loss = opt.minimize(() => tf.sum(tf.square(x)));
    expect(loss).toBeCloseTo(0.8 * 0.8 + 1.6 * 1.6, 5);
    values(x).forEach((v, i) => expect(v).toBeCloseTo([0.54, -1.08][i], 6));
    expect(opt.t).toBe(2);
    opt.dispose();
    x.dispose();
  });

  test('the state survives the caller disposing its gradients', () => {
    const x = tf.variable(tf.tensor1d([1]));
    const opt = new TensorOptimizer(sgdMomentum, [x], { lr: 1, momentum: 1 });
    const g = tf.tensor1d([3]);
    opt.step([g]);
    g.dispose();
    expect(values(opt.state(0).buf as tf.Tensor)).toEqual([3]);
    opt.step([tf.tensor1d([0])]); // b = 3, x = −2 − 3
    expect(values(x)).toEqual([-5]);
    opt.dispose();
    x.dispose();
  });

  test('per-step hyperparameters override the constructor values (lr = 0 changes nothing)', () => {
    const x = tf.variable(tf.tensor1d([1, 2]));
    const opt = new TensorOptimizer(sgdMomentum, [x]);
    opt.minimize(() => tf.sum(tf.square(x)), { lr: 0 });
    expect(values(x)).toEqual([1, 2]);
    opt.dispose();
    x.dispose();
  });

  test('tensor count is flat across steps and returns to the start after dispose()', () => {
    const start = numTensors();
    // tidy frees the initial values; variables are never tidied away.
    const w = tf.tidy(() => tf.variable(tf.randomNormal([4, 3], 0, 1, 'float32', 1)));
    const b = tf.tidy(() => tf.variable(tf.zeros([3])));
    const data = tf.randomNormal([8, 4], 0, 1, 'float32', 2);
    const withVars = numTensors();
    const opt = new TensorOptimizer(sgdMomentum, [w, b]);
    const loss = () => tf.mean(tf.square(tf.add(tf.matMul(data, w), b))) as tf.Scalar;
    opt.minimize(loss);
    const afterFirst = numTensors();
    expect(afterFirst).toBe(withVars + 2); // one momentum buffer per variable
    for (let i = 0; i < 5; i++) opt.minimize(loss);
    expect(numTensors()).toBe(afterFirst);
    opt.dispose();
    expect(numTensors()).toBe(withVars);
    tf.dispose([w, b, data]);
    expect(numTensors()).toBe(start);
  });

  test('refuses, by name, an optimizer that needs the exact Hessian (Newton)', () => {
    const x = tf.variable(tf.tensor1d([1]));
    const spec = findOptimizer('Newton')!;
    expect(() => new TensorOptimizer(spec, [x])).toThrow(
      /Newton needs the exact Hessian.*not offered for networks/,
    );
    x.dispose();
  });

  test('rejects a gradient list of the wrong length and stepping after dispose()', () => {
    const x = tf.variable(tf.tensor1d([1]));
    const opt = new TensorOptimizer(sgdMomentum, [x]);
    expect(() => opt.step([])).toThrow(/1 variables/);
    opt.dispose();
    expect(() => opt.step([x])).toThrow(/after dispose/);
    x.dispose();
  });
});
