import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { makeToy2d, splitToy2d } from '../../src/data/toy2d';
import { mlp } from '../../src/gpu/nets/mlp';
import { batchSharpness } from '../../src/gpu/train/batchSharpness';
import { toyTensorData } from '../../src/gpu/train/tensorData';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

describe('sharpness of the minimum reached, by batch size (toy MLP)', () => {
  test('after the same steps the full batch ends sharper than batch 4; no tensor left', async () => {
    const { train } = splitToy2d(makeToy2d({ kind: 'xor', n: 200, noise: 0.1, seed: 1 }), 0.5, 1);
    const data = toyTensorData(train);
    const net = mlp({ inputs: 2, hidden: [8, 8], numClasses: 2, activation: 'tanh' });
    const before = numTensors();
    // Measured: batch 4 loss 0.016, λ_max 0.98; batch 100 (all) loss 0.010, λ_max 2.05. With the
    // same 30 epochs instead, the full batch takes 30 steps and stops far from a minimum (0.55).
    const rows = await batchSharpness({
      net,
      data,
      optimizer: { type: 'SGD', hp: { lr: 0.1 } },
      batches: [4, 100],
      length: { steps: 750 },
      seed: 2,
      initScheme: 'xavier',
    });
    expect(numTensors()).toBe(before);
    expect(rows.map((r) => [r.batch, r.steps])).toEqual([
      [4, 750],
      [100, 750],
    ]);
    for (const r of rows) {
      expect(r.converged).toBe(true);
      expect(r.loss).toBeLessThan(0.05);
    }
    expect(rows[0].lambdaMax).toBeGreaterThan(0);
    expect(rows[1].lambdaMax).toBeGreaterThan(1.5 * rows[0].lambdaMax);
    tf.dispose([data.x, data.y]);
  }, 60_000);
});
