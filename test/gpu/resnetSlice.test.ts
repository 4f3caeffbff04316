import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { randomDirections } from '../../src/gpu/landscape/directions';
import { evaluate, toBatches } from '../../src/gpu/landscape/evaluate';
import { interpolate } from '../../src/gpu/landscape/interpolate';
import { computeSlice } from '../../src/gpu/landscape/slice';
import { crossEntropy } from '../../src/gpu/nets/loss';
import { initBuffers, initParams } from '../../src/gpu/nets/params';
import { resnet } from '../../src/gpu/nets/resnet';
import { TensorOptimizer } from '../../src/gpu/tensorOptimizer';
import type { OptimizerSpec } from '../../src/core/optimizers/optimizerSpec';
import { initBackend } from '../../src/gpu/backend';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

/** Plain SGD, θ ← θ − lr·g, inline: the real optimizers are tested against PyTorch elsewhere. */
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

/** Tiny Fashion-MNIST-shaped problem: 1×8×8 images, 3 classes, 12 samples. */
function data() {
  const x = tf.randomNormal([12, 8, 8, 1], 0, 1, 'float32', 11);
  const y = tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2], 'int32');
  return { x, y, batches: toBatches(x, y, 8) };
}

describe.each([true, false])('tiny ResNet-20 (shortcut=%s)', (shortcut) => {
  const net = resnet({ depth: 20, shortcut, width: 2, inChannels: 1, inputSize: 8, numClasses: 3 });

  // tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel: conv training runs on cpu here.
  test('trains a few steps with TensorOptimizer (BN in train mode), leak-free, and its slice centre is its loss', async () => {
    await initBackend(['cpu']);
    const { x, y, batches } = data();
    const vars = tf.tidy(() => initParams(net, { seed: 1 }).map((t) => tf.variable(t)));
    let buffers = initBuffers(net);
    const opt = new TensorOptimizer(sgd, vars);
    const steps = () => {
      let newBuffers: tf.Tensor[] = [];
      const loss = opt.minimize(() => {
        const r = net.forward(vars, buffers, x, 'train');
        newBuffers = r.buffers!.map((b) => tf.keep(b)); // running stats outlive the step
        return crossEntropy(r.logits, y);
      });
      tf.dispose(buffers);
      buffers = newBuffers;
      return loss;
    };
    steps();
    const flat = numTensors();
    const losses = [steps(), steps(), steps()];
    expect(numTensors()).toBe(flat);
    expect(losses.every(Number.isFinite)).toBe(true);

    const dirs = randomDirections(vars, { seed: 2 });
    const before = numTensors();
    const axis = { min: -0.5, max: 0.5, num: 3 };
    const s = { net, params: vars, buffers, dx: dirs.x, dy: dirs.y, x: axis, y: axis, batches };
    const r = await computeSlice(s);
    await computeSlice(s);
    expect(numTensors()).toBe(before);
    const at = await evaluate(net, vars, buffers, batches);
    expect(r.loss[4]).toBeCloseTo(at.loss, 5);
    expect(r.acc[4]).toBe(at.acc);
    expect(Array.from(r.loss).every(Number.isFinite)).toBe(true);

    opt.dispose();
    tf.dispose([
      ...vars,
      ...buffers,
      ...dirs.x,
      ...dirs.y,
      x,
      y,
      ...batches.flatMap((b) => [b.x, b.y]),
    ]);
    await useTestBackend();
  });
});

/** A tiny ResNet, data, and two different parameter sets to interpolate between. */
function twoEnds() {
  const net = resnet({ depth: 20, width: 2, inChannels: 1, inputSize: 8, numClasses: 3 });
  const { x, y, batches } = data();
  const a = initParams(net, { seed: 1 });
  const b = initParams(net, { seed: 2, scheme: 'xavier' });
  const buffers = initBuffers(net);
  const dispose = () =>
    tf.dispose([...a, ...b, ...buffers, x, y, ...batches.flatMap((t) => [t.x, t.y])]);
  return { net, batches, a, b, buffers, dispose };
}

test('interpolation runs from one parameter set (α = 0) to the other (α = 1)', async () => {
  const { net, batches, a, b, buffers, dispose } = twoEnds();
  const before = numTensors();
  const r = await interpolate({
    net,
    from: a,
    to: b,
    buffers,
    alpha: { min: 0, max: 1, num: 3 },
    batches,
  });
  expect(numTensors()).toBe(before);
  expect(r.loss[0]).toBeCloseTo((await evaluate(net, a, buffers, batches)).loss, 5);
  expect(r.loss[2]).toBeCloseTo((await evaluate(net, b, buffers, batches)).loss, 5);
  dispose();
});

test('interpolation with batch-statistics BN matches train-mode evaluation at both ends, and differs from running-statistics BN', async () => {
  const { net, batches, a, b, buffers, dispose } = twoEnds();
  const before = numTensors();
  const alpha = { min: 0, max: 1, num: 3 };
  const batch = await interpolate({ net, from: a, to: b, buffers, alpha, batches, bn: 'train' });
  const running = await interpolate({ net, from: a, to: b, buffers, alpha, batches });
  expect(numTensors()).toBe(before);
  expect(batch.loss[0]).toBeCloseTo((await evaluate(net, a, buffers, batches, 'train')).loss, 5);
  expect(batch.loss[2]).toBeCloseTo((await evaluate(net, b, buffers, batches, 'train')).loss, 5);
  // Fresh buffers (mean 0, var 1) are not the batch statistics, so the two modes disagree.
  expect(Math.abs(batch.loss[1] - running.loss[1])).toBeGreaterThan(1e-4);
  dispose();
});
