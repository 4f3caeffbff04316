import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { correctCount, crossEntropy, crossEntropyPerSample } from '../../src/gpu/nets/loss';
import { loadCase, net, refCase } from './filterNormCase';
import { maxRelErr, numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

describe('smallCnn (the filter_norm.json model)', () => {
  test('declares the reference parameter order and torch shapes', () => {
    expect(net.params.map((p) => p.name)).toEqual(refCase.model.parameter_order);
    expect(net.params.map((p) => p.shape)).toEqual(
      refCase.model.parameters.map((p: { shape: number[] }) => p.shape),
    );
    expect(net.buffers.map((b) => b.name)).toEqual(['bn1.running_mean', 'bn1.running_var']);
  });

  test('eval-mode forward reproduces PyTorch logits, per-sample loss, loss and accuracy (rel 1e-4)', () => {
    const c = loadCase();
    const before = numTensors();
    const [logits, per, loss, correct] = tf.tidy(() => {
      const { logits } = net.forward(c.params, c.buffers, c.x, 'eval');
      return [
        logits,
        crossEntropyPerSample(logits, c.y),
        crossEntropy(logits, c.y),
        correctCount(logits, c.y),
      ];
    });
    const o = refCase.at_origin;
    expect(maxRelErr(logits.dataSync(), o.logits.flat(), 1e-6)).toBeLessThan(1e-4);
    expect(maxRelErr(per.dataSync(), o.per_sample_loss)).toBeLessThan(1e-4);
    expect(maxRelErr(loss.dataSync(), [o.loss])).toBeLessThan(1e-4);
    expect((100 * correct.dataSync()[0]) / 8).toBe(o.accuracy_percent);
    tf.dispose([logits, per, loss, correct]);
    expect(numTensors()).toBe(before);
    tf.dispose([...c.params, ...c.buffers, c.x, c.y]);
  });

  test('train mode normalises with batch statistics and returns running stats moved 10% towards them', () => {
    const c = loadCase();
    const [newMean, newVar] = tf.tidy(
      () => net.forward(c.params, c.buffers, c.x, 'train').buffers!,
    );
    // Batch statistics of conv1's output, by hand: mean and unbiased variance over (N, H, W).
    const [bm, bv] = tf.tidy(() => {
      const h = tf
        .conv2d(c.x as tf.Tensor4D, tf.transpose(c.params[0], [2, 3, 1, 0]) as tf.Tensor4D, 1, 0)
        .add(c.params[1]) as tf.Tensor4D;
      const { mean, variance } = tf.moments(h, [0, 1, 2]);
      const n = h.shape[0] * h.shape[1] * h.shape[2];
      return [mean, variance.mul(n / (n - 1))];
    });
    const rm = refCase.model.bn_running_mean as number[];
    const rv = refCase.model.bn_running_var as number[];
    const wantMean = rm.map((r, i) => 0.9 * r + 0.1 * bm.dataSync()[i]);
    const wantVar = rv.map((r, i) => 0.9 * r + 0.1 * bv.dataSync()[i]);
    expect(maxRelErr(newMean.dataSync(), wantMean, 1e-6)).toBeLessThan(1e-5);
    expect(maxRelErr(newVar.dataSync(), wantVar)).toBeLessThan(1e-5);
    tf.dispose([newMean, newVar, bm, bv, ...c.params, ...c.buffers, c.x, c.y]);
  });
});
