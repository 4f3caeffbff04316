/**
 * Lookahead on the tensor path: the slow weights are state tensors TensorOptimizer owns, so the
 * tensor count is flat across steps (syncs included) and back to the start after dispose().
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { optimizerOf } from '../../src/core/optimizers/registry';
import { TensorOptimizer } from '../../src/gpu/tensorOptimizer';
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
