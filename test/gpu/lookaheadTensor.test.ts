/**
 * Lookahead on the tensor path: the slow weights are state tensors TensorOptimizer owns, so the
 * tensor count is flat across steps (syncs included) and back to the start after dispose().
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { optimizerOf } from '../../src/core/optimizers/registry';
import { makeToy2d } from '../../src/data/toy2d';
import { mlp } from '../../src/gpu/nets/mlp';
import { TensorOptimizer } from '../../src/gpu/tensorOptimizer';
import { toyTensorData } from '../../src/gpu/train/tensorData';
import { train } from '../../src/gpu/train/train';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

describe('TensorOptimizer with Lookahead', () => {
  for (const config of [
    { type: 'Adam', lookahead: { k: 3, alpha: 0.5 } },
    { type: 'SGD', lookahead: { k: 1, alpha: 0.5 } },
    { type: 'Ranger' },
  ]) {
    it(`${config.type}${config.lookahead ? ` in Lookahead k=${config.lookahead.k}` : ''}: numTensors flat across steps, slow tensors disposed`, () => {
      const before = numTensors();
      const vars = tf.tidy(() => [
        tf.variable(
          tf.tensor2d([
            [1, -2],
            [3, 0.5],
          ]),
        ),
        tf.variable(tf.tensor1d([0.3, -0.7])),
      ]);
      const opt = new TensorOptimizer(optimizerOf(config)!, vars, { lr: 0.1 });
      const slowKey = opt.spec.shadow!.key;
      const counts: number[] = [];
      for (let t = 1; t <= 7; t++) {
        const grads = vars.map((v) => tf.tidy(() => v.mul(2)));
        opt.step(grads);
        tf.dispose(grads);
        counts.push(numTensors());
      }
      expect(new Set(counts).size).toBe(1);
      // The slow weights are the last sync point: after 7 steps with k = 3 that is step 6's θ,
      // so they differ from θ (step 7 moved it); with k = 1 they are θ itself.
      const slow = opt.state(1)[slowKey] as tf.Tensor;
      const [s, theta] = [Array.from(slow.dataSync()), Array.from(vars[1].dataSync())];
      if (config.lookahead?.k === 1) expect(s).toEqual(theta);
      else expect(s).not.toEqual(theta);
      opt.dispose();
      tf.dispose(vars);
      expect(numTensors()).toBe(before);
    });
  }
});

describe('network training inside Lookahead', () => {
  it('trains with the config’s Lookahead: k = 1, α = ½ around SGD is SGD at half the lr', async () => {
    // Each step: fast = θ − η∇, then slow = θ + ½(fast − θ) = θ − (η/2)∇ and θ ← slow.
    const data = toyTensorData(makeToy2d({ kind: 'circle', n: 64, noise: 0, seed: 2 }));
    const net = mlp({ hidden: [4], activation: 'tanh' });
    const before = numTensors();
    const weights = async (optimizer: Parameters<typeof train>[0]['optimizer']) => {
      const r = await train({ net, data, optimizer, batchSize: 16, steps: 6, seed: 1 });
      const flat = r.params.flatMap((p) => Array.from(p.dataSync()));
      tf.dispose([...r.params, ...r.buffers]);
      return flat;
    };
    const wrapped = await weights({
      type: 'SGD',
      hp: { lr: 0.2 },
      lookahead: { k: 1, alpha: 0.5 },
    });
    const half = await weights({ type: 'SGD', hp: { lr: 0.1 } });
    const full = await weights({ type: 'SGD', hp: { lr: 0.2 } });
    wrapped.forEach((w, i) => expect(w).toBeCloseTo(half[i], 5));
    expect(Math.max(...full.map((w, i) => Math.abs(w - half[i])))).toBeGreaterThan(1e-3);
    expect(numTensors()).toBe(before);
    tf.dispose([data.x, data.y]);
  });
});
