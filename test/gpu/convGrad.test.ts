import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/gpu/backend';
import {
  backendLacksConvFilterGrad,
  conv2dTrainable,
  type ConvPad,
} from '../../src/gpu/nets/convGrad';
import { crossEntropy } from '../../src/gpu/nets/loss';
import { initBuffers, initParams } from '../../src/gpu/nets/params';
import { resnet } from '../../src/gpu/nets/resnet';
import { TensorOptimizer } from '../../src/gpu/tensorOptimizer';
import type { OptimizerSpec } from '../../src/core/optimizers/optimizerSpec';
import { maxRelErr, numTensors, relToMax, useTestBackend } from './setup';

let backend = '';
beforeAll(async () => {
  backend = await useTestBackend();
});
afterAll(useTestBackend);

/** Deterministic pseudo-random values in [-1, 1). */
function values(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

interface Case {
  n: number;
  h: number;
  w: number;
  ci: number;
  co: number;
  k: number;
  stride: number;
  pad: ConvPad;
}

/** [y, dL/dx, dL/dW] of L = Σ conv(x, W) ⊙ R, with `conv` on the active backend. */
function grads(c: Case, conv: (x: tf.Tensor4D, f: tf.Tensor4D) => tf.Tensor4D): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.tensor4d(values(c.n * c.h * c.w * c.ci, 1), [c.n, c.h, c.w, c.ci]);
    const f = tf.tensor4d(values(c.k * c.k * c.ci * c.co, 2), [c.k, c.k, c.ci, c.co]);
    const y = conv(x, f);
    const r = tf.tensor(values(y.size, 3), y.shape);
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(conv(a as tf.Tensor4D, b as tf.Tensor4D), r)),
    );
    const [dx, dw] = g([x, f]);
    return [
      y.dataSync() as Float32Array,
      dx.dataSync() as Float32Array,
      dw.dataSync() as Float32Array,
    ];
  });
}

const cases: Case[] = [];
for (const k of [1, 3]) {
  for (const stride of [1, 2]) {
    for (const pad of ['same', 'valid', k === 3 ? 1 : 0] as ConvPad[]) {
      cases.push({ n: 3, h: 7, w: 6, ci: 4, co: 5, k, stride, pad });
    }
  }
}

describe('conv2dTrainable', () => {
  test('the test backend is wasm and lacks Conv2DBackpropFilter (cpu has it)', () => {
    expect(backend).toBe('wasm');
    expect(backendLacksConvFilterGrad()).toBe(true);
  });

  test.each(cases)("gradients equal the cpu backend's native ones: %o", async (c) => {
    await initBackend(['cpu']);
    expect(backendLacksConvFilterGrad()).toBe(false);
    const ref = grads(c, (x, f) => tf.conv2d(x, f, c.stride, c.pad));
    await useTestBackend();
    const before = numTensors();
    const got = grads(c, (x, f) => conv2dTrainable(x, f, c.stride, c.pad));
    expect(numTensors()).toBe(before);
    got.forEach((g, i) => {
      expect(g.length).toBe(ref[i].length);
      expect(relToMax(g, ref[i])).toBeLessThan(1e-5);
      expect(maxRelErr(g, ref[i], 1e-3)).toBeLessThan(1e-4);
    });
  });
});

const sgd: OptimizerSpec<{ lr: number }> = {
  type: 'SGD',
  id: 'test-sgd',
  summary: '',
  tex: '',
  defaults: { lr: 0.05 },
  hyperparams: [],
  init: () => ({}),
  step: (A, theta, grad, state, hp) => ({ theta: A.sub(theta, A.mul(hp.lr, grad)), state }),
};

describe.each([true, false])('tiny ResNet-20 (shortcut=%s) on wasm', (shortcut) => {
  const net = resnet({ depth: 20, shortcut, width: 2, inChannels: 1, inputSize: 8, numClasses: 3 });

  test("its loss gradient equals cpu's", async () => {
    const lossGrads = () =>
      tf.tidy(() => {
        const x = tf.tensor4d(values(6 * 64, 5), [6, 8, 8, 1]);
        const y = tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32');
        const params = initParams(net, { seed: 3 });
        const buffers = initBuffers(net);
        const g = tf.grads((...ps: tf.Tensor[]) =>
          crossEntropy(net.forward(ps, buffers, x, 'train').logits, y),
        )(params);
        return g.map((t) => t.dataSync() as Float32Array);
      });
    await initBackend(['cpu']);
    const ref = lossGrads();
    await useTestBackend();
    const got = lossGrads();
    expect(got.length).toBe(net.params.length);
    const cat = (a: Float32Array[]) => Float32Array.from(a.flatMap((t) => Array.from(t)));
    // Whole-net gradient through 19 convs and BN: compare against the largest entry.
    expect(relToMax(cat(got), cat(ref))).toBeLessThan(1e-4);
    got.forEach((g, i) => expect(relToMax(g, ref[i]), net.params[i].name).toBeLessThan(1e-3));
  });

  test('trains (loss falls) with TensorOptimizer, numTensors flat', async () => {
    expect(tf.getBackend()).toBe('wasm');
    const x = tf.tensor4d(values(12 * 64, 7), [12, 8, 8, 1]);
    const y = tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2], 'int32');
    const vars = tf.tidy(() => initParams(net, { seed: 1 }).map((t) => tf.variable(t)));
    let buffers = initBuffers(net);
    const opt = new TensorOptimizer(sgd, vars, { lr: 0.1 });
    const step = () => {
      let nb: tf.Tensor[] = [];
      const loss = opt.minimize(() => {
        const r = net.forward(vars, buffers, x, 'train');
        nb = r.buffers!.map((b) => tf.keep(b));
        return crossEntropy(r.logits, y);
      });
      tf.dispose(buffers);
      buffers = nb;
      return loss;
    };
    const first = step();
    const flat = numTensors();
    const losses: number[] = [];
    for (let i = 0; i < 20; i++) losses.push(step());
    expect(numTensors()).toBe(flat);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]).toBeLessThan(first * 0.7);
    opt.dispose();
    tf.dispose([...vars, ...buffers, x, y]);
  });
});
